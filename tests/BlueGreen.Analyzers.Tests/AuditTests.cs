using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// SPEC: no file or network access, deterministic. BannedSymbols.txt and RS1035 stop such calls at build time; these
    /// tests check what was built: the analyzer assemblies' metadata names no file, network, environment, console or
    /// clock API, except the one clock a code fix reads (to name a new migration; tests inject theirs).
    /// </summary>
    public class AuditTests
    {
        // Types whose mere use is file, network, console or process access.
        private static readonly Regex BannedType = new Regex(
            @"^(System\.IO\.(File|FileInfo|FileStream|FileSystemInfo|FileSystemWatcher|Directory|DirectoryInfo|DriveInfo|StreamReader|StreamWriter)"
            + @"|System\.Net(\..+)?\.[^.]+|System\.Console|System\.Diagnostics\.Process|System\.Diagnostics\.Stopwatch)$",
            RegexOptions.CultureInvariant);

        // The clocks: members of types analyzers may otherwise use.
        private static readonly HashSet<string> BannedMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
            "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
        };

        // Every member of Environment (variables, paths, machine, tick count) but the thread id the compiler's iterator
        // classes compare in GetEnumerator: thread identity, not the environment.
        private static bool IsBanned(string member) =>
            BannedMembers.Contains(member)
            || (member.StartsWith("System.Environment.", StringComparison.Ordinal) && member != "System.Environment.get_CurrentManagedThreadId");

        [Fact]
        public void The_analyzer_assembly_references_no_file_network_environment_console_or_clock_API()
        {
            Assert.Empty(Audit(typeof(DropColumnAnalyzer).Assembly).Select(use => use.Describe()));
        }

        [Fact]
        public void The_code_fix_assembly_reads_the_clock_only_to_name_a_new_migration_and_references_no_file_network_environment_or_console_API()
        {
            var uses = Audit(typeof(AddDropMigrationCodeFixProvider).Assembly);

            Assert.Empty(uses.Where(use => !(use.What == "System.DateTime.get_UtcNow" && use.InType == typeof(AddDropMigrationCodeFixProvider).FullName)).Select(use => use.Describe()));
            Assert.Contains(uses, use => use.What == "System.DateTime.get_UtcNow");
        }

        [Fact]
        public void Both_analyzer_projects_enforce_the_analyzer_API_rules_and_the_banned_symbols_and_switch_neither_off()
        {
            // RS1035 (Microsoft.CodeAnalysis.Analyzers) bans file, console and environment APIs in analyzers once extended
            // rules are enforced; RS0030 (BannedApiAnalyzers) reads BannedSymbols.txt, which adds the clocks.
            foreach (var project in new[] { "BlueGreen.Analyzers", "BlueGreen.Analyzers.CodeFixes" })
            {
                var csproj = File.ReadAllText(Repository.Path("src", project, project + ".csproj"));
                Assert.Contains("<EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>", csproj, StringComparison.Ordinal);
                Assert.Contains("Microsoft.CodeAnalysis.Analyzers", csproj, StringComparison.Ordinal);
                Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", csproj, StringComparison.Ordinal);
                Assert.Contains("BannedSymbols.txt", csproj, StringComparison.Ordinal);
            }

            var settings = Directory.EnumerateFiles(Repository.Path("src"), "*", SearchOption.AllDirectories)
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj"))
                .Concat(Directory.EnumerateFiles(Repository.Root).Where(file => Path.GetFileName(file) is "Directory.Build.props" or "Directory.Build.targets" or ".editorconfig" || file.EndsWith(".globalconfig", StringComparison.Ordinal)));
            Assert.Empty(settings.Where(file => File.ReadAllText(file).Contains("RS1035", StringComparison.Ordinal)).Select(file => Path.GetRelativePath(Repository.Root, file)));
        }

        /// <summary>
        /// Every use of a banned type or member in an assembly's metadata: type references (a referenced type is used
        /// somewhere), and each call of a banned member found in the IL of the method that makes it.
        /// </summary>
        private static List<Use> Audit(Assembly assembly)
        {
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var metadata = pe.GetMetadataReader();
            var uses = new List<Use>();
            foreach (var handle in metadata.TypeReferences)
            {
                if (BannedType.IsMatch(FullName(metadata, handle)))
                {
                    uses.Add(new Use(FullName(metadata, handle), "(type reference)"));
                }
            }

            var bannedMembers = new Dictionary<EntityHandle, string>();
            foreach (var handle in metadata.MemberReferences)
            {
                var member = metadata.GetMemberReference(handle);
                if (member.Parent.Kind == HandleKind.TypeReference
                    && FullName(metadata, (TypeReferenceHandle)member.Parent) + "." + metadata.GetString(member.Name) is var name
                    && IsBanned(name))
                {
                    bannedMembers.Add(handle, name);
                }
            }

            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = metadata.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress == 0)
                    {
                        continue;
                    }

                    foreach (var token in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!))
                    {
                        if (bannedMembers.TryGetValue(MetadataTokens.EntityHandle(token), out var name))
                        {
                            uses.Add(new Use(name, OutermostName(metadata, typeHandle)));
                        }
                    }
                }
            }

            // A banned member referenced but called from no method body (an attribute, a delegate in metadata only) still counts.
            foreach (var name in bannedMembers.Values.Where(name => !uses.Exists(use => use.What == name)))
            {
                uses.Add(new Use(name, "(member reference)"));
            }

            return uses;
        }

        private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
        {
            var type = metadata.GetTypeReference(handle);
            var name = metadata.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
                : metadata.GetString(type.Namespace) is { Length: > 0 } ns ? ns + "." + name : name;
        }

        /// <summary>The top-level type a method is in: a lambda's closure class counts as the type that wrote the lambda.</summary>
        private static string OutermostName(MetadataReader metadata, TypeDefinitionHandle handle)
        {
            var type = metadata.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } declaring)
            {
                type = metadata.GetTypeDefinition(declaring);
            }

            return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
        }

        // The size of each opcode's operand, from the runtime's own opcode table.
        private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(opCode => unchecked((ushort)opCode.Value), opCode => opCode.OperandType);

        /// <summary>The metadata tokens a method body's IL names (calls, field and token loads).</summary>
        private static IEnumerable<int> Tokens(byte[] il)
        {
            for (var offset = 0; offset < il.Length;)
            {
                ushort code = il[offset++];
                if (code == 0xFE)
                {
                    code = (ushort)(0xFE00 | il[offset++]);
                }

                var operand = Operands[code];
                if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok or OperandType.InlineType)
                {
                    yield return BitConverter.ToInt32(il, offset);
                }

                offset += operand switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
                    _ => 4,
                };
            }
        }

        private sealed class Use
        {
            public Use(string what, string inType)
            {
                What = what;
                InType = inType;
            }

            public string What { get; }

            public string InType { get; }

            public string Describe() => $"{What} in {InType}";
        }
    }
}
