using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Truth.Analysis
{
    /// <summary>A code action a fix provider offers for a diagnostic, by its equivalence key.</summary>
    internal sealed record OfferedFix(CodeFixProvider Provider, string Key, string Title);

    /// <summary>Applies the project's code fixes to a history the way the IDE does: one diagnostic, or Fix All in a scope.</summary>
    internal static class FixApplier
    {
        /// <summary>Every fix any provider offers for the diagnostic.</summary>
        public static async Task<List<OfferedFix>> OffersAsync(HistoryWorkspace workspace, Diagnostic diagnostic)
        {
            var offers = new List<OfferedFix>();
            var document = workspace.Project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                return offers;
            }

            foreach (var provider in HistoryWorkspace.Fixes.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                offers.AddRange(Flatten(actions).Select(action => new OfferedFix(provider, action.EquivalenceKey ?? string.Empty, action.Title)));
            }

            return offers;
        }

        /// <summary>The fix <paramref name="key"/> of one diagnostic.</summary>
        public static async Task<HistoryWorkspace> ApplyAsync(HistoryWorkspace workspace, Diagnostic diagnostic, string key)
        {
            var document = workspace.Project.GetDocument(diagnostic.Location.SourceTree)
                ?? throw new InvalidOperationException("The diagnostic is not in a document of the project.");
            foreach (var provider in HistoryWorkspace.Fixes.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                if (Flatten(actions).FirstOrDefault(action => action.EquivalenceKey == key) is { } chosen)
                {
                    return await ApplyAsync(workspace, chosen);
                }
            }

            throw new InvalidOperationException($"No fix {key} for {diagnostic}");
        }

        /// <summary>Fix All of <paramref name="key"/> in the whole project, as the IDE's "Fix all occurrences in: Project".</summary>
        public static async Task<HistoryWorkspace> FixAllAsync(HistoryWorkspace workspace, string diagnosticId, string key)
        {
            var diagnostics = (await workspace.AnalyzeAsync()).Where(diagnostic => diagnostic.Id == diagnosticId).ToImmutableArray();
            if (diagnostics.Length == 0)
            {
                return workspace;
            }

            var first = diagnostics[0];
            var offers = await OffersAsync(workspace, first);
            var provider = offers.First(offer => offer.Key == key).Provider;
            var context = new FixAllContext(
                workspace.Project.GetDocument(first.Location.SourceTree)!,
                provider,
                FixAllScope.Project,
                key,
                new[] { diagnosticId },
                new Diagnostics(diagnostics),
                CancellationToken.None);
            var action = await provider.GetFixAllProvider()!.GetFixAsync(context)
                ?? throw new InvalidOperationException($"No Fix All for {key}");
            return await ApplyAsync(workspace, action);
        }

        /// <summary>The fixes themselves: one not applied by default comes inside a group of one (the IDE shows it in place).</summary>
        private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
            actions.SelectMany(action => action.NestedActions.IsEmpty ? new[] { action } : (IEnumerable<CodeAction>)action.NestedActions);

        private static async Task<HistoryWorkspace> ApplyAsync(HistoryWorkspace workspace, CodeAction action)
        {
            var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            return workspace.With(operation.ChangedSolution.GetProject(workspace.Project.Id)!);
        }

        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Diagnostics(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
