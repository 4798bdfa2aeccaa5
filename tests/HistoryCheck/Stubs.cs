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
    /// for stays a compile error and is counted.
    /// </summary>
    internal sealed class Stubs
    {
        public const string FileName = "HistoryCheck.Stubs.cs";

        private readonly SortedSet<string> _namespaces = new SortedSet<string>(StringComparer.Ordinal);
        private readonly SortedDictionary<string, StubType> _types = new SortedDictionary<string, StubType>(StringComparer.Ordinal);

        public int NamespaceCount => _namespaces.Count;

        public int TypeCount => _types.Count;

        public int MemberCount => _types.Values.Sum(type => type.Members.Count);

        public IEnumerable<string> Contexts => _types.Values.Where(type => type.IsContext).Select(type => type.FullName);

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
                    && Add(string.Empty, simple.Identifier.ValueText, simple.Arity, isContext: false),

                // A member of a stubbed type (`Status.Active` once `Status` is stubbed).
                "CS0117" => node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>() is { } member && LearnMember(member, compilation),
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

                    // A context stub is a DbContext, as the real one is; other types need no base. Any constructor call
                    // (a design-time factory passing the context its services) binds to the one that takes anything.
                    source.Append("public class ").Append(name).Append(type.IsContext ? " : Microsoft.EntityFrameworkCore.DbContext" : string.Empty).AppendLine(" {");
                    source.Append("public ").Append(type.Name).AppendLine("(params object?[] arguments) { }");
                    foreach (var member in type.Members)
                    {
                        source.Append("public static readonly ").Append(name).Append(' ').Append(member).AppendLine(" = default!;");
                    }

                    source.AppendLine("}");
                }

                if (group.Key.Length > 0)
                {
                    source.AppendLine("}");
                }
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
            var isContext = outer.Parent is TypeOfExpressionSyntax
                && outer.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
                && (attribute.Name.ToString().EndsWith("DbContext", StringComparison.Ordinal) || attribute.Name.ToString().EndsWith("DbContextAttribute", StringComparison.Ordinal));
            return Add(ns, last.Identifier.ValueText, last is GenericNameSyntax generic ? generic.Arity : 0, isContext);
        }

        private bool LearnMember(MemberAccessExpressionSyntax member, Compilation compilation)
        {
            var symbol = compilation.GetSemanticModel(member.SyntaxTree).GetSymbolInfo(member.Expression).Symbol;
            if (symbol is not INamedTypeSymbol type || !type.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree.FilePath == FileName))
            {
                return false;
            }

            var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            return _types.TryGetValue(Key(ns, type.Name, type.Arity), out var stub) && stub.Members.Add(member.Name.Identifier.ValueText);
        }

        private bool Add(string ns, string name, int arity, bool isContext)
        {
            var key = Key(ns, name, arity);
            if (_types.TryGetValue(key, out var known))
            {
                if (!isContext || known.IsContext)
                {
                    return false;
                }

                known.IsContext = true;
                return true;
            }

            _types.Add(key, new StubType(ns, name, arity) { IsContext = isContext });
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

            public bool IsContext { get; set; }

            public SortedSet<string> Members { get; } = new SortedSet<string>(StringComparer.Ordinal);

            public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
        }
    }
}
