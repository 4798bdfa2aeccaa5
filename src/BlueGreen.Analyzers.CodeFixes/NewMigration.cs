using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The one writer of the migrations the fixes add, and the one place they are added: a class name not taken, the
    /// migration file (Up and Down, EF's layout), its designer, both added beside an existing migration (same project,
    /// folder and namespace). Each fix keeps its own id policy and only asks for the files here.
    /// Two layouts, both EF's: <see cref="Scaffolded"/> writes what <c>dotnet ef migrations add</c> writes (the migrations
    /// usings, <c>public partial class X : Migration</c>), for a migration of new calls; <see cref="Like"/> repeats the
    /// original's usings, modifiers, base class, Up and Down signatures and line breaks, for statements moved out of it
    /// (they may name types through its usings). The designer is a copy of the original's where the model stays the same
    /// (a split, <see cref="DesignerCopy"/>), else written around a model (<see cref="DesignerText"/>: the snapshot's for
    /// BG0100, the fixed migration's for BG0206, the DbContext by its full name).
    /// </summary>
    internal sealed class NewMigration
    {
        /// <summary>The last second an id's timestamp can name.</summary>
        public static readonly DateTime LastTimestamp = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        private const string TimestampFormat = "yyyyMMddHHmmss";

        private const string Indent = "    ";

        private readonly Document _beside;
        private readonly IReadOnlyList<string> _usings;
        private readonly IReadOnlyList<string> _namespaceUsings;
        private readonly string _modifiers;
        private readonly string _baseList;
        private readonly string _upSignature;
        private readonly string _downSignature;
        private readonly string? _attributesContext;
        private readonly string _newLine;

        private NewMigration(Document beside, string? ns, IReadOnlyList<string> usings, IReadOnlyList<string> namespaceUsings, string modifiers, string baseList, string receiver, string upSignature, string downSignature, string? attributesContext, string newLine)
        {
            _beside = beside;
            Namespace = ns;
            _usings = usings;
            _namespaceUsings = namespaceUsings;
            _modifiers = modifiers;
            _baseList = baseList;
            Receiver = receiver;
            _upSignature = upSignature;
            _downSignature = downSignature;
            _attributesContext = attributesContext;
            _newLine = newLine;
        }

        /// <summary>The namespace the new class goes in (the existing migration's); null for none.</summary>
        public string? Namespace { get; }

        /// <summary>The MigrationBuilder parameter's name in the new Up and Down.</summary>
        public string Receiver { get; }

        /// <summary>The indentation of Up's and Down's statements (for calls that lay out lines of their own, as CreateTable).</summary>
        public string StatementIndent => (Namespace is null ? string.Empty : Indent) + Indent + Indent;

        /// <summary>
        /// A migration as <c>dotnet ef migrations add</c> scaffolds one, beside <paramref name="beside"/> (the document of
        /// <paramref name="node"/>, a node of an existing migration), in its namespace.
        /// </summary>
        public static NewMigration Scaffolded(Document beside, SyntaxNode node) =>
            new NewMigration(
                beside,
                NamespaceOf(node)?.Name.ToString(),
                new[] { "using Microsoft.EntityFrameworkCore.Migrations;" },
                new string[0],
                "public partial",
                ": Migration",
                "migrationBuilder",
                "protected override void Up(MigrationBuilder migrationBuilder)",
                "protected override void Down(MigrationBuilder migrationBuilder)",
                null,
                "\n");

        /// <summary>
        /// A migration laid out as <paramref name="original"/> (whose Up and Down are <paramref name="up"/> and
        /// <paramref name="down"/>) is, beside it. <paramref name="attributesContext"/>: the DbContext to name in
        /// <c>[DbContext]</c> and <c>[Migration]</c> on the class itself, where no designer will carry them.
        /// </summary>
        public static NewMigration Like(Document beside, ClassDeclarationSyntax original, MethodDeclarationSyntax? up, MethodDeclarationSyntax? down, string? attributesContext)
        {
            var ns = NamespaceOf(original);
            var receiver = up?.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "migrationBuilder";
            return new NewMigration(
                beside,
                ns?.Name.ToString(),
                ((CompilationUnitSyntax)original.SyntaxTree.GetRoot()).Usings.Select(directive => directive.ToString()).ToList(),
                ns?.Usings.Select(directive => directive.ToString()).ToList() ?? new List<string>(),
                original.Modifiers.ToString(),
                original.BaseList?.ToString().Trim() ?? ": Migration",
                receiver,
                Signature(up, "Up"),
                Signature(down, "Down"),
                attributesContext,
                MigrationEdits.NewLineOf(original.SyntaxTree.GetText()));
        }

        /// <summary>
        /// A class name not yet taken in the namespace, nor given out to another new migration (<paramref name="taken"/>,
        /// which records it): <paramref name="name"/>, else with a number after it.
        /// </summary>
        public string ClassName(Compilation compilation, string name, ISet<string> taken)
        {
            var candidate = name;
            for (var suffix = 2;
                compilation.GetTypeByMetadataName(Namespace is null ? candidate : Namespace + "." + candidate) is not null || !taken.Add((Namespace ?? string.Empty) + "." + candidate);
                suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>The migration file: Up's and Down's statements separated by a blank line, as EF writes them (an empty method keeps one).</summary>
        public string MigrationText(string name, string id, IReadOnlyList<MigrationCall> up, IReadOnlyList<MigrationCall> down)
        {
            var text = new StringBuilder();
            foreach (var directive in _usings)
            {
                text.Append(directive).Append('\n');
            }

            text.Append(text.Length > 0 ? "\n" : string.Empty).Append("#nullable disable\n\n");
            var indent = Namespace is null ? string.Empty : Indent;
            if (Namespace is not null)
            {
                text.Append("namespace ").Append(Namespace).Append("\n{\n");
                foreach (var directive in _namespaceUsings)
                {
                    text.Append(indent).Append(directive).Append('\n');
                }

                text.Append(_namespaceUsings.Count > 0 ? "\n" : string.Empty);
            }

            text.Append(indent).Append("/// <inheritdoc />\n");
            if (_attributesContext is not null)
            {
                // No designer to carry them: EF finds the migration by these.
                text.Append(indent).Append("[Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(").Append(_attributesContext).Append("))]\n")
                    .Append(indent).Append("[Microsoft.EntityFrameworkCore.Migrations.Migration(").Append(MigrationCode.Literal(id)).Append(")]\n");
            }

            text.Append(indent).Append(_modifiers).Append(" class ").Append(name).Append(' ').Append(_baseList).Append('\n')
                .Append(indent).Append("{\n");
            Method(text, indent + Indent, _upSignature, up);
            text.Append('\n');
            Method(text, indent + Indent, _downSignature, down);
            text.Append(indent).Append("}\n");
            if (Namespace is not null)
            {
                text.Append("}\n");
            }

            return text.ToString().Replace("\n", _newLine);
        }

        /// <summary>
        /// A designer written from a model: <paramref name="modelMethod"/>'s usings and <paramref name="model"/> (the
        /// snapshot's BuildModel, or a migration's BuildTargetModel) as BuildTargetModel of the new migration.
        /// </summary>
        public string DesignerText(MethodDeclarationSyntax modelMethod, BlockSyntax model, string name, string id, string context)
        {
            var usings = modelMethod.SyntaxTree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>().Select(directive => directive.ToString()).ToList();
            if (!usings.Contains("using Microsoft.EntityFrameworkCore.Migrations;"))
            {
                usings.Add("using Microsoft.EntityFrameworkCore.Migrations;");
            }

            // By namespace, as EF orders them ("X" before "X.Y").
            usings.Sort((left, right) => string.CompareOrdinal(left.TrimEnd(';'), right.TrimEnd(';')));
            var text = model.SyntaxTree.GetText();
            var body = text.ToString(TextSpan.FromBounds(model.OpenBraceToken.Span.End, model.CloseBraceToken.SpanStart)).Replace("\r\n", "\n");
            var designer = new StringBuilder("// <auto-generated />\n").Append(string.Join("\n", usings)).Append("\n\n#nullable disable\n\n");
            var indent = Namespace is null ? string.Empty : Indent;
            if (Namespace is not null)
            {
                designer.Append("namespace ").Append(Namespace).Append("\n{\n");
            }

            designer.Append(indent).Append("[DbContext(typeof(").Append(context).Append("))]\n")
                .Append(indent).Append("[Migration(").Append(MigrationCode.Literal(id)).Append(")]\n")
                .Append(indent).Append("partial class ").Append(name).Append('\n')
                .Append(indent).Append("{\n")
                .Append(indent).Append("    /// <inheritdoc />\n")
                .Append(indent).Append("    protected override void BuildTargetModel(ModelBuilder ").Append(modelMethod.ParameterList.Parameters[0].Identifier.ValueText).Append(")\n")
                .Append(indent).Append("    {").Append(body).Append("}\n")
                .Append(indent).Append("}\n");
            if (Namespace is not null)
            {
                designer.Append("}\n");
            }

            return designer.ToString();
        }

        /// <summary>A copy of an existing designer under the new name and id: same file, usings, namespace and target model.</summary>
        public static string DesignerCopy(ClassDeclarationSyntax designer, string name, string id)
        {
            var changes = new List<TextChange> { new TextChange(designer.Identifier.Span, name) };
            if (MigrationAttribute(designer) is { ArgumentList.Arguments: { Count: 1 } arguments })
            {
                changes.Add(new TextChange(arguments[0].Span, MigrationCode.Literal(id)));
            }

            return designer.SyntaxTree.GetText().WithChanges(changes).ToString();
        }

        /// <summary>An id as EF makes one: the UTC timestamp (<c>yyyyMMddHHmmss</c>), an underscore, the class name.</summary>
        public static string Id(DateTime timestamp, string name) => timestamp.ToString(TimestampFormat, CultureInfo.InvariantCulture) + "_" + name;

        /// <summary>The UTC time an id's first 14 characters name as EF's timestamp; null when they do not.</summary>
        public static DateTime? TimestampOf(string id) =>
            id.Length >= TimestampFormat.Length
            && DateTime.TryParseExact(id.Substring(0, TimestampFormat.Length), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp)
                ? timestamp
                : null;

        /// <summary>The <c>[Migration("id")]</c> attribute on a class; null when it has none.</summary>
        public static AttributeSyntax? MigrationAttribute(ClassDeclarationSyntax declaration) =>
            declaration.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
                attribute.Name.ToString().Split('.').Last() is "Migration" or "MigrationAttribute" && attribute.ArgumentList?.Arguments.Count == 1);

        /// <summary>
        /// Adds <c>&lt;id&gt;.cs</c> and (unless null) <c>&lt;id&gt;.Designer.cs</c> to <paramref name="solution"/>, in the
        /// project and folder of the existing migration; unchanged when that project is not in it.
        /// </summary>
        public Solution AddTo(Solution solution, string id, string migration, string? designer)
        {
            if (solution.GetProject(_beside.Project.Id) is not { } project)
            {
                return solution;
            }

            var directory = _beside.FilePath is null ? null : System.IO.Path.GetDirectoryName(_beside.FilePath);
            string? PathOf(string file) => directory is null ? null : System.IO.Path.Combine(directory, file);
            project = project.AddDocument(id + ".cs", SourceText.From(migration), _beside.Folders, PathOf(id + ".cs")).Project;
            if (designer is not null)
            {
                project = project.AddDocument(id + ".Designer.cs", SourceText.From(designer), _beside.Folders, PathOf(id + ".Designer.cs")).Project;
            }

            return project.Solution;
        }

        private static BaseNamespaceDeclarationSyntax? NamespaceOf(SyntaxNode node) => node.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>();

        /// <summary>Up or Down with the original's signature (modifiers, parameter type and name), else EF's.</summary>
        private static string Signature(MethodDeclarationSyntax? original, string name)
        {
            var parameter = original?.ParameterList.Parameters[0];
            return (original?.Modifiers.ToString() ?? "protected override") + " void " + name
                + "(" + (parameter?.Type?.ToString() ?? "MigrationBuilder") + " " + (parameter?.Identifier.ValueText ?? "migrationBuilder") + ")";
        }

        private static void Method(StringBuilder text, string indent, string signature, IReadOnlyList<MigrationCall> statements)
        {
            var inner = indent + Indent;
            text.Append(indent).Append("/// <inheritdoc />\n")
                .Append(indent).Append(signature).Append('\n')
                .Append(indent).Append("{\n")
                .Append(string.Join("\n\n", statements.Select(statement => inner + statement.Format(inner, "\n")))).Append('\n')
                .Append(indent).Append("}\n");
        }
    }
}
