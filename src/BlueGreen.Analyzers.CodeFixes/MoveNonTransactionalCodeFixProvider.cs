using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0202: the operation EF runs outside the transaction (a concurrent index, SQL with <c>suppressTransaction: true</c>)
    /// goes to a migration of its own that runs right after this one, with what undoes it in Down (see
    /// <see cref="MigrationSplit"/>): each migration then applies entirely or not at all. Fix All gives each such operation
    /// of a migration its own migration (two of them together would still be mixed), leaving the migration one operation.
    /// It adds files, so it is no default: dotnet format applies it only when <c>.editorconfig</c> chooses it, and then
    /// also adds <c>&lt;Compile&gt;</c> items for the new files to the project file, which an SDK-style project rejects as
    /// duplicates until they are deleted (docs/rules/BG0202.md).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveNonTransactionalCodeFixProvider))]
    [Shared]
    public sealed class MoveNonTransactionalCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Move to a migration of its own";
        public const string Key = "BG0202.OwnMigration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.NonTransactionalMixed.Id);

        private protected override bool OffersDefault => false;

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await SplitAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not null
                ? new[] { new FixOption(Key, "own_migration", Title) }
                : None;

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await SplitAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is var (split, name))
            {
                await split.MoveAsync(edits, name, null, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The move of the operation the diagnostic is at, and the new migration's name; null where it cannot be made.</summary>
        private static async Task<(MigrationSplit Split, string Name)?> SplitAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<SchemaOperation>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (_, operation)
                || operation switch
                {
                    CreateIndex { Concurrently: true } create => "Create" + MigrationCode.Identifier(create.Name),
                    RawSql { SuppressTransaction: true } => operation.Syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>()?.Identifier.ValueText + "OutsideTransaction",
                    _ => null,
                } is not { } name
                || await MigrationSplit.FindAsync(document, operation, cancellationToken).ConfigureAwait(false) is not { } split)
            {
                return null;
            }

            return (split, name);
        }
    }
}
