using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// After an edit inside a method body, the analysis takes the diagnostics of the migrations before the edited one from
    /// the previous compilation (Rules/CheckMemo) and judges the rest. Whatever it keeps, it must give what a fresh analysis
    /// of the same code gives. On scaffolded histories, in turn: each migration's first <c>Up</c> statement, each designer's
    /// and the snapshot's first entity are removed (which changes what every later migration is judged against) and put
    /// back, each compilation following the one before; each analysis is compared with one of the same code loaded anew,
    /// and the memo must have kept exactly the migrations before the edited one.
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
            foreach (var name in current.Project.Documents.Select(document => document.Name).OrderBy(name => name, StringComparer.Ordinal).ToList())
            {
                var root = (await current.Project.Documents.Single(document => document.Name == name).GetSyntaxRootAsync())!;
                var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(candidate => candidate.Identifier.ValueText is "Up" or "BuildTargetModel" or "BuildModel");
                var first = method?.Identifier.ValueText == "Up"
                    ? method.Body?.Statements.FirstOrDefault()
                    : method?.Body?.Statements.FirstOrDefault(statement => statement.ToString().StartsWith("modelBuilder.Entity(", StringComparison.Ordinal));
                if (first is null)
                {
                    continue;
                }

                var editedRoot = root.RemoveNode(first, SyntaxRemoveOptions.KeepNoTrivia)!;
                var edited = current.WithRoot(name, editedRoot);
                var (incremental, kept) = await AnalyzeAfter(current, edited);
                var fresh = HistoryProject.Load(history).WithRoot(name, editedRoot);
                Assert.Equal(Describe(await fresh.AnalyzeAsync()), Describe(incremental));
                Assert.Equal(await FirstChanged(edited, name), kept);

                // The statement put back (a new tree of the original text), as an undo does.
                var restored = edited.WithRoot(name, root);
                (var again, kept) = await AnalyzeAfter(edited, restored);
                Assert.Equal(expectedOriginal, Describe(again));
                Assert.Equal(await FirstChanged(restored, name), kept);
                current = restored;
                edits++;
            }

            Assert.True(edits >= 6, history + ": only " + edits + " methods edited");
        }

        [Theory]
        [InlineData("rules-ef10-sqlserver")]
        [InlineData("merge-ef10-postgres")]
        public async Task A_release_manifest_edited_alone_gives_what_a_fresh_analysis_with_it_gives(string history)
        {
            // A manifest edited alone leaves every tree as it was: the next analysis shares the declarations, and the memo, of
            // the last, whose diagnostics were judged against other releases (a memo that ignored them fails here).
            var compilation = (await HistoryProject.Load(history).Project.GetCompilationAsync())!;
            var ids = HistoryBuilder.Build(compilation, CancellationToken.None).Single().Migrations.Select(migration => migration.Id).ToList();
            var first = string.Join("\n", ids.Take(1));
            var second = string.Join("\n", ids.Take(ids.Count - 1));

            var project = HistoryProject.Load(history).WithManifest(first);
            var before = Describe(await project.AnalyzeAsync());
            var edited = project.WithManifest(second);
            var after = Describe(await edited.AnalyzeAsync());

            Assert.Equal(Describe(await HistoryProject.Load(history).WithManifest(second).AnalyzeAsync()), after);
            Assert.NotEqual(before, after);

            // And back, as an undo does.
            Assert.Equal(before, Describe(await edited.WithManifest(first).AnalyzeAsync()));
        }

        /// <summary>
        /// Analyzes <paramref name="after"/>, a compilation of the same declarations as <paramref name="before"/>'s, and
        /// says how many migrations, from the first, the memo let it keep from the analysis of <paramref name="before"/>.
        /// </summary>
        private static async Task<(System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, int Kept)> AnalyzeAfter(HistoryProject before, HistoryProject after)
        {
            var epoch = Lineage.Of((await before.Project.GetCompilationAsync())!, CancellationToken.None).Epoch;

            // The memo is only consulted by compilations of the same declarations: the edits must keep them.
            Assert.Same(epoch, Lineage.Of((await after.Project.GetCompilationAsync())!, CancellationToken.None).Epoch);
            var memo = epoch.Get(() => new CheckMemo());
            var last = memo.Last(0)!;
            var diagnostics = await after.AnalyzeAsync();
            return (diagnostics, last.SharedPrefix(memo.Last(0)!));
        }

        /// <summary>The position in the history of the migration the document declares (its Up or its designer); 0 for the snapshot, which every migration's findings depend on.</summary>
        private static async Task<int> FirstChanged(HistoryProject project, string document)
        {
            var compilation = (await project.Project.GetCompilationAsync())!;
            var migrations = HistoryBuilder.Build(compilation, CancellationToken.None).Single().Migrations;
            for (var index = 0; index < migrations.Count; index++)
            {
                if (new[] { migrations[index].Up, migrations[index].TargetModelMethod }.Any(method => method?.SyntaxTree.FilePath.EndsWith("/" + document, StringComparison.Ordinal) == true))
                {
                    return index;
                }
            }

            return 0;
        }

        private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Select(diagnostic => diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
                + " {" + string.Join(", ", diagnostic.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value)) + "}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();
    }
}
