using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The shape every fix that edits source files shares: the fixes a diagnostic allows (none where a fix cannot be made
    /// correct), the edits of each collected across documents (the migration, its designer, the snapshot, an entity),
    /// and a Fix All (document, project, solution) that makes every edit of one kind together.
    /// </summary>
    public abstract class MigrationCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var options = await OptionsAsync(context.Document, diagnostic, FixData.Of(diagnostic), context.CancellationToken).ConfigureAwait(false);
                FixChoice.Register(
                    context,
                    diagnostic,
                    options,
                    FixChoice.Chosen(options, FixChoice.Configured(context.Document.Project, diagnostic), OffersDefault),
                    option => CodeAction.Create(option.Title, cancellationToken => ApplyAsync(context.Document.Project.Solution, new[] { diagnostic }, option.Key, cancellationToken), option.Key));
            }
        }

        /// <summary>Whether the provider's first offer is the rule's fix when <c>.editorconfig</c> chooses none (false for a fix only asked for).</summary>
        private protected virtual bool OffersDefault => true;

        /// <summary>The fixes offered for a diagnostic; none when the fix cannot be written correctly.</summary>
        private protected abstract Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken);

        /// <summary>Adds the edits of the fix <paramref name="key"/> for one diagnostic.</summary>
        private protected abstract Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken);

        /// <param name="key">The fix to make; null for each diagnostic's chosen fix (dotnet format, see <see cref="FixChoice"/>).</param>
        private async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var edits = new SolutionEdits(solution);
            foreach (var diagnostic in diagnostics)
            {
                if (solution.GetDocument(diagnostic.Location.SourceTree) is not { } document)
                {
                    continue;
                }

                var data = FixData.Of(diagnostic);
                var options = await OptionsAsync(document, diagnostic, data, cancellationToken).ConfigureAwait(false);
                var option = key is null
                    ? FixChoice.Chosen(options, FixChoice.Configured(document.Project, diagnostic), OffersDefault)
                    : options.FirstOrDefault(candidate => candidate.Key == key);
                if (option is not null)
                {
                    await FixAsync(edits, document, diagnostic, data, option.Key, cancellationToken).ConfigureAwait(false);
                }
            }

            return edits.Apply();
        }

        private protected static IReadOnlyList<FixOption> None { get; } = new FixOption[0];

        private protected static Task<IReadOnlyList<FixOption>> Offer(params FixOption[] options) => Task.FromResult<IReadOnlyList<FixOption>>(options);

        /// <summary>Every diagnostic of the scope fixed in one pass, so edits to a shared document (a designer) are made together.</summary>
        private sealed class FixAll : FixAllProvider
        {
            private readonly MigrationCodeFixProvider _provider;

            public FixAll(MigrationCodeFixProvider provider)
            {
                _provider = provider;
            }

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext context) =>
                Task.FromResult<CodeAction?>(CodeAction.Create(
                    context.CodeActionEquivalenceKey ?? string.Empty,
                    async cancellationToken =>
                    {
                        var diagnostics = await Scope.DiagnosticsAsync(context).ConfigureAwait(false);
                        return await _provider.ApplyAsync(context.Solution, diagnostics.SelectMany(pair => pair.Value), context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
                    },
                    context.CodeActionEquivalenceKey));
        }
    }

    /// <summary>The diagnostics of a Fix All's scope, per project.</summary>
    internal static class Scope
    {
        public static async Task<List<KeyValuePair<Project, ImmutableArray<Diagnostic>>>> DiagnosticsAsync(FixAllContext context)
        {
            var result = new List<KeyValuePair<Project, ImmutableArray<Diagnostic>>>();
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects.ToList() : new List<Project> { context.Project };
            foreach (var project in projects)
            {
                var diagnostics = context.Scope == FixAllScope.Document && context.Document is { } document
                    ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                result.Add(new KeyValuePair<Project, ImmutableArray<Diagnostic>>(project, diagnostics));
            }

            return result;
        }
    }

    /// <summary>
    /// The Fix All of the fixes that change a project rather than a spot in a file (add a migration, write the manifest):
    /// one change per project, made from all the scope's diagnostics at once.
    /// </summary>
    internal sealed class ProjectFixAll : FixAllProvider
    {
        private readonly string _title;
        private readonly System.Func<Project, IReadOnlyList<Diagnostic>, string?, CancellationToken, Task<Solution>> _apply;

        /// <param name="apply">Makes the change for a project's diagnostics, given the Fix All's key (null: each diagnostic's chosen fix, see <see cref="FixChoice"/>).</param>
        public ProjectFixAll(string title, System.Func<Project, IReadOnlyList<Diagnostic>, string?, CancellationToken, Task<Solution>> apply)
        {
            _title = title;
            _apply = apply;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext context) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                _title,
                async cancellationToken =>
                {
                    var solution = context.Solution;
                    foreach (var pair in await Scope.DiagnosticsAsync(context).ConfigureAwait(false))
                    {
                        if (pair.Value.Length > 0 && solution.GetProject(pair.Key.Id) is { } project)
                        {
                            solution = await _apply(project, pair.Value, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    return solution;
                },
                context.CodeActionEquivalenceKey));
    }
}
