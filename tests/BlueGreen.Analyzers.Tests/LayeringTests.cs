using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// The core speaks the domain, the rules speak Roslyn: the domain folders of the analyzer assembly use no rule, no
    /// diagnostic or analyzer-host API and no Workspaces type; only <c>Rules/</c> turns findings into diagnostics. And the
    /// fixes share one writer of new migrations.
    /// </summary>
    public class LayeringTests
    {
        private static readonly string[] CoreFolders = { "History", "Model", "Schema", "Checking", "Releases", "Syntax", "Usage" };

        private static readonly string[] ForbiddenNamespaces =
        {
            "BlueGreen.Analyzers.Rules", "BlueGreen.Analyzers.CodeFixes",
            "Microsoft.CodeAnalysis.Diagnostics", "Microsoft.CodeAnalysis.CodeFixes", "Microsoft.CodeAnalysis.CodeActions", "Microsoft.CodeAnalysis.Host",
        };

        [Fact]
        public void The_domain_core_references_no_rule_diagnostic_host_or_workspace_type()
        {
            var source = Repository.Path("src", "BlueGreen.Analyzers");
            var trees = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj"))
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), file))
                .ToList();
            var compilation = CSharpCompilation.Create(
                "Core",
                trees,
                TestReferences.All.Add(MetadataReference.CreateFromFile(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).Assembly.Location))
                    .Add(MetadataReference.CreateFromFile(typeof(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var uses = new List<string>();
            foreach (var tree in trees.Where(tree => CoreFolders.Any(folder => tree.FilePath.Contains(Path.DirectorySeparatorChar + folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))))
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var symbol = model.GetSymbolInfo(name).Symbol;
                    var type = symbol as ITypeSymbol ?? symbol?.ContainingType;
                    var ns = (symbol as INamespaceSymbol ?? type?.ContainingNamespace)?.ToDisplayString();
                    var assembly = (type ?? symbol)?.ContainingAssembly?.Name;
                    if (ns is not null && (ForbiddenNamespaces.Any(forbidden => ns.StartsWith(forbidden, StringComparison.Ordinal)) || assembly == "Microsoft.CodeAnalysis.Workspaces"))
                    {
                        uses.Add($"{Path.GetRelativePath(source, tree.FilePath)}({name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {name} ({ns})");
                    }
                }
            }

            Assert.Empty(uses.Distinct());
        }

        [Fact]
        public void Migration_files_are_added_in_one_place_and_no_fix_provider_calls_another()
        {
            // One writer of the migrations fixes add (NewMigration), so every fix lays them out alike; fixes share code,
            // never each other.
            var source = Repository.Path("src", "BlueGreen.Analyzers.CodeFixes");
            var files = Directory.EnumerateFiles(source, "*.cs").ToDictionary(file => Path.GetFileName(file), File.ReadAllText);
            Assert.Equal(new[] { "NewMigration.cs" }, files.Where(file => file.Value.Contains(".AddDocument(", StringComparison.Ordinal)).Select(file => file.Key));
            var providers = files.Keys.Where(file => file.EndsWith("CodeFixProvider.cs", StringComparison.Ordinal) && file != "MigrationCodeFixProvider.cs").Select(file => file[..^3]).ToList();
            Assert.Empty(providers.SelectMany(provider => files.Where(file => file.Key != provider + ".cs" && file.Value.Contains(provider, StringComparison.Ordinal)).Select(file => file.Key + " names " + provider)));
        }
    }
}
