using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Truth.Analysis;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.CodeAnalysis.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;
using Xunit.Abstractions;

namespace BlueGreen.Analyzers.Truth
{
    /// <summary>
    /// BG0201 on SQL Server (opt-in through <c>bluegreen.sqlserver_edition</c>). No SQL Server runs here, so what decides is
    /// what EF sends it: EF's own SQL Server migrations SQL generator, run in-process on the compiled history (the script
    /// <c>dotnet ef migrations script</c> writes; no connection is opened). The fixed history must build every index the rule
    /// reported WITH (ONLINE = ON), and only those: the history as scaffolded builds none online.
    /// </summary>
    public class SqlServerOnlineIndexTests
    {
        private readonly ITestOutputHelper _output;

        public SqlServerOnlineIndexTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task BG0201_fixed_indexes_are_created_WITH_ONLINE_ON_by_EF_s_SQL_Server_generator_and_the_scaffolded_ones_are_not()
        {
            var scaffolded = HistoryWorkspace.FromCorpus("locks-ef10-sqlserver");
            var configured = scaffolded.With(scaffolded.Project.AddAnalyzerConfigDocument(
                ".editorconfig", SourceText.From("root = true\n\n[*.cs]\nbluegreen.sqlserver_edition = enterprise\n"), filePath: "/history/.editorconfig").Project);
            var reported = (await configured.AnalyzeAsync()).Where(diagnostic => diagnostic.Id == "BG0201").ToList();
            Assert.Equal(4, reported.Count);

            var fixedHistory = await FixApplier.FixAllAsync(configured, "BG0201", CreateIndexConcurrentlyCodeFixProvider.OnlineKey);
            Assert.DoesNotContain(await fixedHistory.AnalyzeAsync(), diagnostic => diagnostic.Id == "BG0201");

            var before = Script(scaffolded.Compile());
            var after = Script(fixedHistory.Compile());
            _output.WriteLine(after);
            Assert.DoesNotContain("ONLINE", before, System.StringComparison.Ordinal);
            foreach (var index in new[] { "[IX_Customers_Name] ON [Customers] ([Name])", "[IX_Customers_Region] ON [Customers] ([Region])", "[IX_Customers_Tier] ON [Customers] ([Tier])", "[IX_Orders_StoreId] ON [Orders] ([StoreId])" })
            {
                Assert.Contains("CREATE INDEX " + index + " WITH (ONLINE = ON);", after, System.StringComparison.Ordinal);
            }

            // The index created with its table, which the rule does not report, is left as EF wrote it.
            Assert.Contains("CREATE INDEX [IX_Orders_CustomerId] ON [Orders] ([CustomerId]);", after, System.StringComparison.Ordinal);
            Assert.Equal(4, after.Split("ONLINE = ON").Length - 1);
        }

        /// <summary>The whole history's SQL Server script, as <c>dotnet ef migrations script</c> writes it.</summary>
        private static string Script(CompiledHistory compiled)
        {
            var options = new DbContextOptionsBuilder()
                .UseSqlServer("Server=unused;Database=unused")
                .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
                .Options;
            using var context = compiled.CreateContext(options);
            return context.GetService<IMigrator>().GenerateScript();
        }
    }
}
