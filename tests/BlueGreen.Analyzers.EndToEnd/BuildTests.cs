using System.IO;
using System.Threading.Tasks;
using BlueGreen.Analyzers.EndToEnd.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd
{
    /// <summary><c>dotnet build</c> of an app referencing the packed package: the warning, its severities, suppressions, SARIF.</summary>
    [Collection(PackedConsumerCollection.Name)]
    public class BuildTests
    {
        private const string Drop = "            migrationBuilder.DropColumn(\n";

        private const string DropEnd = "                table: \"Products\");\n";

        private const string MigrationClass = "    public partial class RemoveDiscontinued : Migration\n";

        private readonly PackedConsumer consumer;

        public BuildTests(PackedConsumer consumer)
        {
            this.consumer = consumer;
        }

        [Fact]
        public async Task Dotnet_build_prints_warning_BG0001_with_file_line_and_column()
        {
            var app = consumer.CreateApp("build");

            var build = await app.BuildAsync();

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            var warning = Expect.OneBG0001AtTheUnsafeDrop(app, build, "warning");
            Assert.Contains($"Migration '{PackedConsumer.UnsafeMigrationId}' drops column 'Discontinued' of table 'Products'", warning.Message);
            Assert.Contains("'20261126114420_DropLegacyCode'", warning.Message);
        }

        [Fact]
        public async Task The_package_picks_up_ShippedMigrations_md_with_no_project_edit()
        {
            // Listing the unsafe migration as shipped makes it history: no rule judges it any more.
            var app = consumer.CreateApp("manifest");
            app.Write(Path.Combine("Deploy", "ShippedMigrations.md"), $"## 1.0\n- {PackedConsumer.UnsafeMigrationId}\n");

            var build = await app.BuildAsync();

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.NoBG0001(build);

            // And a manifest line that names no migration is reported at its line.
            app.Write(Path.Combine("Deploy", "ShippedMigrations.md"), $"## 1.0\n- {PackedConsumer.UnsafeMigrationId}\n- 20990101000000_Typo\n");
            var typo = await app.BuildAsync();
            Assert.Contains("ShippedMigrations.md(3,3): warning BG0902", typo.Output);
        }

        [Fact]
        public async Task Editorconfig_severity_error_fails_the_build_with_error_BG0001()
        {
            var app = consumer.CreateApp("severity-error");
            app.Write(".editorconfig", "[*.cs]\ndotnet_diagnostic.BG0001.severity = error\n");

            var build = await app.BuildAsync();

            Expect.Failed(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.OneBG0001AtTheUnsafeDrop(app, build, "error");
        }

        [Fact]
        public async Task Editorconfig_severity_none_silences_it()
        {
            var app = consumer.CreateApp("severity-none");
            app.Write(".editorconfig", "[Migrations/**.cs]\ndotnet_diagnostic.BG0001.severity = none\n");
            var log = Path.Combine(app.Root, "build.sarif");

            var build = await app.BuildAsync($"-p:ErrorLog={log}%2Cversion=2.1");

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.NoBG0001(build);
            var sarif = Sarif.Read(log);
            Assert.True(sarif.Rule("BG0001").HasValue, $"The analyzer did not run (BG0001 not among the SARIF rules):\n{sarif.Text}");
            Assert.True(sarif.ResultsOf("BG0001").Count == 0, $"BG0001 reported although disabled:\n{sarif.Text}");
        }

        [Fact]
        public async Task Pragma_warning_disable_silences_it()
        {
            var app = consumer.CreateApp("pragma");
            app.Replace(PackedConsumer.UnsafeMigrationFile, Drop, "#pragma warning disable BG0001 // Deployed in a maintenance window\n" + Drop);
            app.Replace(PackedConsumer.UnsafeMigrationFile, DropEnd, DropEnd + "#pragma warning restore BG0001\n");
            var log = Path.Combine(app.Root, "build.sarif");

            var build = await app.BuildAsync($"-p:ErrorLog={log}%2Cversion=2.1");

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.NoBG0001(build);
            AssertReportedAndSuppressedInSource(Sarif.Read(log), justification: null);
        }

        [Fact]
        public async Task SuppressMessage_on_the_migration_class_silences_it()
        {
            var app = consumer.CreateApp("suppress-message");
            app.Replace(
                PackedConsumer.UnsafeMigrationFile,
                MigrationClass,
                "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"BlueGreen\", \"BG0001\", Justification = \"Deployed in a maintenance window\")]\n" + MigrationClass);
            var log = Path.Combine(app.Root, "build.sarif");

            var build = await app.BuildAsync($"-p:ErrorLog={log}%2Cversion=2.1");

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.NoBG0001(build);
            AssertReportedAndSuppressedInSource(Sarif.Read(log), "Deployed in a maintenance window");
        }

        [Fact]
        public async Task Warnaserror_fails_the_build_with_error_BG0001()
        {
            var app = consumer.CreateApp("warnaserror");

            var build = await app.BuildAsync("-warnaserror");

            Expect.Failed(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.OneBG0001AtTheUnsafeDrop(app, build, "error");
        }

        [Fact]
        public async Task ErrorLog_writes_SARIF_with_the_result_and_its_help_uri()
        {
            var app = consumer.CreateApp("sarif");
            var log = Path.Combine(app.Root, "out.sarif");

            var build = await app.BuildAsync($"-p:ErrorLog={log}%2Cversion=2.1");

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            var sarif = Sarif.Read(log);
            var results = sarif.ResultsOf("BG0001");
            Assert.True(results.Count == 1, $"Expected one BG0001 result:\n{sarif.Text}");
            var result = results[0];
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.Contains("drops column 'Discontinued' of table 'Products'", result.GetProperty("message").GetProperty("text").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("/" + PackedConsumer.UnsafeMigrationFile, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            var (line, column) = app.PositionOf(PackedConsumer.UnsafeMigrationFile, "migrationBuilder.DropColumn(");
            Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(column, location.GetProperty("region").GetProperty("startColumn").GetInt32());

            var rule = sarif.Rule("BG0001");
            Assert.True(rule.HasValue, $"BG0001 is not among the SARIF rules:\n{sarif.Text}");
            Assert.Equal(PackedConsumer.HelpUri, rule!.Value.GetProperty("helpUri").GetString());
            Assert.Equal("Column dropped while the running version still maps it", rule.Value.GetProperty("shortDescription").GetProperty("text").GetString());
        }

        /// <summary>The analyzer did report BG0001, and the compiler recorded it as suppressed in source.</summary>
        private static void AssertReportedAndSuppressedInSource(Sarif sarif, string? justification)
        {
            var results = sarif.ResultsOf("BG0001");
            Assert.True(results.Count == 1, $"Expected one (suppressed) BG0001 result:\n{sarif.Text}");
            Assert.True(Sarif.SuppressionKinds(results[0]) is ["inSource"], $"Expected an in-source suppression:\n{sarif.Text}");
            if (justification is not null)
            {
                Assert.Equal(justification, results[0].GetProperty("suppressions")[0].GetProperty("justification").GetString());
            }
        }
    }
}
