using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0202's fix and BG0201's "in a migration of its own": the operation EF runs outside the transaction leaves the
    /// migration for a new one right after it (id one second later, the original's designer copied), with its DropIndex;
    /// and where the move could change what the migrations do, or no id fits, the fix is not offered. On scaffolded
    /// histories, with every analyzer run on the result: <see cref="LockHistoryTests"/>; on the real server: the Truth tests.
    /// </summary>
    public class LockSplitTests
    {
        private const string SecondId = PostgresHistory.SecondId;

        private const string AddTier = "migrationBuilder.AddColumn<int>(\n    name: \"Tier\",\n    table: \"Customers\",\n    type: \"integer\",\n    nullable: false,\n    defaultValue: 0);";

        private const string DropTier = "migrationBuilder.DropColumn(\n    name: \"Tier\",\n    table: \"Customers\");";

        private const string Concurrently = "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true)";

        private static string CreateIndex(string column) => $"migrationBuilder.CreateIndex(\n    name: \"IX_Customers_{column}\",\n    table: \"Customers\",\n    column: \"{column}\")";

        private static string DropIndex(string column) => $"migrationBuilder.DropIndex(\n    name: \"IX_Customers_{column}\",\n    table: \"Customers\");";

        /// <summary>BG0202's fix, asked for: it adds files, so it is no default (the IDE offers it inside a group).</summary>
        private static Test<NonTransactionalMixedAnalyzer, MoveNonTransactionalCodeFixProvider> Move(string up, string down)
        {
            var test = PostgresHistory.Create<NonTransactionalMixedAnalyzer, MoveNonTransactionalCodeFixProvider>(up, down);
            test.CodeActionEquivalenceKey = MoveNonTransactionalCodeFixProvider.Key;
            return test;
        }

        /// <summary>The new migration as the fix writes it: EF's layout, the file ending in a line break as EF's do.</summary>
        private static void AddMoved(SolutionState state, string column, int second)
        {
            state.Sources.Add(($"/0/2024020100000{second}_CreateIXCustomers{column}.cs", Sources.Migration("CreateIXCustomers" + column, CreateIndex(column) + Concurrently + ";", DropIndex(column)) + "\n"));
            state.Sources.Add(($"/0/2024020100000{second}_CreateIXCustomers{column}.Designer.cs", Sources.Designer("CreateIXCustomers" + column, $"2024020100000{second}_CreateIXCustomers{column}", PostgresHistory.Model)));
        }

        [Fact]
        public async Task BG0202_moves_the_concurrent_index_and_its_DropIndex_to_a_migration_right_after()
        {
            var test = Move(
                AddTier + "\n\n{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";", DropIndex("Tier") + "\n\n" + DropTier);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier'", 1));
            PostgresHistory.Fixed(test, AddTier, DropTier);
            AddMoved(test.FixedState, "Tier", 1);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_fix_all_gives_each_concurrent_index_a_migration_in_the_original_order()
        {
            // Two concurrent indexes together would still be mixed: one migration each, one second apart, in Up's order.
            var test = Move(
                AddTier + "\n\n{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";\n\n{|#1:" + CreateIndex("Number") + "|}" + Concurrently + ";",
                DropIndex("Number") + "\n\n" + DropIndex("Tier") + "\n\n" + DropTier);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier'", 2));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(1).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Number'", 2));

            // One at a time: the first fix moves Tier's index; Number's, then alone beside the AddColumn, follows it.
            PostgresHistory.Fixed(test, AddTier, DropTier);
            AddMoved(test.FixedState, "Tier", 1);
            test.FixedState.Sources.Add(("/0/20240201000002_CreateIXCustomersNumber.cs", Sources.Migration("CreateIXCustomersNumber", CreateIndex("Number") + Concurrently + ";", DropIndex("Number")) + "\n"));
            test.FixedState.Sources.Add(("/0/20240201000002_CreateIXCustomersNumber.Designer.cs", Sources.Designer("CreateIXCustomersNumber", "20240201000002_CreateIXCustomersNumber", PostgresHistory.Model)));
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_fix_all_leaves_the_migration_its_first_operation_when_every_one_runs_outside_the_transaction()
        {
            var test = Move(
                "{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";\n\n{|#1:" + CreateIndex("Number") + "|}" + Concurrently + ";",
                DropIndex("Number") + "\n\n" + DropIndex("Tier"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier'", 1));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(1).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Number'", 1));
            PostgresHistory.Fixed(test, CreateIndex("Number") + Concurrently + ";", DropIndex("Number"));
            AddMoved(test.FixedState, "Tier", 1);
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_moves_SQL_run_outside_the_transaction_when_it_runs_last_with_the_non_transactional_SQL_that_starts_Down()
        {
            const string vacuum = "migrationBuilder.Sql(\"CREATE INDEX CONCURRENTLY \\\"IX_Tier\\\" ON \\\"Customers\\\" (\\\"Tier\\\")\", suppressTransaction: true)";
            const string undo = "migrationBuilder.Sql(\"DROP INDEX CONCURRENTLY \\\"IX_Tier\\\"\", suppressTransaction: true);";
            var test = Move(AddTier + "\n\n{|#0:" + vacuum + "|};", undo + "\n\n" + DropTier);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "SQL with suppressTransaction: true", 1));
            PostgresHistory.Fixed(test, AddTier, DropTier);
            test.FixedState.Sources.Add(("/0/20240201000001_SecondOutsideTransaction.cs", Sources.Migration("SecondOutsideTransaction", vacuum + ";", undo) + "\n"));
            test.FixedState.Sources.Add(("/0/20240201000001_SecondOutsideTransaction.Designer.cs", Sources.Designer("SecondOutsideTransaction", "20240201000001_SecondOutsideTransaction", PostgresHistory.Model)));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_no_fix_where_the_move_could_change_what_the_migrations_do_or_no_id_fits_before_the_next()
        {
            // SQL before another operation (its effect on what follows is unknown); an index before a DropColumn (which could
            // drop what it indexes) or before SQL.
            foreach (var (up, down) in new[]
            {
                ("{|#0:migrationBuilder.Sql(\"VACUUM\", suppressTransaction: true)|};\n\n" + AddTier, DropTier),
                ("{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";\n\nmigrationBuilder.DropColumn(name: \"Email\", table: \"Customers\");", DropIndex("Tier")),
                ("{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";\n\nmigrationBuilder.Sql(\"ANALYZE\");", DropIndex("Tier")),
            })
            {
                var test = Move(up, down);
                test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, up.StartsWith("{|#0:migrationBuilder.Sql", System.StringComparison.Ordinal) ? "SQL with suppressTransaction: true" : "CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier'", 1));
                await test.RunAsync(CancellationToken.None);
            }

            // The next migration one second later: no id sorts between the two.
            var crowded = Move(AddTier + "\n\n{|#0:" + CreateIndex("Tier") + "|}" + Concurrently + ";", DropIndex("Tier") + "\n\n" + DropTier);
            crowded.TestState.Sources.Add(Sources.Migration("Third", string.Empty, string.Empty));
            crowded.TestState.Sources.Add(Sources.Designer("Third", "20240201000001_Third", PostgresHistory.Model));
            crowded.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Tier'", 1));
            await crowded.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_builds_the_index_concurrently_in_a_migration_of_its_own_on_request_where_others_share_the_migration()
        {
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                AddTier + "\n\n{|#0:" + CreateIndex("Tier") + "|};", DropIndex("Tier") + "\n\n" + DropTier);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Tier", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            test.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.OwnMigrationKey;
            PostgresHistory.Fixed(test, AddTier, DropTier);
            AddMoved(test.FixedState, "Tier", 1);
            await test.RunAsync(CancellationToken.None);

            // Built in place, the first fix and the default, since it adds no file (dotnet format, see docs/hosts.md); BG0202
            // then reports the mix.
            var inPlace = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                AddTier + "\n\n{|#0:" + CreateIndex("Tier") + "|};", DropIndex("Tier") + "\n\n" + DropTier);
            inPlace.TestState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
            inPlace.CodeActionIndex = 0;
            inPlace.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.Key;
            PostgresHistory.Fixed(inPlace, AddTier + "\n\n" + CreateIndex("Tier") + Concurrently + ";", DropIndex("Tier") + "\n\n" + DropTier);
            await inPlace.RunAsync(CancellationToken.None);
        }
    }
}
