using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0002 (a) "Keep the database column name": the property keeps its new name in C# but stays mapped
    /// to the old column. The RenameColumn leaves Up and Down; the migration's designer and the snapshot map
    /// the property with <c>.HasColumnName("old")</c>, and the entity class gets <c>[Column("old")]</c>,
    /// so the model, the snapshot and the database agree and a new <c>migrations add</c> finds nothing.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepColumnNameCodeFixProvider))]
    [Shared]
    public sealed class KeepColumnNameCodeFixProvider : CodeFixProvider
    {
        public const string Title = "Keep the database column name";
        public const string MigrationFilesOnlyTitle = "Keep the database column name (migration files only: map the property to the old column in your model)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RenameColumn.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                {
                    var title = plan.Entity is null ? MigrationFilesOnlyTitle : Title;
                    context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => ApplyAsync(context.Document.Project.Solution, plan, cancellationToken), equivalenceKey: Title), diagnostic);
                }
            }
        }

        private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            diagnostic.Properties.TryGetValue(FixProperties.Shape, out var shape);
            diagnostic.Properties.TryGetValue(FixProperties.Table, out var tableName);
            diagnostic.Properties.TryGetValue(FixProperties.Schema, out var schema);
            diagnostic.Properties.TryGetValue(FixProperties.Column, out var oldColumn);
            diagnostic.Properties.TryGetValue(FixProperties.NewColumn, out var newColumn);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (shape != "Rename" || tableName is null || oldColumn is null || newColumn is null || root is null || compilation is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } rename)
            {
                return null;
            }

            var table = new TableKey(schema, tableName);
            var migrationClass = rename.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            var migrationSymbol = migrationClass is null ? null : compilation.GetSemanticModel(rename.SyntaxTree).GetDeclaredSymbol(migrationClass, cancellationToken);
            var history = HistoryBuilder.Build(compilation, cancellationToken)
                .FirstOrDefault(candidate => candidate.Migrations.Any(migration => SymbolEqualityComparer.Default.Equals(migration.Symbol, migrationSymbol)));
            var migration = history?.Migrations.First(candidate => SymbolEqualityComparer.Default.Equals(candidate.Symbol, migrationSymbol));

            // Both models must map the property, or the next migrations add would scaffold the rename again.
            if (migration?.TargetModelMethod is not { } designer
                || history!.SnapshotModelMethod is not { } snapshot
                || FindProperty(designer, table, newColumn) is not { } designerProperty
                || FindProperty(snapshot, table, newColumn) is not { } snapshotProperty)
            {
                return null;
            }

            var inverse = OperationReader.Read(migrationClass!.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == "Down"), cancellationToken)
                .Operations.FirstOrDefault(operation => operation.Kind == SchemaOperationKind.RenameColumn && operation.Table.Equals(table) && operation.Column == newColumn);

            // A column name set in the model configuration (HasColumnName) would override an attribute.
            var entity = HasColumnName(designerProperty) is null ? EntityProperty(compilation, designerProperty, newColumn, cancellationToken) : null;
            return new Plan(rename, inverse?.Syntax, designerProperty, snapshotProperty, entity, oldColumn);
        }

        private static async Task<Solution> ApplyAsync(Solution solution, Plan plan, CancellationToken cancellationToken)
        {
            var edits = new Dictionary<DocumentId, MigrationEdits>();
            async Task<MigrationEdits?> For(SyntaxNode node)
            {
                if (solution.GetDocumentId(node.SyntaxTree) is not { } id)
                {
                    return null;
                }

                if (!edits.TryGetValue(id, out var documentEdits))
                {
                    documentEdits = new MigrationEdits(await solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
                    edits.Add(id, documentEdits);
                }

                return documentEdits;
            }

            var migrationEdits = await For(plan.Rename).ConfigureAwait(false);
            migrationEdits?.Remove(plan.Rename.FirstAncestorOrSelf<ExpressionStatementSyntax>()!);
            if (plan.Inverse?.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } inverse)
            {
                migrationEdits?.Remove(inverse);
            }

            foreach (var property in new[] { plan.DesignerProperty, plan.SnapshotProperty })
            {
                if (await For(property).ConfigureAwait(false) is { } modelEdits)
                {
                    MapToColumn(modelEdits, property, plan.OldColumn);
                }
            }

            if (plan.Entity is { } entity && await For(entity).ConfigureAwait(false) is { } entityEdits)
            {
                entityEdits.Insert(entity.SpanStart, "[System.ComponentModel.DataAnnotations.Schema.Column(" + Call.Literal(plan.OldColumn) + ")]" + entityEdits.NewLineText + entityEdits.IndentationOfLine(entity.SpanStart));
            }

            foreach (var pair in edits)
            {
                solution = solution.WithDocumentText(pair.Key, pair.Value.Apply());
            }

            return solution;
        }

        /// <summary>Adds (or corrects) <c>.HasColumnName("old")</c> on a property's fluent chain, on its own line as EF writes it.</summary>
        private static void MapToColumn(MigrationEdits edits, InvocationExpressionSyntax property, string column)
        {
            if (HasColumnName(property) is { } existing)
            {
                edits.Replace(existing.ArgumentList.Arguments[0].Expression, Call.Literal(column));
                return;
            }

            var statement = property.FirstAncestorOrSelf<ExpressionStatementSyntax>()!;
            var chainEnd = statement.Expression.Span.End;
            var multiLine = statement.Expression.GetLocation().GetLineSpan().StartLinePosition.Line != statement.Expression.GetLocation().GetLineSpan().EndLinePosition.Line;
            edits.Insert(chainEnd, multiLine
                ? edits.NewLineText + edits.IndentationOfLine(chainEnd) + ".HasColumnName(" + Call.Literal(column) + ")"
                : ".HasColumnName(" + Call.Literal(column) + ")");
        }

        private static InvocationExpressionSyntax? HasColumnName(InvocationExpressionSyntax property) =>
            Calls.Chain(property.FirstAncestorOrSelf<ExpressionStatementSyntax>()!.Expression)
                .FirstOrDefault(call => Calls.MethodName(call) == "HasColumnName" && call.ArgumentList.Arguments.Count == 1);

        /// <summary>
        /// The <c>b.Property&lt;T&gt;("name")</c> chain root of a model method: the one in the entity mapped to the
        /// table, or the only one of that name.
        /// </summary>
        private static InvocationExpressionSyntax? FindProperty(MethodDeclarationSyntax model, TableKey table, string name)
        {
            var candidates = model.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => Calls.MethodName(call) == "Property"
                    && (call.Parent is ExpressionStatementSyntax || (call.Parent is MemberAccessExpressionSyntax member && member.Expression == call))
                    && call.ArgumentList.Arguments.Count > 0
                    && Arguments.Fold(call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression).Value == name
                    && Calls.Receiver(call) is IdentifierNameSyntax)
                .ToList();
            var inTable = candidates.Where(call => MapsTable(call, table)).ToList();
            return inTable.Count == 1 ? inTable[0] : candidates.Count == 1 ? candidates[0] : null;
        }

        private static bool MapsTable(InvocationExpressionSyntax property, TableKey table) =>
            property.FirstAncestorOrSelf<BlockSyntax>()?.Statements.Any(statement =>
                Calls.StatementExpression(statement) is InvocationExpressionSyntax call
                && Calls.MethodName(call) == "ToTable"
                && call.ArgumentList.Arguments.Count > 0
                && Arguments.Fold(call.ArgumentList.Arguments[0].Expression).Value == table.Name) == true;

        /// <summary>The CLR property's declaration, when the entity class the model names is in this compilation.</summary>
        private static PropertyDeclarationSyntax? EntityProperty(Compilation compilation, InvocationExpressionSyntax property, string name, CancellationToken cancellationToken)
        {
            var entityCall = property.Ancestors().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(call => Calls.MethodName(call) == "Entity" && call.ArgumentList.Arguments.Count == 2);
            if (entityCall is null || Arguments.Fold(entityCall.ArgumentList.Arguments[0].Expression).Value is not { } entityName)
            {
                return null;
            }

            for (var type = compilation.GetTypeByMetadataName(entityName); type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is IPropertySymbol && member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration)
                    {
                        return declaration;
                    }
                }
            }

            return null;
        }

        private sealed class Plan
        {
            public Plan(InvocationExpressionSyntax rename, InvocationExpressionSyntax? inverse, InvocationExpressionSyntax designerProperty, InvocationExpressionSyntax snapshotProperty, PropertyDeclarationSyntax? entity, string oldColumn)
            {
                Rename = rename;
                Inverse = inverse;
                DesignerProperty = designerProperty;
                SnapshotProperty = snapshotProperty;
                Entity = entity;
                OldColumn = oldColumn;
            }

            public InvocationExpressionSyntax Rename { get; }

            public InvocationExpressionSyntax? Inverse { get; }

            public InvocationExpressionSyntax DesignerProperty { get; }

            public InvocationExpressionSyntax SnapshotProperty { get; }

            /// <summary>Null when the entity class is not in the project (or a HasColumnName configures the column).</summary>
            public PropertyDeclarationSyntax? Entity { get; }

            public string OldColumn { get; }
        }
    }
}
