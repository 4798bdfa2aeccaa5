using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.EndToEnd.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd
{
    /// <summary>The code fix from the command line: <c>dotnet format analyzers</c> (shipped with the SDK) on the packed package.</summary>
    [Collection(PackedConsumerCollection.Name)]
    public class CodeFixTests
    {
        private static readonly string[] FormatBG0001 = { "format", "analyzers", "--diagnostics", "BG0001", "--severity", "info" };

        private readonly PackedConsumer consumer;

        public CodeFixTests(PackedConsumer consumer)
        {
            this.consumer = consumer;
        }

        [Fact]
        public async Task Dotnet_format_analyzers_applies_the_split_fix_and_the_app_then_builds_without_BG0001()
        {
            var app = consumer.CreateApp("format");
            var sources = Directory.EnumerateFiles(app.Directory, "*.cs", SearchOption.AllDirectories).ToDictionary(path => path, File.ReadAllText);

            // A CI gate: --verify-no-changes exits with 2 while a fix is pending, and changes nothing.
            var verify = await DotNet.RunAsync(app.Directory, FormatBG0001.Concat(new[] { "--verify-no-changes" }).ToArray());
            Assert.True(verify.ExitCode == 2, $"Expected exit code 2 (changes pending):\n{verify}");
            Assert.True(verify.Output.Contains("BG0001", StringComparison.Ordinal), $"Expected the pending BG0001 in the output:\n{verify}");
            Assert.All(sources, source => Assert.Equal(source.Value, File.ReadAllText(source.Key)));

            var format = await DotNet.RunAsync(app.Directory, FormatBG0001.Concat(new[] { "--verbosity", "diagnostic" }).ToArray());

            Assert.True(format.ExitCode == 0, $"dotnet format failed:\n{format}");
            var migration = app.Read(PackedConsumer.UnsafeMigrationFile);
            var context = $"{migration}\n{format}";
            Assert.False(migration.Contains("DropColumn", StringComparison.Ordinal), $"The DropColumn is still there:\n{context}");

            // Discontinued is NOT NULL without default: the fix keeps it so with a database default (green's inserts omit it, blue
            // reads it as required), and Down removes the default. On SQLite that AlterColumn rebuilds the table from the
            // migration's designer, so dotnet format also writes the column into the designer, marked as kept in the database.
            Assert.True(migration.Contains("migrationBuilder.AlterColumn<bool>(", StringComparison.Ordinal), $"Expected an AlterColumn<bool>:\n{context}");
            Assert.True(migration.Contains("defaultValue: false,", StringComparison.Ordinal), $"Expected a database default:\n{context}");
            Assert.False(migration.Contains("nullable: true", StringComparison.Ordinal), $"The column was made nullable:\n{context}");
            Assert.False(migration.Contains("AddColumn", StringComparison.Ordinal), $"Down still re-adds the column:\n{context}");
            var designerFile = PackedConsumer.UnsafeMigrationFile.Replace(".cs", ".Designer.cs", StringComparison.Ordinal);
            var designer = app.Read(designerFile);
            Assert.True(designer.Contains("b.Property<bool>(\"Discontinued\")", StringComparison.Ordinal) && designer.Contains(".HasAnnotation(\"BlueGreen:KeptInDatabase\", true)", StringComparison.Ordinal), $"Expected the designer to keep the column:\n{designer}\n{format}");
            foreach (var source in sources.Where(source => source.Key != app.PathOf(PackedConsumer.UnsafeMigrationFile) && source.Key != app.PathOf(designerFile)))
            {
                Assert.True(source.Value == File.ReadAllText(source.Key), $"dotnet format changed {source.Key}:\n{format}");
            }

            var build = await app.BuildAsync();

            Expect.Succeeded(build);
            Expect.AnalyzerLoadedCleanly(build);
            Expect.NoBG0001(build);
        }
    }
}
