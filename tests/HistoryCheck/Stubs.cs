using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// Declarations standing in for the rest of a project, learned from the compiler's errors: namespaces of
    /// <c>using</c> lines, the DbContext classes <c>[DbContext(typeof(...))]</c> names, and the app's types (enums,
    /// entities, value objects) that designers and migrations name. The analyzer reads migrations from syntax and needs
    /// symbols only for classes and attributes, so an empty class is as good as the real one; what a stub cannot stand
    /// for stays a compile error and is counted. Methods EF builders lack (APIs of the EF or provider version that wrote
    /// an old designer) become extensions that return their receiver.
    /// </summary>
    internal sealed class Stubs
    {
        public const string FileName = "HistoryCheck.Stubs.cs";

        private readonly SortedSet<string> _namespaces = new SortedSet<string>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, StubType> _types = new SortedDictionary<string, StubType>(StringComparer.Ordinal);
        private readonly SortedSet<string> _extensions = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>What a stub must derive from for the code that names it to mean what it meant.</summary>
        private enum StubKind
        {
            Plain,

            /// <summary>Named by <c>[DbContext(typeof(...))]</c>.</summary>
            Context,

            /// <summary>The base class of a migration (a project's own base deriving from EF's Migration).</summary>
            Migration,

            /// <summary>Used as an attribute.</summary>
            Attribute,
        }

        public int NamespaceCount => _namespaces.Count;

        public int TypeCount => _types.Count;

        public int MemberCount => _types.Values.Sum(type => type.Members.Count);

        public int ExtensionCount => _extensions.Count;

        public IEnumerable<string> Contexts => _types.Values.Where(type => type.Kind == StubKind.Context).Select(type => type.FullName);

        /// <summary>Whether the error taught a stub not yet declared.</summary>
        public bool Learn(Diagnostic error, Compilation compilation)
        {
            if (error.Location.SourceTree is not { } tree || tree.FilePath == FileName)
            {
                return false;
            }

            var node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
            return error.Id switch
            {
                // The type or namespace name could not be found (in the namespace named).
                "CS0246" or "CS0234" => node.FirstAncestorOrSelf<NameSyntax>() is { } name && LearnName(name),

                // A name used as an expression: an app enum or static class (`Status.Active`, `NullLogger<T>.Instance`).
                "CS0103" => node is SimpleNameSyntax simple
                    && simple.Parent is MemberAccessExpressionSyntax access
                    && access.Expression == simple
                    && Add(string.Empty, simple.Identifier.ValueText, simple.Arity, StubKind.Plain),

                // A member of a stubbed type (`Status.Active` once `Status` is stubbed).
                "CS0117" => node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>() is { } member && LearnMember(member, compilation),

                // A method an instance lacks: a builder method of the EF or provider version that wrote an old designer
                // (`.ForSqlServerUseSequenceHiLo()`), or of a stub. An extension that returns its receiver keeps the chain going.
                "CS1061" => node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>() is { Parent: InvocationExpressionSyntax invocation } called
                    && invocation.Expression == called
                    && _extensions.Add(called.Name.Identifier.ValueText),
                _ => false,
            };
        }

        public string Source()
        {
            var source = new StringBuilder();
            foreach (var ns in _namespaces)
            {
                source.Append("namespace ").Append(ns).AppendLine(" { }");
            }

            foreach (var group in _types.Values.GroupBy(type => type.Namespace))
            {
                if (group.Key.Length > 0)
                {
                    source.Append("namespace ").Append(group.Key).AppendLine(" {");
                }

                foreach (var type in group)
                {
                    var name = type.Name + (type.Arity == 0 ? string.Empty : "<" + string.Join(", ", Enumerable.Range(0, type.Arity).Select(index => "T" + index)) + ">");
                    var declaration = type.Kind switch
                    {
                        StubKind.Context => "public class " + name + " : Microsoft.EntityFrameworkCore.DbContext",
                        StubKind.Migration => "public abstract class " + name + " : Microsoft.EntityFrameworkCore.Migrations.Migration",
                        StubKind.Attribute => "public class " + name + " : System.Attribute",
                        _ => "public class " + name,
                    };

                    // Any constructor call (a design-time factory passing the context its services) binds to the one that takes anything.
                    source.Append(declaration).AppendLine(" {");
                    source.Append("public ").Append(type.Name).AppendLine("(params object?[] arguments) { }");
                    if (type.Kind == StubKind.Migration)
                    {
                        // The project's base may implement Up and Down itself (running scripts), leaving migrations without them.
                        source.AppendLine("protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) { }");
                        source.AppendLine("protected override void Down(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) { }");
                    }

                    foreach (var (member, isMethod) in type.Members)
                    {
                        source.AppendLine(isMethod
                            ? $"public static dynamic {member}(params object?[] arguments) => null!;"
                            : $"public static readonly {name} {member} = default!;");
                    }

                    source.AppendLine("}");
                }

                if (group.Key.Length > 0)
                {
                    source.AppendLine("}");
                }
            }

            if (_extensions.Count > 0)
            {
                source.AppendLine("public static class HistoryCheckExtensions {");
                foreach (var extension in _extensions)
                {
                    source.AppendLine($"public static T {extension}<T>(this T self, params object?[] arguments) => self;");
                }

                source.AppendLine("}");
            }

            return source.ToString();
        }

        private bool LearnName(NameSyntax name)
        {
            // The whole dotted name: `A.B.Context` is a type Context in a namespace A.B, whichever part the error names.
            var outer = name;
            while (outer.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                outer = (NameSyntax)outer.Parent;
            }

            if (outer.Parent is UsingDirectiveSyntax { Alias: null } directive && directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None))
            {
                return _namespaces.Add(Unqualified(outer.ToString()));
            }

            var (ns, last) = outer switch
            {
                QualifiedNameSyntax qualified => (Unqualified(qualified.Left.ToString()), qualified.Right),
                AliasQualifiedNameSyntax aliased => (string.Empty, aliased.Name),
                _ => (string.Empty, (SimpleNameSyntax)outer),
            };
            return Add(ns, last.Identifier.ValueText, last.Arity, KindOf(outer));
        }

        private static StubKind KindOf(NameSyntax name)
        {
            if (name.Parent is AttributeSyntax)
            {
                return StubKind.Attribute;
            }

            if (name.Parent is TypeOfExpressionSyntax && name.FirstAncestorOrSelf<AttributeSyntax>()?.Name.ToString() is { } attribute
                && (attribute.EndsWith("DbContext", StringComparison.Ordinal) || attribute.EndsWith("DbContextAttribute", StringComparison.Ordinal)))
            {
                return StubKind.Context;
            }

            // The base of a class that overrides Up(MigrationBuilder): EF finds migrations deriving from its Migration through such a base.
            var isMigrationBase = name.Parent is SimpleBaseTypeSyntax { Parent: BaseListSyntax { Parent: ClassDeclarationSyntax derived } }
                && derived.Members.OfType<MethodDeclarationSyntax>().Any(method => method.Identifier.ValueText == "Up" && method.Modifiers.Any(modifier => modifier.ValueText == "override"));
            return isMigrationBase ? StubKind.Migration : StubKind.Plain;
        }

        private bool LearnMember(MemberAccessExpressionSyntax member, Compilation compilation)
        {
            var symbol = compilation.GetSemanticModel(member.SyntaxTree).GetSymbolInfo(member.Expression).Symbol;
            if (symbol is not INamedTypeSymbol type || !type.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree.FilePath == FileName))
            {
                return false;
            }

            var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            var isMethod = member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member;
            return _types.TryGetValue(Key(ns, type.Name, type.Arity), out var stub) && stub.Members.TryAdd(member.Name.Identifier.ValueText, isMethod);
        }

        private bool Add(string ns, string name, int arity, StubKind kind)
        {
            var key = Key(ns, name, arity);
            if (_types.TryGetValue(key, out var known))
            {
                // A name first met as a plain type may turn out to be a context, a migration base or an attribute.
                if (kind == StubKind.Plain || known.Kind != StubKind.Plain)
                {
                    return false;
                }

                known.Kind = kind;
                return true;
            }

            _types.Add(key, new StubType(ns, name, arity) { Kind = kind });
            return true;
        }

        private static string Key(string ns, string name, int arity) => ns + "." + name + "`" + arity;

        private static string Unqualified(string name) =>
            (name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring("global::".Length) : name).Replace(" ", string.Empty);

        private sealed class StubType
        {
            public StubType(string ns, string name, int arity)
            {
                Namespace = ns;
                Name = name;
                Arity = arity;
            }

            public string Namespace { get; }

            public string Name { get; }

            public int Arity { get; }

            public StubKind Kind { get; set; }

            /// <summary>Static members by name: a method where the code calls it (returning dynamic, to fit any argument), a field otherwise.</summary>
            public SortedDictionary<string, bool> Members { get; } = new SortedDictionary<string, bool>(StringComparer.Ordinal);

            public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
        }
    }
}
