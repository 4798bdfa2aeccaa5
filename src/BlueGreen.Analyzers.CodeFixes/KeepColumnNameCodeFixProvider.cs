using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0002 (a) "Keep the database column name": the property keeps its new name in C# but stays mapped to the old
    /// column. The RenameColumn leaves Up and Down; the migration's designer and the snapshot map the property with
    /// <c>.HasColumnName("old")</c>, and the entity class gets <c>[Column("old")]</c>, so the model, the snapshot and the
    /// database agree and a new <c>migrations add</c> finds nothing. The database does not change at all.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepColumnNameCodeFixProvider))]
    [Shared]
    public sealed class KeepColumnNameCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Keep the database column name";
        public const string MigrationFilesOnlyTitle = "Keep the database column name (migration files only: map the property to the old column in your model)";
        private const string Key = "BG0002.KeepColumnName";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RenameColumn.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await PlanAsync(document, data, cancellationToken).ConfigureAwait(false) is { } plan
                ? new[] { new FixOption(Key, "keep_column_name", plan.Entity is null ? MigrationFilesOnlyTitle : Title) }
                : None;

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (data.Column is not { } oldColumn
                || await PlanAsync(document, data, cancellationToken).ConfigureAwait(false) is not { } plan
                || await MigrationSyntax.OperationAtAsync<RenameColumn>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (migration, rename)
                || await edits.ForAsync(rename.Syntax, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            if (MigrationSyntax.Statement(rename) is { } statement)
            {
                code.Remove(statement);
            }

            var inverse = migration.DownOperations(cancellationToken).OfType<RenameColumn>()
                .FirstOrDefault(operation => operation.Table.Equals(rename.Table) && operation.Column == rename.NewName);
            if (MigrationSyntax.Statement(inverse) is { } inverseStatement)
            {
                code.Remove(inverseStatement);
            }

            foreach (var declaration in new[] { plan.Designer, plan.Snapshot })
            {
                if (await edits.ForAsync(declaration, cancellationToken).ConfigureAwait(false) is { } model)
                {
                    MapToColumn(model, declaration, oldColumn);
                }
            }

            if (plan.Entity is { } entity && await edits.ForAsync(entity, cancellationToken).ConfigureAwait(false) is { } entityEdits)
            {
                entityEdits.Insert(entity.SpanStart, "[System.ComponentModel.DataAnnotations.Schema.Column(" + MigrationCode.Literal(oldColumn) + ")]" + entityEdits.NewLineText + entityEdits.IndentationOfLine(entity.SpanStart));
            }
        }

        /// <summary>The declarations to map: in the migration's designer and in the snapshot, both of which must map the renamed column.</summary>
        private static async Task<Plan?> PlanAsync(Document document, FixData data, CancellationToken cancellationToken)
        {
            if (data is not { Shape: RenameShape.Rename, Table: { } table, NewColumn: { } newColumn }
                || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return null;
            }

            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                if (history.Migrations.FirstOrDefault(migration => migration.Id == data.MigrationId) is { } migration
                    && migration.TargetModel(cancellationToken)?.Declaration(table, newColumn) is { Statement: { } designerStatement } designer
                    && history.CurrentModel(cancellationToken)?.Declaration(table, newColumn) is { Statement: { } snapshotStatement })
                {
                    // A column name set in the model configuration (HasColumnName) would override an attribute.
                    var entity = HasColumnName(designerStatement) is null ? EntityProperty(compilation, designer, cancellationToken) : null;
                    return new Plan(designerStatement, snapshotStatement, entity);
                }
            }

            return null;
        }

        /// <summary>Adds (or corrects) <c>.HasColumnName("old")</c> on a property's fluent chain, on its own line as EF writes it.</summary>
        private static void MapToColumn(MigrationEdits edits, ExpressionStatementSyntax statement, string column)
        {
            if (HasColumnName(statement) is { } existing)
            {
                edits.Replace(existing.ArgumentList.Arguments[0].Expression, MigrationCode.Literal(column));
                return;
            }

            var chainEnd = statement.Expression.Span.End;
            var lines = statement.Expression.GetLocation().GetLineSpan();
            edits.Insert(chainEnd, lines.StartLinePosition.Line != lines.EndLinePosition.Line
                ? edits.NewLineText + edits.IndentationOfLine(chainEnd) + ".HasColumnName(" + MigrationCode.Literal(column) + ")"
                : ".HasColumnName(" + MigrationCode.Literal(column) + ")");
        }

        private static InvocationExpressionSyntax? HasColumnName(ExpressionStatementSyntax statement) =>
            Invocations.Chain(statement.Expression).FirstOrDefault(call => Invocations.MethodName(call) == "HasColumnName" && call.ArgumentList.Arguments.Count == 1);

        /// <summary>The CLR property's declaration, when the entity class the model names is in this compilation.</summary>
        private static PropertyDeclarationSyntax? EntityProperty(Compilation compilation, ColumnDeclaration declaration, CancellationToken cancellationToken)
        {
            for (var type = compilation.GetTypeByMetadataName(declaration.TypePath); type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(declaration.PropertyName))
                {
                    if (member is IPropertySymbol && member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is PropertyDeclarationSyntax property)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        /// <param name="Entity">Null when the entity class is not in the project (or a HasColumnName configures the column).</param>
        private sealed record Plan(ExpressionStatementSyntax Designer, ExpressionStatementSyntax Snapshot, PropertyDeclarationSyntax? Entity);
    }
}
