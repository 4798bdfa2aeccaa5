using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// After an edit inside a method body, the analysis takes the diagnostics of the migrations before the edited one from
    /// the previous compilation (Rules/CheckMemo) and judges the rest. Whatever it keeps, it must give what a fresh analysis
    /// of the same code gives: on scaffolded histories, each migration's first <c>Up</c> statement is removed (which changes
    /// what every later migration is judged against) and put back, in turn, each compilation following the one before, and
    /// each analysis is compared with one of the same code loaded anew.
    /// </summary>
    public class IncrementalCheckTests
    {
        [Theory]
        [InlineData("ef10-sqlite")]
        [InlineData("rules-ef10-sqlserver")]
        [InlineData("rules-ef9-postgres")]
        [InlineData("locks-ef10-postgres")]
        [InlineData("tph-ef10-sqlite")]
        [InlineData("merge-ef10-postgres")]
        public async Task An_analysis_after_an_edit_gives_what_a_fresh_analysis_of_the_same_code_gives(string history)
        {
            var current = HistoryProject.Load(history);
            var expectedOriginal = Describe(await current.AnalyzeAsync());
            var edits = 0;
            foreach (var name in current.Project.Documents.Select(document => document.Name).Where(name => !name.EndsWith(".Designer.cs", StringComparison.Ordinal)).OrderBy(name => name, StringComparer.Ordinal).ToList())
            {
                var root = (await current.Project.Documents.Single(document => document.Name == name).GetSyntaxRootAsync())!;
                var first = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == "Up")?.Body?.Statements.FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                var editedRoot = root.RemoveNode(first, SyntaxRemoveOptions.KeepNoTrivia)!;
                var edited = current.WithRoot(name, editedRoot);
                await AssertSameEpoch(current, edited);
                var fresh = HistoryProject.Load(history).WithRoot(name, editedRoot);
                Assert.Equal(Describe(await fresh.AnalyzeAsync()), Describe(await edited.AnalyzeAsync()));

                // The statement put back (a new tree of the original text), as an undo does.
                var restored = edited.WithRoot(name, root);
                await AssertSameEpoch(edited, restored);
                Assert.Equal(expectedOriginal, Describe(await restored.AnalyzeAsync()));
                current = restored;
                edits++;
            }

            Assert.True(edits >= 3, history + ": only " + edits + " migrations edited");
        }

        // The memo is only consulted by compilations of the same declarations: the edits must keep them.
        private static async Task AssertSameEpoch(HistoryProject before, HistoryProject after) =>
            Assert.Same(
                Lineage.Of((await before.Project.GetCompilationAsync())!, CancellationToken.None).Epoch,
                Lineage.Of((await after.Project.GetCompilationAsync())!, CancellationToken.None).Epoch);

        private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Select(diagnostic => diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
                + " {" + string.Join(", ", diagnostic.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value)) + "}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();
    }
}
