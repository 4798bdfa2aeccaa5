using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>
    /// BG0201 to BG0207, the locks and rewrites, on small hand-written PostgreSQL histories (<see cref="PostgresHistory"/>:
    /// Customers exists before the migration judged): what the scaffolder does not write (hand edits, raw SQL, the recipes'
    /// shapes) and where each rule stays silent. Scaffolded cases: <see cref="LockHistoryTests"/>.
    /// </summary>
    public class LockRuleTests
    {
        private const string SecondId = PostgresHistory.SecondId;

        private const string CreateNameIndex = """
            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name")
            """;

        private static readonly string CreateOrders = PostgresHistory.CreateTable("Orders");

        private static readonly string CreateRegions = PostgresHistory.CreateTable("Regions");

        private const string DropNameIndex = """
            migrationBuilder.DropIndex(
                name: "IX_Customers_Name",
                table: "Customers");
            """;

        private const string UpdateEverything = "migrationBuilder.Sql(\"UPDATE \\\"Customers\\\" SET \\\"Number\\\" = 0\");";

        /// <summary>A SQL Server history's Customers (Id identity, Number int NOT NULL), as EF's SqlServer provider writes it.</summary>
        internal const string SqlServerInitialUp = """
            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });
            """;

        internal const string SqlServerModel = """
            SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder);

            modelBuilder.Entity("App.Customer", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("int");

                    SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"));

                    b.Property<int>("Number")
                        .HasColumnType("int");

                    b.HasKey("Id");

                    b.ToTable("Customers");
                });
            """;

        [Fact]
        public async Task BG0201_an_index_on_a_table_that_holds_rows_is_built_concurrently_by_the_fix_as_EF_writes_it()
        {
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>("{|#0:" + CreateNameIndex + "|};", DropNameIndex);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Name", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(test, CreateNameIndex + "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);", DropNameIndex);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_fix_all_builds_every_index_of_the_migration_concurrently()
        {
            const string numberIndex = "migrationBuilder.CreateIndex(name: \"IX_Customers_Number\", table: \"Customers\", column: \"Number\")";
            const string down = "migrationBuilder.DropIndex(name: \"IX_Customers_Number\", table: \"Customers\");\n\n" + DropNameIndex;
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                "{|#0:" + CreateNameIndex + "|};\n\n{|#1:" + numberIndex + "|};", down);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Name", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(1).WithArguments(SecondId, "IX_Customers_Number", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            const string concurrently = "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);";
            PostgresHistory.Fixed(test, CreateNameIndex + concurrently + "\n\n" + numberIndex + concurrently, down);

            // In place, the default: the fix that gives one index a migration of its own is asked for by key (LockSplitTests).
            test.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.Key;
            test.BatchFixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            foreach (var source in test.FixedState.Sources)
            {
                test.BatchFixedState.Sources.Add(source);
            }

            // Each index then runs outside a transaction beside another operation: BG0202 says so (not this test's analyzer).
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_an_annotation_that_says_false_is_turned_to_true()
        {
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                "{|#0:" + CreateNameIndex + "|}\n    .Annotation(\"Npgsql:IndexMethod\", \"btree\")\n    .Annotation(\"Npgsql:CreatedConcurrently\", false);", DropNameIndex);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Name", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(test, CreateNameIndex + "\n    .Annotation(\"Npgsql:IndexMethod\", \"btree\")\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);", DropNameIndex);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_is_silent_for_a_new_table_an_index_built_concurrently_and_an_annotation_it_cannot_read()
        {
            var createOrders = CreateOrders + "\n\n" + """
                migrationBuilder.CreateIndex(
                    name: "IX_Orders_Id",
                    table: "Orders",
                    column: "Id");

                migrationBuilder.CreateIndex(
                    name: "IX_Customers_Number",
                    table: "Customers",
                    column: "Number")
                    .Annotation("Npgsql:CreatedConcurrently", true);

                const bool concurrently = true;

                migrationBuilder.CreateIndex(
                    name: "IX_Customers_Name",
                    table: "Customers",
                    column: "Name")
                    .Annotation("Npgsql:CreatedConcurrently", concurrently);
                """;
            await PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(createOrders, "migrationBuilder.DropTable(name: \"Orders\");")
                .RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_follows_tables_renamed_in_the_migration_a_renamed_table_holds_its_rows_and_a_created_one_none()
        {
            var renames = """
                migrationBuilder.RenameTable(
                    name: "Customers",
                    newName: "Clients");

                {|#0:migrationBuilder.CreateIndex(
                    name: "IX_Clients_Name",
                    table: "Clients",
                    column: "Name")|}ANNOTATION;

                """ + CreateOrders + "\n\n" + """
                migrationBuilder.RenameTable(
                    name: "Orders",
                    newName: "Purchases");

                migrationBuilder.CreateIndex(
                    name: "IX_Purchases_Id",
                    table: "Purchases",
                    column: "Id");
                """;
            const string down = "migrationBuilder.DropTable(name: \"Purchases\");";
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(renames.Replace("ANNOTATION", string.Empty), down);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Clients_Name", "Clients", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(test, renames.Replace("ANNOTATION", "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true)").Replace("{|#0:", string.Empty).Replace("|}", string.Empty), down);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_is_silent_on_SQLite_which_has_no_concurrent_index_build()
        {
            var test = ShopHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                Sources.Migration("Second", CreateNameIndex + ";", DropNameIndex),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_with_a_manifest_a_table_created_earlier_in_the_upcoming_release_is_new_and_one_shipped_holds_rows()
        {
            // Initial shipped; Second and Third ship together: Orders is still empty when Third runs, Customers is not.
            const string thirdId = "20240301000000_Third";
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(CreateOrders, "migrationBuilder.DropTable(name: \"Orders\");");
            test.TestState.Sources.Add(Sources.Migration(
                "Third",
                "migrationBuilder.CreateIndex(name: \"IX_Orders_Id\", table: \"Orders\", column: \"Id\");\n\n{|#0:migrationBuilder.CreateIndex(name: \"IX_Customers_Name\", table: \"Customers\", column: \"Name\")|};",
                "migrationBuilder.DropIndex(name: \"IX_Orders_Id\", table: \"Orders\");"));
            test.TestState.Sources.Add(Sources.Designer("Third", thirdId, PostgresHistory.Model));
            test.TestState.AdditionalFiles.Add(("ShippedMigrations.md", "## 2024.01\n- " + PostgresHistory.InitialId + "\n"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(thirdId, "IX_Customers_Name", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(test, CreateOrders, "migrationBuilder.DropTable(name: \"Orders\");");
            test.FixedState.Sources.Add(Sources.Migration(
                "Third",
                "migrationBuilder.CreateIndex(name: \"IX_Orders_Id\", table: \"Orders\", column: \"Id\");\n\nmigrationBuilder.CreateIndex(name: \"IX_Customers_Name\", table: \"Customers\", column: \"Name\")\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);",
                "migrationBuilder.DropIndex(name: \"IX_Orders_Id\", table: \"Orders\");"));
            test.FixedState.Sources.Add(Sources.Designer("Third", thirdId, PostgresHistory.Model));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            test.CodeActionEquivalenceKey = CreateIndexConcurrentlyCodeFixProvider.Key;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_SQL_run_outside_the_transaction_beside_another_operation_is_reported_on_any_provider()
        {
            var test = ShopHistory.Create<NonTransactionalMixedAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration(
                    "Second",
                    "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"INTEGER\", nullable: false, defaultValue: 0);\n\n{|#0:migrationBuilder.Sql(\"VACUUM\", suppressTransaction: true)|};",
                    "migrationBuilder.DropColumn(name: \"Tier\", table: \"Customers\");"),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points")));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0).WithArguments(SecondId, "SQL with suppressTransaction: true", 1));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_is_silent_for_a_non_transactional_operation_alone_in_its_migration_and_for_SQL_in_the_transaction()
        {
            await PostgresHistory.Create<NonTransactionalMixedAnalyzer, EmptyCodeFixProvider>(
                CreateNameIndex + "\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);", DropNameIndex).RunAsync(CancellationToken.None);
            await PostgresHistory.Create<NonTransactionalMixedAnalyzer, EmptyCodeFixProvider>(
                UpdateEverything + "\n\nmigrationBuilder.Sql(\"ANALYZE \\\"Customers\\\"\", suppressTransaction: false);", string.Empty).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0202_a_concurrent_index_beside_another_operation_is_reported_at_the_index()
        {
            var test = PostgresHistory.Create<NonTransactionalMixedAnalyzer, EmptyCodeFixProvider>(
                UpdateEverything + "\n\n{|#0:" + CreateNameIndex + "|}\n    .Annotation(\"Npgsql:CreatedConcurrently\", true);", DropNameIndex);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NonTransactionalMixed).WithLocation(0)
                .WithArguments(SecondId, "CREATE INDEX CONCURRENTLY of 'IX_Customers_Name'", 1));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0203_a_volatile_default_is_reported_and_stable_or_quoted_ones_are_not()
        {
            var test = PostgresHistory.Create<VolatileDefaultAnalyzer, EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.AddColumn<long>(
                    name: "Serial",
                    table: "Customers",
                    type: "bigint",
                    nullable: false,
                    defaultValueSql: "nextval('\"customer_serial\"')")|};

                migrationBuilder.AddColumn<System.DateTime>(
                    name: "Created",
                    table: "Customers",
                    type: "timestamp with time zone",
                    nullable: false,
                    defaultValueSql: "now()");

                migrationBuilder.AddColumn<string>(
                    name: "Note",
                    table: "Customers",
                    type: "text",
                    nullable: true,
                    defaultValueSql: "'random()'");

                {|#1:migrationBuilder.AddColumn<System.Guid>(
                    name: "Token",
                    table: "Customers",
                    type: "uuid",
                    nullable: true,
                    defaultValueSql: "public.uuid_generate_v4()")|};
                """,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(0).WithArguments(SecondId, "Serial", "Customers", "the volatile default nextval()"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VolatileDefault).WithLocation(1).WithArguments(SecondId, "Token", "Customers", "the volatile default uuid_generate_v4()"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0204_a_type_change_that_converts_every_row_is_reported_and_one_that_keeps_them_is_not()
        {
            var test = PostgresHistory.Create<TypeChangeRewriteAnalyzer, EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.AlterColumn<string>(
                    name: "Email",
                    table: "Customers",
                    type: "character varying(50)",
                    maxLength: 50,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "text",
                    oldNullable: true)|};

                migrationBuilder.AlterColumn<string>(
                    name: "Name",
                    table: "Customers",
                    type: "text",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "character varying(100)",
                    oldMaxLength: 100);

                migrationBuilder.AlterColumn<long>(
                    name: "Number",
                    table: "Customers",
                    type: "bigint",
                    nullable: false,
                    oldClrType: typeof(int));
                """,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TypeChangeRewrite).WithLocation(0).WithArguments(SecondId, "Email", "Customers", "text", "character varying(50)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("integer", "bigint", true)]
        [InlineData("bigint", "integer", true)]
        [InlineData("int4", "numeric(20,0)", true)]
        [InlineData("real", "double precision", true)]
        [InlineData("character varying(100)", "character varying(50)", true)]
        [InlineData("character varying", "character varying(50)", true)]
        [InlineData("text", "varchar(10)", true)]
        [InlineData("numeric(18,2)", "numeric(18,4)", true)]
        [InlineData("numeric(18,2)", "numeric(12,2)", true)]
        [InlineData("numeric", "numeric(18,2)", true)]
        [InlineData("timestamp(6) with time zone", "timestamp(3) with time zone", true)]
        [InlineData("timestamp with time zone", "timestamptz(3)", true)]
        [InlineData("character varying(50)", "character varying(100)", false)]
        [InlineData("character varying(50)", "character varying", false)]
        [InlineData("character varying(50)", "text", false)]
        [InlineData("text", "character varying", false)]
        [InlineData("numeric(18,2)", "numeric(20,2)", false)]
        [InlineData("numeric(18,2)", "numeric", false)]
        [InlineData("timestamp(3) without time zone", "timestamp without time zone", false)]
        [InlineData("timestamp(3)", "timestamp(6)", false)]
        [InlineData("integer", "int4", false)]
        [InlineData("timestamp without time zone", "timestamp with time zone", null)]
        [InlineData("character(10)", "character(20)", true)]
        [InlineData("character(10)", "text", null)]
        [InlineData("integer", "text", null)]
        [InlineData("uuid", "text", null)]
        [InlineData("integer[]", "bigint[]", null)]
        [InlineData("citext", "text", null)]
        public void PostgreSQL_rewrites_the_table_exactly_for_the_type_changes_that_convert_each_value(string oldType, string newType, bool? rewrites)
        {
            Assert.Equal(rewrites, PostgresRewrites.TypeChangeRewrites(oldType, newType));
        }

        [Theory]
        [InlineData("gen_random_uuid()", "gen_random_uuid()")]
        [InlineData("GEN_RANDOM_UUID ( )", "GEN_RANDOM_UUID()")]
        [InlineData("(clock_timestamp() AT TIME ZONE 'UTC')", "clock_timestamp()")]
        [InlineData("floor(random() * 100)::int", "random()")]
        [InlineData("now()", null)]
        [InlineData("CURRENT_TIMESTAMP", null)]
        [InlineData("statement_timestamp()", null)]
        [InlineData("'gen_random_uuid()'", null)]
        [InlineData("uuid_generate_v5(uuid_ns_url(), 'x')", null)]
        [InlineData("random", null)]
        public void A_default_is_volatile_when_it_calls_a_volatile_function_outside_a_string(string sql, string? function)
        {
            Assert.Equal(function, PostgresRewrites.VolatileCall(sql));
        }

        [Fact]
        public async Task BG0205_a_column_made_NOT_NULL_is_reported_with_EF_s_UPDATE_when_a_default_is_given()
        {
            var test = PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(
                """
                {|#0:migrationBuilder.AlterColumn<string>(
                    name: "Email",
                    table: "Customers",
                    type: "text",
                    nullable: false,
                    defaultValue: "",
                    oldClrType: typeof(string),
                    oldType: "text",
                    oldNullable: true)|};
                """,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotNullScan).WithLocation(0)
                .WithArguments(SecondId, "Email", "Customers", " (after EF's UPDATE of its NULL rows to the default, in the same transaction)"));
            await test.RunAsync(CancellationToken.None);

            test = PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(
                "{|#0:migrationBuilder.AlterColumn<string>(name: \"Email\", table: \"Customers\", type: \"text\", nullable: false, oldClrType: typeof(string), oldType: \"text\", oldNullable: true)|};",
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotNullScan).WithLocation(0).WithArguments(SecondId, "Email", "Customers", string.Empty));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0201_an_annotation_written_with_named_arguments_is_found_and_not_added_twice()
        {
            var test = PostgresHistory.Create<IndexWithoutConcurrentlyAnalyzer, CreateIndexConcurrentlyCodeFixProvider>(
                "{|#0:" + CreateNameIndex + "|}\n    .Annotation(value: false, name: \"Npgsql:CreatedConcurrently\");", DropNameIndex);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.IndexWithoutConcurrently).WithLocation(0).WithArguments(SecondId, "IX_Customers_Name", "Customers", "without CONCURRENTLY", "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"));
            PostgresHistory.Fixed(test, CreateNameIndex + "\n    .Annotation(value: true, name: \"Npgsql:CreatedConcurrently\");", DropNameIndex);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0205_an_unquoted_check_names_another_column_on_PostgreSQL_which_folds_it_to_lower_case()
        {
            // CHECK (Email IS NOT NULL) checks "email", not "Email": PostgreSQL still scans when setting "Email" NOT NULL.
            var test = PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(
                """
                migrationBuilder.Sql("ALTER TABLE \"Customers\" ADD CONSTRAINT \"CK_Customers_Email_NotNull\" CHECK (Email IS NOT NULL) NOT VALID;");

                {|#0:migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true)|};
                """,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotNullScan).WithLocation(0).WithArguments(SecondId, "Email", "Customers", string.Empty));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0205_is_silent_after_the_recipe_s_check_constraint_and_where_EF_writes_no_SET_NOT_NULL()
        {
            // The recipe: a CHECK constraint (here validated in the same migration, as a later one would), then SET NOT NULL.
            await PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(
                """
                migrationBuilder.Sql("ALTER TABLE \"Customers\" ADD CONSTRAINT \"CK_Customers_Email_NotNull\" CHECK (\"Email\" IS NOT NULL) NOT VALID;");

                migrationBuilder.Sql("ALTER TABLE \"Customers\" VALIDATE CONSTRAINT \"CK_Customers_Email_NotNull\";");

                migrationBuilder.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);
                """,
                string.Empty).RunAsync(CancellationToken.None);

            // No oldNullable: Npgsql compares with what the operation says the column was (NOT NULL) and writes nothing.
            await PostgresHistory.Create<NotNullScanAnalyzer, EmptyCodeFixProvider>(
                "migrationBuilder.AlterColumn<string>(name: \"Email\", table: \"Customers\", type: \"text\", nullable: false, oldClrType: typeof(string), oldType: \"text\");",
                string.Empty).RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0206_a_foreign_key_or_check_constraint_on_a_table_that_holds_rows_is_reported_and_one_on_a_new_table_is_not()
        {
            var test = PostgresHistory.Create<ConstraintValidatedUnderLockAnalyzer, EmptyCodeFixProvider>(
                CreateRegions + """


                {|#0:migrationBuilder.AddForeignKey(
                    name: "FK_Customers_Regions_Number",
                    table: "Customers",
                    column: "Number",
                    principalTable: "Regions",
                    principalColumn: "Id")|};

                {|#1:migrationBuilder.AddCheckConstraint(
                    name: "CK_Customers_Number",
                    table: "Customers",
                    sql: "\"Number\" >= 0")|};

                migrationBuilder.AddForeignKey(
                    name: "FK_Regions_Customers_Id",
                    table: "Regions",
                    column: "Id",
                    principalTable: "Customers",
                    principalColumn: "Id");

                migrationBuilder.AddCheckConstraint(name: "CK_Regions_Id", table: "Regions", sql: "\"Id\" > 0");
                """,
                "migrationBuilder.DropTable(name: \"Regions\");");
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(0).WithArguments(
                SecondId, "foreign key", "FK_Customers_Regions_Number", "Customers", " for a match in 'Regions' under a SHARE ROW EXCLUSIVE lock on both tables", "inserts, updates and deletes"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ConstraintValidatedUnderLock).WithLocation(1).WithArguments(
                SecondId, "check constraint", "CK_Customers_Number", "Customers", " under an ACCESS EXCLUSIVE lock", "reads and writes"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0206_is_silent_for_the_recipe_s_NOT_VALID_constraints_and_on_SQLite()
        {
            // The recipe: raw SQL adds the constraints NOT VALID (no scan); a later migration validates them.
            await PostgresHistory.Create<ConstraintValidatedUnderLockAnalyzer, EmptyCodeFixProvider>(
                CreateRegions + """


                migrationBuilder.Sql("ALTER TABLE \"Customers\" ADD CONSTRAINT \"FK_Customers_Regions_Number\" FOREIGN KEY (\"Number\") REFERENCES \"Regions\" (\"Id\") NOT VALID;");

                migrationBuilder.Sql("ALTER TABLE \"Customers\" ADD CONSTRAINT \"CK_Customers_Number\" CHECK (\"Number\" >= 0) NOT VALID;");
                """,
                "migrationBuilder.DropTable(name: \"Regions\");").RunAsync(CancellationToken.None);

            // SQLite rebuilds the table for either (other rules' business), with no lock the running version waits on beyond the migration's.
            await ShopHistory.Create<ConstraintValidatedUnderLockAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration("Second", "migrationBuilder.AddCheckConstraint(name: \"CK_Customers_Points\", table: \"Customers\", sql: \"Points >= 0\");", string.Empty),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }

        private const string AddTier = "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"integer\", nullable: true);";

        [Fact]
        public async Task BG0207_a_whole_table_UPDATE_or_DELETE_beside_a_schema_change_is_reported()
        {
            var test = PostgresHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(
                AddTier + """


                {|#0:migrationBuilder.Sql("UPDATE \"Customers\" SET \"Tier\" = (SELECT count(*) FROM \"Customers\" AS c WHERE c.\"Number\" < \"Customers\".\"Number\");")|};

                {|#1:migrationBuilder.Sql("UPDATE \"Customers\" SET \"Tier\" = 0 WHERE \"Tier\" IS NULL; DELETE FROM public.\"Customers\";")|};
                """,
                string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.WholeTableWrite).WithLocation(0).WithArguments(SecondId, "updates", "Customers"));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.WholeTableWrite).WithLocation(1).WithArguments(SecondId, "deletes", "Customers"));
            await test.RunAsync(CancellationToken.None);

            // DDL in raw SQL on a table that holds rows is a schema change too.
            test = PostgresHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(
                "{|#0:migrationBuilder.Sql(\"ALTER TABLE \\\"Customers\\\" ADD \\\"Tier\\\" integer; UPDATE \\\"Customers\\\" SET \\\"Tier\\\" = 0;\")|};", string.Empty);
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.WholeTableWrite).WithLocation(0).WithArguments(SecondId, "updates", "Customers"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0207_is_silent_for_a_backfill_alone_restricted_outside_the_transaction_on_a_new_table_or_naming_another_table()
        {
            // Alone in its migration: no schema change's lock is held while it runs.
            await PostgresHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(UpdateEverything, string.Empty).RunAsync(CancellationToken.None);

            // A table created in raw SQL beside it is new: no lock on a table the running version uses.
            await PostgresHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(
                "migrationBuilder.Sql(\"CREATE TABLE \\\"Audit\\\" (\\\"Id\\\" integer); UPDATE \\\"Customers\\\" SET \\\"Number\\\" = 0;\");", "migrationBuilder.Sql(\"DROP TABLE \\\"Audit\\\"\");").RunAsync(CancellationToken.None);

            await PostgresHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(
                AddTier + "\n\n" + CreateRegions + """


                migrationBuilder.Sql("UPDATE \"Customers\" SET \"Tier\" = 0 WHERE \"Id\" BETWEEN 1 AND 10000;");

                migrationBuilder.Sql("UPDATE \"Customers\" SET \"Tier\" = 0", suppressTransaction: true);

                migrationBuilder.Sql("DELETE FROM \"Regions\"; UPDATE customers SET tier = 0;");
                """,
                "migrationBuilder.DropTable(name: \"Regions\");").RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BG0207_applies_on_SQL_Server_and_not_on_SQLite()
        {
            var test = new Test<WholeTableWriteAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add(Sources.Context);
            test.TestState.Sources.Add(Sources.Migration("Initial", SqlServerInitialUp, "migrationBuilder.DropTable(name: \"Customers\");"));
            test.TestState.Sources.Add(Sources.Designer("Initial", PostgresHistory.InitialId, SqlServerModel));
            test.TestState.Sources.Add(Sources.Migration(
                "Second",
                "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"int\", nullable: true);\n\n{|#0:migrationBuilder.Sql(\"UPDATE customers SET Tier = Number\")|};",
                string.Empty));
            test.TestState.Sources.Add(Sources.Designer("Second", SecondId, SqlServerModel));
            test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.WholeTableWrite).WithLocation(0).WithArguments(SecondId, "updates", "Customers"));
            await test.RunAsync(CancellationToken.None);

            await ShopHistory.Create<WholeTableWriteAnalyzer, EmptyCodeFixProvider>(
                Sources.Migration("Second", "migrationBuilder.AddColumn<int>(name: \"Tier\", table: \"Customers\", type: \"INTEGER\", nullable: true);\n\nmigrationBuilder.Sql(\"UPDATE Customers SET Tier = Points\");", string.Empty),
                Sources.Designer("Second", SecondId, ShopHistory.Customer("Fax", "Name", "Phone", "Points"))).RunAsync(CancellationToken.None);
        }
    }
}
