using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0208: the migration sets a lock timeout before anything else, so that a lock it cannot get at once makes it fail
    /// (55P03) instead of queueing every query on the table behind it. <c>SET LOCAL</c>: EF's migrator runs a migration's
    /// operations, Sql included, in one transaction it commits at the end, so the setting ends with the migration and never
    /// stays on the connection. Where the migration runs an operation outside that transaction (committing it first), a SET
    /// LOCAL would end there: a plain <c>SET</c> then, and a <c>RESET</c> as the last statement. No fix for an
    /// expression-bodied Up.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetLockTimeoutCodeFixProvider))]
    [Shared]
    public sealed class SetLockTimeoutCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Set a lock timeout first";
        public const string Key = "BG0208.SetLockTimeout";

        /// <summary>The <c>.editorconfig</c> option giving the timeout, in PostgreSQL's syntax (<c>5s</c>, <c>500ms</c>, <c>1min</c>).</summary>
        public const string TimeoutOption = "bluegreen.lock_timeout";

        public const string DefaultTimeout = "5s";

        // What PostgreSQL accepts for a time setting: a number, with a unit or none (milliseconds).
        private static readonly Regex Duration = new Regex(@"^[0-9]+(\.[0-9]+)?\s*(us|ms|s|min|h|d)?$", RegexOptions.CultureInvariant);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.LockTimeoutMissing.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            await MigrationSyntax.AtAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { Up.Body: not null }
                ? new[] { new FixOption(Key, "set_lock_timeout", Title) }
                : None;

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.AtAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { Up: { Body: { } body } up }
                || await edits.ForAsync(up, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            var receiver = MigrationSyntax.Receiver(up);
            var timeout = Timeout(document, diagnostic);
            if (data.OutsideTransaction)
            {
                code.Insert(body, atEnd: false, MigrationCode.Sql(receiver, $"SET lock_timeout = '{timeout}';"));
                code.Insert(body, atEnd: true, MigrationCode.Sql(receiver, "RESET lock_timeout;"));
            }
            else
            {
                code.Insert(body, atEnd: false, MigrationCode.Sql(receiver, $"SET LOCAL lock_timeout = '{timeout}';"));
            }
        }

        /// <summary><c>bluegreen.lock_timeout</c> where the diagnostic is, when PostgreSQL would accept it; else 5s.</summary>
        private static string Timeout(Document document, Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree is { } tree
            && document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(TimeoutOption, out var value)
            && Duration.IsMatch(value.Trim())
                ? value.Trim()
                : DefaultTimeout;
    }
}
