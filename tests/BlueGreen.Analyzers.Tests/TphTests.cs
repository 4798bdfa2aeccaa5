using System.Threading.Tasks;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// Making a TPH column NOT NULL (tests/HistoryGenerator/scenario-tph, EF's scaffolder): Breed, nullable only because cats
    /// have none, moves to every animal with a default. The running version writes it only for dogs, as required, and
    /// leaves it out of other animals' inserts: on PostgreSQL and SQL Server the AlterColumn leaves the column its default,
    /// which fills them, so nothing breaks and nothing is reported; on SQLite the table is rebuilt from the target model,
    /// which has no default, and those inserts fail (BG0006). The real databases agree (AgreementTests). Nickname, which
    /// the running version maps as optional and writes NULL into, is a true BG0006 everywhere.
    /// </summary>
    public class TphTests
    {
        [Theory]
        [InlineData("tph-ef10-postgres")]
        [InlineData("tph-ef10-sqlserver")]
        public async Task A_TPH_column_made_NOT_NULL_with_a_default_is_safe_when_the_running_version_never_writes_NULL(string history)
        {
            Assert.Equal(
                new[] { "RequireNickname.cs(13,13): BG0006 Animals.Nickname" },
                await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }

        [Fact]
        public async Task On_SQLite_the_rebuild_drops_the_default_and_the_same_change_breaks_the_running_version()
        {
            Assert.Equal(
                new[] { "MoveBreedToAnimal.cs(13,13): BG0006 Animals.Breed", "RequireNickname.cs(13,13): BG0006 Animals.Nickname" },
                await CorpusHistory.Get("tph-ef10-sqlite").DescribedDiagnosticsAsync());
        }
    }
}
