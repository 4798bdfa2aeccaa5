using System;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// The truth scenario (tests/HistoryGenerator/scenario-truth), made by EF's scaffolder for EF 8, 9 and 10 on SQLite and
    /// PostgreSQL and EF 10 on SQL Server: exactly what each step breaks. The real databases agree (BlueGreen.Analyzers.Truth),
    /// except SQL Server's, which cannot run here: its verdicts follow from the same invariant.
    /// </summary>
    public class TruthScenarioTests
    {
        public static readonly TheoryData<string> Histories = new TheoryData<string>
        {
            "truth-ef8-sqlite", "truth-ef9-sqlite", "truth-ef10-sqlite",
            "truth-ef8-postgres", "truth-ef9-postgres", "truth-ef10-postgres",
            "truth-ef10-sqlserver",
        };

        [Theory]
        [MemberData(nameof(Histories))]
        public async Task Each_step_reports_what_it_breaks_on_its_provider(string history)
        {
            var expected = new[]
            {
                // The required Fax dropped in the release that stops mapping it.
                "RemoveFax.cs(13,13): BG0001 Customers.Fax",

                // Dog.Breed (required in the model, its TPH column nullable) no longer written: the old version reads NULL.
                "RemoveBreedFromModel.cs(11,33): BG0012 Animals.Breed",

                // Email made nullable while the old version requires it.
                "LoosenEmail.cs(13,13): BG0012 Customers.Email",

                "RenameNameToFullName.cs(13,13): BG0002 Customers.Name",
            }.ToList();

            // Phone's DropColumn was cut (a model-only removal), but LoyaltyPoints' new default is an AlterColumn, which
            // SQLite runs as a rebuild of Customers from the migration's model: Phone is dropped anyway.
            if (history.EndsWith("-sqlite", StringComparison.Ordinal))
            {
                expected.Add("RemovePhoneDefaultPoints.cs(13,13): BG0009 Customers.Phone");
            }

            Assert.Equal(expected.OrderBy(line => line, StringComparer.Ordinal), await CorpusHistory.Get(history).DescribedDiagnosticsAsync());
        }
    }
}
