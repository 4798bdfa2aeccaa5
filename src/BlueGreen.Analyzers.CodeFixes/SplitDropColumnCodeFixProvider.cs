using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0001 "Split into two releases": the migration keeps only the model removal. The DropColumn
    /// leaves Up and its re-creating AddColumn leaves Down; a NOT NULL column without default is made
    /// nullable instead, so the new version's inserts, which no longer name it, still succeed. The drop
    /// itself comes back in a later release.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitDropColumnCodeFixProvider))]
    [Shared]
    public sealed class SplitDropColumnCodeFixProvider : CodeFixProvider
    {
        public const string Title = "Split into two releases";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DropColumn.Id);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) => await SplitAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => SplitAsync(context.Document, new[] { diagnostic }, cancellationToken), equivalenceKey: Title),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> SplitAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var edits = new MigrationEdits(text);
            foreach (var diagnostic in diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                        .FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } drop
                    && drop.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } statement)
                {
                    Split(edits, drop, statement, diagnostic.Properties, cancellationToken);
                }
            }

            return document.WithText(edits.Apply());
        }

        private static void Split(MigrationEdits edits, InvocationExpressionSyntax drop, ExpressionStatementSyntax statement, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            properties.TryGetValue(FixProperties.Table, out var table);
            properties.TryGetValue(FixProperties.Schema, out var schema);
            properties.TryGetValue(FixProperties.Column, out var column);
            properties.TryGetValue(FixProperties.ClrType, out var clrType);
            properties.TryGetValue(FixProperties.StoreType, out var storeType);
            var makeNullable = properties.TryGetValue(FixProperties.MakeNullable, out var flag) && flag == "True";
            if (table is null || column is null)
            {
                return;
            }

            // Down re-creates the column with an AddColumn; it is undone together with the drop.
            var key = new TableKey(schema, table);
            var down = drop.FirstAncestorOrSelf<ClassDeclarationSyntax>()?.Members.OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(method => method.Identifier.ValueText == "Down");
            var add = OperationReader.Read(down, cancellationToken).Operations
                .FirstOrDefault(operation => operation.Kind == SchemaOperationKind.AddColumn && operation.Table.Equals(key) && operation.Column == column);
            var receiver = drop.Expression is MemberAccessExpressionSyntax member ? member.Expression.ToString() : "migrationBuilder";
            clrType ??= add?.Definition?.ClrType;

            if (!makeNullable || clrType is null)
            {
                edits.Remove(statement);
                if (add?.Syntax.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } addStatement)
                {
                    edits.Remove(addStatement);
                }

                return;
            }

            // Up: the column stays, nullable, so inserts that leave it out succeed.
            edits.Replace(statement, receiver, "AlterColumn<" + clrType + ">", AlterColumn(column, schema, table, storeType, clrType, nullable: true, defaultValue: null));

            // Down: back to NOT NULL, with the default EF chose when it scaffolded the re-creation.
            if (add?.Syntax.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } inverse)
            {
                var defaultValue = OperationReader.Argument(add, "defaultValue")?.ToString();
                var addReceiver = add.Syntax.Expression is MemberAccessExpressionSyntax addMember ? addMember.Expression.ToString() : receiver;
                edits.Replace(inverse, addReceiver, "AlterColumn<" + clrType + ">", AlterColumn(column, schema, table, storeType, clrType, nullable: false, defaultValue));
            }
        }

        private static List<string> AlterColumn(string column, string? schema, string table, string? storeType, string clrType, bool nullable, string? defaultValue)
        {
            var arguments = new List<string> { "name: " + MigrationEdits.Literal(column) };
            if (schema is not null)
            {
                arguments.Add("schema: " + MigrationEdits.Literal(schema));
            }

            arguments.Add("table: " + MigrationEdits.Literal(table));
            if (storeType is not null)
            {
                arguments.Add("type: " + MigrationEdits.Literal(storeType));
            }

            arguments.Add("nullable: " + (nullable ? "true" : "false"));
            if (defaultValue is not null)
            {
                arguments.Add("defaultValue: " + defaultValue);
            }

            arguments.Add("oldClrType: typeof(" + clrType + ")");
            if (storeType is not null)
            {
                arguments.Add("oldType: " + MigrationEdits.Literal(storeType));
            }

            if (!nullable)
            {
                arguments.Add("oldNullable: true");
            }

            return arguments;
        }
    }
}
