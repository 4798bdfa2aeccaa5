using System.Collections.Generic;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// Making a TPH column NOT NULL (tests/HistoryGenerator/scenario-tph, EF's scaffolder): Breed, nullable only because cats
    /// have none, moves to every animal with a default. The running version writes it only for dogs, as required, and
    /// leaves it out of other animals' inserts: on PostgreSQL and SQL Server the AlterColumn leaves the column its default,
    /// which fills them, so nothing breaks and no break is reported (PostgreSQL's SET NOT NULL still scans the table under
    /// an exclusive lock: BG0205's Info); on SQLite the table is rebuilt from the target model,
    /// which has no default, and those inserts fail (BG0006). The real databases agree (AgreementTests). Nickname, which
    /// the running version maps as optional and writes NULL into, is a true BG0006 everywhere.
    /// Three changes EF scaffolds as a nullable column or no operation at all still break a version, because the column is
    /// nullable only for the other types' rows: a required Weight added to dogs (the running version's dogs leave it NULL,
    /// which the new version cannot read: BG0005); a cat's Color made required (the running version still writes NULL
    /// there: BG0006 on the empty Up); Weight made optional again (the new version writes NULL, which the running version
    /// cannot read: BG0012 on the empty Up).
    /// </summary>
    public class TphTests
    {
        [Theory]
        [InlineData("tph-ef10-postgres")]
        [InlineData("tph-ef10-sqlserver")]
        public async Task A_TPH_column_made_NOT_NULL_with_a_default_is_safe_when_the_running_version_never_writes_NULL(string history)
        {
            var expected = new List<string>
            {
                "AddDogWeight.cs(13,13): BG0005 Animals.Weight",
                "LoosenDogWeight.cs(11,33): BG0012 Animals.Weight",
                "RequireCatColor.cs(11,33): BG0006 Animals.Color",
                "RequireNickname.cs(13,13): BG0006 Animals.Nickname",
            };

            // Safe for both versions, but PostgreSQL sets NOT NULL by scanning Animals under an exclusive lock, after EF's
            // UPDATE of the NULLs: the lock rule's Info, on each of the two AlterColumns.
            if (history == "tph-ef10-postgres")
            {
                expected.Insert(2, "MoveBreedToAnimal.cs(13,13): BG0205 Animals.Breed");
                expected.Add("RequireNickname.cs(13,13): BG0205 Animals.Nickname");
            }

            Assert.Equal(expected, await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }

        [Fact]
        public async Task On_SQLite_the_rebuild_drops_the_default_and_the_same_change_breaks_the_running_version()
        {
            Assert.Equal(
                new[]
                {
                    "AddDogWeight.cs(13,13): BG0005 Animals.Weight",
                    "LoosenDogWeight.cs(11,33): BG0012 Animals.Weight",
                    "MoveBreedToAnimal.cs(13,13): BG0006 Animals.Breed",
                    "RequireCatColor.cs(11,33): BG0006 Animals.Color",
                    "RequireNickname.cs(13,13): BG0006 Animals.Nickname",
                },
                await CorpusHistory.Get("tph-ef10-sqlite").DescribedDiagnosticsAsync());
        }
    }
}
