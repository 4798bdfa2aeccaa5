using System;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// A history made on two branches and merged (tests/HistoryGenerator/scenario-merge, EF's scaffolder): branch B's
    /// designers lack the Tags table branch A added, yet the release that shipped before RenameTagLabel had both branches
    /// and maps Tags. Its drop and rename of Tags' columns break that release.
    /// </summary>
    public class MergedHistoryTests
    {
        [Theory]
        [InlineData("merge-ef10-sqlite")]
        [InlineData("merge-ef10-postgres")]
        public async Task A_table_another_branch_added_counts_as_mapped_by_the_merged_release(string history)
        {
            Assert.Equal(
                new[]
                {
                    "RenameTagLabel.cs(13,13): BG0001 Tags.Color",
                    "RenameTagLabel.cs(17,13): BG0002 Tags.Name",
                },
                await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }
    }
}
