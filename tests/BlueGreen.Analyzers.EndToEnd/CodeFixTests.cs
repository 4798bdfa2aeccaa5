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

        private static readonly string[] FormatBG0202 = { "format", "analyzers", "--diagnostics", "BG0202", "--verbosity", "diagnostic" };

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

        [Fact]
        public async Task Dotnet_format_analyzers_moves_a_concurrent_index_to_a_migration_of_its_own_only_when_chosen_and_writes_the_new_files()
        {
            // EF's own scaffold of the locks scenario on PostgreSQL: AddTierWithIndex adds Customers.Tier and indexes it
            // concurrently in the same migration (BG0202), whose fix adds a migration beside it.
            var app = consumer.CreateApp("split");
            var project = Path.Combine(app.Root, "Locks");
            var migrations = Path.Combine(project, "Migrations");
            Directory.CreateDirectory(migrations);
            foreach (var file in Directory.EnumerateFiles(Repository.Path("tests", "BlueGreen.Analyzers.Tests", "Histories", "locks-ef10-postgres")))
            {
                File.Copy(file, Path.Combine(migrations, Path.GetFileName(file)));
            }

            foreach (var file in new[] { "Model.cs", "ShopContext.cs" })
            {
                File.Copy(Repository.Path("tests", "HistoryGenerator", "scenario-locks", file), Path.Combine(project, file));
            }

            // The scenario's model at its last step (generate.sh compiled CheckCustomerId's with every STEPn defined).
            var csproj = Path.Combine(project, "Locks.csproj");
            File.WriteAllText(csproj, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Fixtures</RootNamespace>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <DefineConstants>$(DefineConstants);PROVIDER_NPGSQL;STEP2;STEP3;STEP4;STEP5;STEP6;STEP7;STEP8;STEP9;STEP10</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
                    <PackageReference Include="BlueGreen.Analyzers" Version="{consumer.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>

                """);
            var projectFile = File.ReadAllText(csproj);
            Expect.Succeeded(await DotNet.RunAsync(project, "restore"));
            var before = await DotNet.BuildAsync(project);
            Expect.Succeeded(before);
            Expect.AnalyzerLoadedCleanly(before);
            Assert.True(BuildDiagnostic.Parse(before.Output, "BG0202").Count == 1, $"Expected one BG0202:\n{before}");
            var sources = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToDictionary(path => path, File.ReadAllText);

            // No default: a fix that adds files changes nothing from the command line unless .editorconfig chooses it.
            var unchosen = await DotNet.RunAsync(project, FormatBG0202);
            Expect.Succeeded(unchosen);
            Assert.Equal(sources.Keys.Order(StringComparer.Ordinal), Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.All(sources, source => Assert.True(source.Value == File.ReadAllText(source.Key), $"dotnet format changed {source.Key}:\n{unchosen}"));

            File.AppendAllText(Path.Combine(app.Root, ".editorconfig"), "\n[*.cs]\nbluegreen.BG0202.fix = own_migration\n");
            var format = await DotNet.RunAsync(project, FormatBG0202);
            Expect.Succeeded(format);

            // The index and its DropIndex left the original for a migration one second after it, with the original's designer.
            var original = File.ReadAllText(Path.Combine(migrations, "20261201185726_AddTierWithIndex.cs"));
            var addedFile = Path.Combine(migrations, "20261201185727_CreateIXCustomersTier.cs");
            var addedDesignerFile = Path.Combine(migrations, "20261201185727_CreateIXCustomersTier.Designer.cs");
            var listing = string.Join("\n", Directory.EnumerateFiles(migrations).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var context = $"{original}\n{listing}\n{format}";
            Assert.True(File.Exists(addedFile) && File.Exists(addedDesignerFile), $"dotnet format did not write the new migration:\n{context}");
            Assert.True(original.Contains("AddColumn<int>(", StringComparison.Ordinal) && !original.Contains("IX_Customers_Tier", StringComparison.Ordinal), $"The original still holds the index, or lost its column:\n{context}");
            var added = File.ReadAllText(addedFile);
            Assert.True(
                added.Contains("public partial class CreateIXCustomersTier : Migration", StringComparison.Ordinal)
                    && added.Contains("migrationBuilder.CreateIndex(\n                name: \"IX_Customers_Tier\",", StringComparison.Ordinal)
                    && added.Contains(".Annotation(\"Npgsql:CreatedConcurrently\", true);", StringComparison.Ordinal)
                    && added.Contains("migrationBuilder.DropIndex(\n                name: \"IX_Customers_Tier\",", StringComparison.Ordinal),
                $"Expected the moved CreateIndex and DropIndex:\n{added}\n{format}");
            var addedDesigner = File.ReadAllText(addedDesignerFile);
            Assert.True(
                addedDesigner.Contains("[Migration(\"20261201185727_CreateIXCustomersTier\")]", StringComparison.Ordinal) && addedDesigner.Contains("partial class CreateIXCustomersTier", StringComparison.Ordinal),
                $"Expected the new designer:\n{addedDesigner}");

            // dotnet format's workspace also lists the new files in the project file, which an SDK-style project compiles
            // already: the build fails on the duplicates (why no fix that adds files is a default; docs/hosts.md says so).
            var items = "  <ItemGroup>\n    <Compile Include=\"Migrations/20261201185727_CreateIXCustomersTier.cs\" />\n    <Compile Include=\"Migrations/20261201185727_CreateIXCustomersTier.Designer.cs\" />\n  </ItemGroup>\n";
            var changedProject = File.ReadAllText(csproj);
            Assert.True(changedProject.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() == projectFile.Replace("</Project>", items + "</Project>", StringComparison.Ordinal).TrimEnd(), $"Expected dotnet format to add two <Compile> items:\n{changedProject}");
            var duplicates = await DotNet.BuildAsync(project);
            Assert.True(duplicates.ExitCode != 0 && duplicates.Output.Contains("NETSDK1022", StringComparison.Ordinal), $"Expected NETSDK1022 for the added <Compile> items:\n{duplicates}");

            // With the items deleted, the split history builds and BG0202 is gone.
            File.WriteAllText(csproj, projectFile);
            var after = await DotNet.BuildAsync(project);
            Expect.Succeeded(after);
            Expect.AnalyzerLoadedCleanly(after);
            Assert.True(BuildDiagnostic.Parse(after.Output, "BG0202").Count == 0, $"BG0202 is still reported:\n{after}");
        }
    }
}
