using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// Baselining, on any rule's diagnostic in a migration: "Mark migrations up to &lt;id&gt; as shipped" creates
    /// or edits the release manifest so that migration and every earlier one of its DbContext count as
    /// deployed. The line records the migration's fingerprint, so a later edit is noticed (BG0010). Fix All
    /// writes the manifest once, with the newest migration of each context.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkShippedCodeFixProvider))]
    [Shared]
    public sealed class MarkShippedCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "BG.MarkShipped";

        /// <summary>The value of <c>bluegreen.&lt;id&gt;.fix</c> that makes dotnet format (and a Fix All with no key) mark releases shipped.</summary>
        public const string Name = "mark_shipped";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.DropColumn.Id, Descriptors.RenameColumn.Id, Descriptors.DropTable.Id, Descriptors.RenameTable.Id, Descriptors.AddRequiredColumn.Id,
            Descriptors.TightenColumn.Id, Descriptors.RequiredColumnLeftBehind.Id, Descriptors.RawSqlBreaksRunningVersion.Id, Descriptors.ColumnLostInRebuild.Id, Descriptors.LoosenColumn.Id,
            Descriptors.ChangedAfterShipping.Id, Descriptors.ShipRequested.Id,
            Descriptors.IndexWithoutConcurrently.Id, Descriptors.NonTransactionalMixed.Id, Descriptors.VolatileDefault.Id, Descriptors.TypeChangeRewrite.Id, Descriptors.NotNullScan.Id,
            Descriptors.ConstraintValidatedUnderLock.Id, Descriptors.WholeTableWrite.Id, Descriptors.LockTimeoutMissing.Id);

        // With no key (dotnet format), only where .editorconfig asks for it or for BG0101, which exists to be marked.
        public override FixAllProvider GetFixAllProvider() =>
            new ProjectFixAll("Mark the migrations of these diagnostics as shipped", (project, diagnostics, key, cancellationToken) =>
                MarkAsync(
                    project,
                    diagnostics.Where(diagnostic => key is not null || Offer(diagnostic) is { } offer && Chosen(project, diagnostic, offer) is not null).Select(MigrationId).OfType<string>().ToList(),
                    cancellationToken));

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Offer(diagnostic) is { } offer && MigrationId(diagnostic) is { } id)
                {
                    FixChoice.Register(
                        context,
                        diagnostic,
                        new[] { offer },
                        Chosen(context.Document.Project, diagnostic, offer),
                        option => CodeAction.Create(option.Title, cancellationToken => MarkAsync(context.Document.Project, new[] { id }, cancellationToken), option.Key));
                }
            }

            return Task.CompletedTask;
        }

        private static FixOption? Offer(Diagnostic diagnostic) =>
            MigrationId(diagnostic) is { } id ? new FixOption(EquivalenceKey, Name, $"Mark migrations up to {id} as shipped") : null;

        private static FixOption? Chosen(Project project, Diagnostic diagnostic, FixOption offer) =>
            FixChoice.Chosen(new[] { offer }, FixChoice.Configured(project, diagnostic), offersDefault: diagnostic.Id == Descriptors.ShipRequested.Id);

        private static string? MigrationId(Diagnostic diagnostic) => FixData.Of(diagnostic).MigrationId;

        /// <summary>Lists the newest of <paramref name="ids"/> of each DbContext in the project's manifest, creating it if needed.</summary>
        private static async Task<Solution> MarkAsync(Project project, IEnumerable<string> ids, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return project.Solution;
            }

            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            var lines = new List<(string Id, string Line)>();
            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                if (history.Migrations.LastOrDefault(migration => wanted.Contains(migration.Id)) is { } newest)
                {
                    lines.Add((newest.Id, "- " + newest.Id + " " + Fingerprint.Of(newest)));
                }
            }

            if (lines.Count == 0)
            {
                return project.Solution;
            }

            // The manifest the analyzer reads: by name, or marked with the BlueGreenManifest item metadata.
            var manifestFile = project.AnalyzerOptions.AdditionalFiles.FirstOrDefault(file => ManifestFiles.IsManifest(file, project.AnalyzerOptions));
            var manifest = manifestFile is null ? null : project.AdditionalDocuments.FirstOrDefault(document => (document.FilePath ?? document.Name) == manifestFile.Path);
            if (manifest is null)
            {
                var directory = project.FilePath is null ? null : System.IO.Path.GetDirectoryName(project.FilePath);
                var path = directory is null ? Manifest.FileName : System.IO.Path.Combine(directory, Manifest.FileName);
                return project.AddAdditionalDocument(Manifest.FileName, SourceText.From(NewManifest(lines)), filePath: path).Project.Solution;
            }

            // An empty manifest (the BlueGreenMarkShipped target starts one, since dotnet format cannot add a file) is begun as a new one.
            var source = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (source.ToString().Trim().Length == 0)
            {
                return project.Solution.WithAdditionalDocumentText(manifest.Id, SourceText.From(NewManifest(lines), source.Encoding));
            }

            // An id already listed gets its fingerprint renewed (the entry's span is its id); others are appended.
            var parsed = Manifest.Parse(manifest.FilePath ?? manifest.Name, source);
            var changes = new List<TextChange>();
            var appended = new StringBuilder();
            foreach (var (id, line) in lines)
            {
                if (parsed.Entries.FirstOrDefault(entry => entry.Id == id) is { } existing)
                {
                    var text = source.Lines[existing.Line];
                    changes.Add(new TextChange(TextSpan.FromBounds(existing.Span.Start, text.End), line.Substring(2)));
                }
                else
                {
                    appended.Append(line).Append('\n');
                }
            }

            if (appended.Length > 0)
            {
                var ending = source.Length == 0 || source[source.Length - 1] == '\n' ? string.Empty : "\n";
                changes.Add(new TextChange(new TextSpan(source.Length, 0), ending + appended));
            }

            return project.Solution.WithAdditionalDocumentText(manifest.Id, source.WithChanges(changes));
        }

        private static string NewManifest(IEnumerable<(string Id, string Line)> lines)
        {
            var text = new StringBuilder()
                .Append("# Migrations deployed to production, release by release. Listing an id marks it and every earlier\n")
                .Append("# migration of its DbContext as shipped (see BlueGreen.Analyzers' README).\n\n")
                .Append("## Baseline\n");
            foreach (var (_, line) in lines)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }
    }
}
