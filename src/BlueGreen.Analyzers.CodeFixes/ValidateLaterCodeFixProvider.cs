using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
    /// BG0206 (PostgreSQL): the <c>AddForeignKey</c> or <c>AddCheckConstraint</c> becomes raw SQL adding the same constraint
    /// as EF's Npgsql provider writes it, <c>NOT VALID</c> (no scan of the existing rows), and a new migration validates it
    /// (a scan that lets reads and writes go on). Down, the designer and the snapshot are left as EF wrote them: the model
    /// keeps the constraint. The new migration's id is the fixed migration's with <c>Validate&lt;name&gt;</c> appended: EF
    /// orders ids ordinally, so it runs right after the fixed one committed, before any later migration can rename or drop
    /// what it names; its designer repeats the fixed migration's target model (validating changes no model). No fix where
    /// an argument is not a constant, Up cannot be read whole, Up renames or drops the table or the constraint later, the
    /// migration has no designer, or an existing id sorts where the new one would go. Fix All validates the constraints of
    /// each migration in one new migration. It adds files, so it is the IDE's: dotnet format applies it only when
    /// <c>.editorconfig</c> chooses it (no default).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidateLaterCodeFixProvider))]
    [Shared]
    public sealed class ValidateLaterCodeFixProvider : CodeFixProvider
    {
        public const string Title = "Add the constraint NOT VALID and validate it in a new migration";
        public const string Key = "BG0206.NotValid";

        private static readonly FixOption[] Offers = { new FixOption(Key, "not_valid", Title) };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ConstraintValidatedUnderLock.Id);

        public override FixAllProvider GetFixAllProvider() =>
            new ProjectFixAll("Add every constraint NOT VALID and validate it in a new migration", (project, diagnostics, key, cancellationToken) =>
                FixAsync(project, diagnostics.Where(diagnostic => key is not null || Chosen(project, diagnostic) is not null).ToList(), cancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var project = context.Document.Project;
            if (await project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return;
            }

            var histories = HistoryBuilder.Build(compilation, context.CancellationToken);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await TargetAsync(project.Solution, histories, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } target
                    && ValidationId(target, Suffix(new[] { target })) is not null)
                {
                    FixChoice.Register(
                        context,
                        diagnostic,
                        Offers,
                        Chosen(project, diagnostic),
                        option => CodeAction.Create(option.Title, cancellationToken => FixAsync(project, new[] { diagnostic }, cancellationToken), option.Key));
                }
            }
        }

        private static FixOption? Chosen(Project project, Diagnostic diagnostic) =>
            FixChoice.Chosen(Offers, FixChoice.Configured(project, diagnostic), offersDefault: false);

        private static async Task<Solution> FixAsync(Project project, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (diagnostics.Count == 0 || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return project.Solution;
            }

            var histories = HistoryBuilder.Build(compilation, cancellationToken);
            var targets = new List<Target>();
            foreach (var diagnostic in diagnostics)
            {
                if (await TargetAsync(project.Solution, histories, diagnostic, cancellationToken).ConfigureAwait(false) is { } target)
                {
                    targets.Add(target);
                }
            }

            var edits = new SolutionEdits(project.Solution);
            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var group in targets.GroupBy(target => target.Migration))
            {
                // One target per statement (a Fix All may see a diagnostic twice), in Up's order.
                var mine = group.GroupBy(target => target.Statement).Select(same => same.First()).OrderBy(target => target.Statement.SpanStart).ToList();
                var first = mine[0];
                var suffix = Suffix(mine);
                if (ValidationId(first, suffix) is not { } id
                    || first.Migration is not { Up: { } up, TargetModelMethod: { Body: { } model } designer }
                    || project.Solution.GetDocument(up.SyntaxTree) is not { } beside)
                {
                    continue;
                }

                var receiver = MigrationSyntax.Receiver(up);
                foreach (var target in mine)
                {
                    if (await edits.ForAsync(target.Statement, cancellationToken).ConfigureAwait(false) is { } code)
                    {
                        code.Replace(target.Statement, MigrationCode.Sql(receiver, SqlText.AddNotValid(target.Constraint)));
                    }
                }

                var writer = NewMigration.Scaffolded(beside, up);
                var name = writer.ClassName(compilation, MigrationCode.Identifier(up.FirstAncestorOrSelf<ClassDeclarationSyntax>()!.Identifier.ValueText + "Validate" + suffix), taken);
                var validations = mine.Select(target => MigrationCode.Sql(writer.Receiver, SqlText.Validate(target.Constraint.Table, target.Constraint.Name))).ToList();
                edits.Add(writer, id, writer.MigrationText(name, id, validations, new MigrationCall[0]), writer.DesignerText(designer, model, name, id, first.History.Context.ToDisplayString()));
            }

            return edits.Apply();
        }

        /// <summary>
        /// The validated constraint at a diagnostic, where the fix can be made exactly; null otherwise (see the class).
        /// </summary>
        private static async Task<Target?> TargetAsync(Solution solution, IReadOnlyList<MigrationHistory> histories, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (solution.GetDocument(diagnostic.Location.SourceTree) is not { } document
                || await MigrationSyntax.OperationAtAsync<ConstraintChange>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (migration, change)
                || change.Method is not ("AddForeignKey" or "AddCheckConstraint")
                || MigrationSyntax.Statement(change) is not { } statement
                || Invocations.StatementExpression(statement) != change.Syntax
                || AddedConstraint.Read(change) is not { } constraint
                || migration.Up is not { } up)
            {
                return null;
            }

            // VALIDATE names the table and the constraint as this migration leaves them.
            var operations = OperationReader.Read(up, cancellationToken);
            var later = operations.Operations.SkipWhile(operation => operation.Syntax != change.Syntax).Skip(1);
            if (!operations.IsComplete || later.Any(operation => Undoes(operation, constraint)))
            {
                return null;
            }

            var id = FixData.Of(diagnostic).MigrationId;
            foreach (var history in histories)
            {
                if (history.Migrations.FirstOrDefault(entry => entry.Id == id && entry.Up?.SyntaxTree == up.SyntaxTree && entry.Up.Span == up.Span) is { TargetModelMethod.Body: not null } entry)
                {
                    return new Target(history, entry, statement, constraint);
                }
            }

            return null;
        }

        /// <summary>A later operation of the migration that renames or drops the constraint's table, or drops the constraint.</summary>
        private static bool Undoes(SchemaOperation operation, AddedConstraint constraint) => operation switch
        {
            RenameTable or DropTable => ((TableOperation)operation).Table.Equals(constraint.Table),
            ConstraintChange { Method: "DropForeignKey" or "DropCheckConstraint" } drop => drop.Table.Equals(constraint.Table)
                && (OperationReader.Argument(drop, "name") is not { } name || Arguments.Fold(name) is not { IsKnown: true, Value: { } dropped } || dropped == constraint.Name),
            _ => false,
        };

        /// <summary>What the new migration's name says it validates: the one constraint, or several.</summary>
        private static string Suffix(IReadOnlyList<Target> targets) =>
            targets.Count == 1 ? MigrationCode.Identifier(targets[0].Constraint.Name) : "Constraints";

        /// <summary>
        /// The fixed migration's id with <c>Validate&lt;suffix&gt;</c> appended: it sorts right after that id (its prefix) and
        /// before every later one; null when an existing id sorts between them (or is that id).
        /// </summary>
        private static string? ValidationId(Target target, string suffix)
        {
            var id = target.Migration.Id + "Validate" + suffix;
            return target.History.Migrations.Any(other => string.CompareOrdinal(other.Id, target.Migration.Id) > 0 && string.CompareOrdinal(other.Id, id) <= 0) ? null : id;
        }

        /// <summary>A constraint the fix adds NOT VALID: the statement in the migration's Up that adds it now.</summary>
        private sealed record Target(MigrationHistory History, MigrationEntry Migration, ExpressionStatementSyntax Statement, AddedConstraint Constraint);
    }
}
