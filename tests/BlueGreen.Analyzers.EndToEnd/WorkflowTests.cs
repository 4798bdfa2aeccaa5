using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlueGreen.Analyzers.EndToEnd.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd
{
    /// <summary>
    /// The README's two-step workflow with nothing but commands, on a fresh EF Core 10 + SQLite app with the packed package
    /// and the repository's pinned dotnet-ef. After each step the version built before it runs against the migrated
    /// database (its own build output, an insert and a read of every customer): the old version keeps working.
    /// </summary>
    [Collection(PackedConsumerCollection.Name)]
    public class WorkflowTests
    {
        private const string Model = """
            using Microsoft.EntityFrameworkCore;

            namespace Shop;

            public class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string Fax { get; set; } = "";
            }

            public class ShopContext(string path) : DbContext
            {
                public ShopContext() : this("shop.db") { }
                public DbSet<Customer> Customers => Set<Customer>();
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=" + path);
            }

            """;

        // The running version's workload: one insert (of the columns its model maps) and a read of every row.
        private const string Program = """
            using System.Linq;

            using var db = new Shop.ShopContext(args[0]);
            db.Customers.Add(new Shop.Customer());
            db.SaveChanges();
            System.Console.WriteLine("customers: " + db.Customers.AsEnumerable().Count());

            """;

        private readonly PackedConsumer consumer;

        public WorkflowTests(PackedConsumer consumer)
        {
            this.consumer = consumer;
        }

        [Fact]
        public async Task The_READMEs_workflow_drops_a_column_in_two_releases_and_keeps_a_renamed_columns_name_while_the_old_version_keeps_working()
        {
            var shop = await CreateShopAsync();
            var database = Path.Combine(shop, "shop.db");

            await Ef(shop, "migrations", "add", "Initial");
            await Ef(shop, "database", "update");
            var v1 = await BuildVersionAsync(shop, "v1");
            await RunsAsync(v1, database);

            // 1. Remove a required property; EF scaffolds its DropColumn, and the build says BG0001.
            Edit(shop, "Model.cs", "    public string Fax { get; set; } = \"\";\n", string.Empty);
            await Ef(shop, "migrations", "add", "RemoveFax");
            var removeFax = MigrationId(shop, "RemoveFax");
            var build = await DotNet.BuildAsync(shop);
            Expect.Succeeded(build);
            Assert.True(BuildDiagnostic.Parse(build.Output, "BG0001").Count == 1, $"Expected one BG0001:\n{build}");

            // 2. The split fix from the command line: the migration keeps the model change only; the old version keeps working.
            Expect.Succeeded(await DotNet.RunAsync(shop, "format", "analyzers", "--diagnostics", "BG0001", "--severity", "info"));
            Assert.DoesNotContain("DropColumn", File.ReadAllText(MigrationFile(shop, "RemoveFax")), StringComparison.Ordinal);
            await Ef(shop, "database", "update");
            await RunsAsync(v1, database);
            var v2 = await BuildVersionAsync(shop, "v2");
            await RunsAsync(v2, database);
            await RunsAsync(v1, database);

            // 3. The release shipped: mark it from the command line.
            var mark = await DotNet.BuildAsync(shop, "-t:BlueGreenMarkShipped", "-p:BlueGreenShippedMigration=" + removeFax);
            Expect.Succeeded(mark);
            Assert.Matches($@"(?m)^- {removeFax} sha256:[0-9a-f]{{24}}$", File.ReadAllText(Path.Combine(shop, "ShippedMigrations.md")));

            // 4. The ready-to-drop list in the build output.
            var ready = await DotNet.BuildAsync(shop, "-p:BlueGreenReadyToDropSeverity=warning");
            Expect.Succeeded(ready);
            Assert.True(BuildDiagnostic.Parse(ready.Output, "BG0100").Any(diagnostic => diagnostic.Message.Contains("'Customers.Fax'", StringComparison.Ordinal)), $"Expected BG0100 for Customers.Fax:\n{ready}");

            // 5. The contract step: EF adds an empty migration and its designer, the fix writes the drop into it.
            await Ef(shop, "migrations", "add", "DropFax");
            Expect.Succeeded(await DotNet.RunAsync(shop, "format", "analyzers", "--diagnostics", "BG0100", "--severity", "info"));
            Assert.Contains("migrationBuilder.DropColumn(", File.ReadAllText(MigrationFile(shop, "DropFax")), StringComparison.Ordinal);
            Assert.True(File.Exists(MigrationFile(shop, "DropFax").Replace(".cs", ".Designer.cs", StringComparison.Ordinal)));
            var list = await Ef(shop, "migrations", "list");
            Assert.Contains(MigrationId(shop, "DropFax"), list.Output, StringComparison.Ordinal);
            await Ef(shop, "database", "update");
            await RunsAsync(v2, database);
            var afterDrop = await DotNet.BuildAsync(shop, "-p:BlueGreenReadyToDropSeverity=warning");
            Expect.Succeeded(afterDrop);
            Assert.True(BuildDiagnostic.Parse(afterDrop.Output).All(diagnostic => !diagnostic.Id.StartsWith("BG", StringComparison.Ordinal)), $"Expected no BlueGreen diagnostic:\n{afterDrop}");

            // A rename, with "Keep the database column name" chosen in .editorconfig: no second step at all.
            File.AppendAllText(Path.Combine(shop, "..", ".editorconfig"), "\n[*.cs]\nbluegreen.BG0002.fix = keep_column_name\n");
            var v3 = await BuildVersionAsync(shop, "v3");
            Edit(shop, "Model.cs", "public string Name { get; set; }", "public string FullName { get; set; }");
            await Ef(shop, "migrations", "add", "RenameName");
            var renamed = await DotNet.BuildAsync(shop);
            Assert.True(BuildDiagnostic.Parse(renamed.Output, "BG0002").Count == 1, $"Expected one BG0002:\n{renamed}");
            Expect.Succeeded(await DotNet.RunAsync(shop, "format", "analyzers", "--diagnostics", "BG0002", "--severity", "info"));
            Assert.DoesNotContain("RenameColumn", File.ReadAllText(MigrationFile(shop, "RenameName")), StringComparison.Ordinal);
            Assert.Contains("[System.ComponentModel.DataAnnotations.Schema.Column(\"Name\")]", File.ReadAllText(Path.Combine(shop, "Model.cs")), StringComparison.Ordinal);
            await Ef(shop, "database", "update");
            await RunsAsync(v3, database);
            var v4 = await BuildVersionAsync(shop, "v4");
            await RunsAsync(v4, database);
            await RunsAsync(v3, database);

            // The model, the snapshot and the database agree: a new migration has nothing to do.
            await Ef(shop, "migrations", "add", "Nothing");
            Assert.DoesNotContain("migrationBuilder.", File.ReadAllText(MigrationFile(shop, "Nothing")), StringComparison.Ordinal);

            // The whole history applies to a new database.
            await Ef(shop, "database", "update", "--connection", "Data Source=" + Path.Combine(shop, "fresh.db"));
            await RunsAsync(v4, Path.Combine(shop, "fresh.db"));
        }

        /// <summary>A new app beside the consumer (its nuget.config, its empty Directory.Build files), with dotnet-ef's manifest.</summary>
        private async Task<string> CreateShopAsync()
        {
            var app = consumer.CreateApp("workflow");
            var shop = Path.Combine(app.Root, "Shop");
            Directory.CreateDirectory(Path.Combine(app.Root, ".config"));
            File.Copy(Repository.Path(".config", "dotnet-tools.json"), Path.Combine(app.Root, ".config", "dotnet-tools.json"));
            Directory.CreateDirectory(shop);
            File.WriteAllText(Path.Combine(shop, "Shop.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
                    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15" PrivateAssets="all" />
                    <PackageReference Include="BlueGreen.Analyzers" Version="{consumer.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>

                """);
            File.WriteAllText(Path.Combine(shop, "Model.cs"), Model);
            File.WriteAllText(Path.Combine(shop, "Program.cs"), Program);
            Expect.Succeeded(await DotNet.RunAsync(app.Root, "tool", "restore"));
            Expect.Succeeded(await DotNet.RunAsync(shop, "restore"));
            return shop;
        }

        private static async Task<ProcessResult> Ef(string shop, params string[] arguments)
        {
            var result = await DotNet.RunAsync(shop, new[] { "tool", "run", "dotnet-ef" }.Concat(arguments).ToArray());
            Expect.Succeeded(result);
            return result;
        }

        /// <summary>The app as it is now, built into a folder of its own: the version that runs while the next one deploys.</summary>
        private static async Task<string> BuildVersionAsync(string shop, string version)
        {
            var output = Path.Combine(shop, "..", "versions", version);
            Expect.Succeeded(await DotNet.BuildAsync(shop, "-o", output));
            return Path.Combine(output, "Shop.dll");
        }

        private static async Task RunsAsync(string version, string database)
        {
            var run = await DotNet.RunAsync(Path.GetDirectoryName(database)!, version, database);
            Assert.True(run.ExitCode == 0 && run.StandardOutput.Contains("customers: ", StringComparison.Ordinal), $"{version} no longer works against {database}:\n{run}");
        }

        private static void Edit(string shop, string file, string oldText, string newText)
        {
            var path = Path.Combine(shop, file);
            var text = File.ReadAllText(path);
            Assert.Contains(oldText, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        }

        private static string MigrationFile(string shop, string name) =>
            Directory.GetFiles(Path.Combine(shop, "Migrations"), "*_" + name + ".cs").Single();

        private static string MigrationId(string shop, string name) => Path.GetFileNameWithoutExtension(MigrationFile(shop, name));
    }
}
