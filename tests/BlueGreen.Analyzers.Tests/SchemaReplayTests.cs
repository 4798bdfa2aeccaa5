using System;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>The replay of Up operations into the database schema, on hand-written operations.</summary>
    public class SchemaReplayTests
    {
        private static MigrationOperations Read(string statements)
        {
            var tree = CSharpSyntaxTree.ParseText("class M { void Up(MigrationBuilder migrationBuilder) {\n" + statements + "\n} }");
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            return OperationReader.Read(method, CancellationToken.None);
        }

        private static DatabaseSchema Replay(string statements)
        {
            var schema = new DatabaseSchema();
            foreach (var operation in Read(statements).Operations)
            {
                schema.Apply(operation);
            }

            return schema;
        }

        [Fact]
        public void CreateTable_keeps_type_nullability_default_and_name_overrides()
        {
            var schema = Replay("""
                migrationBuilder.EnsureSchema(name: "sales");
                migrationBuilder.CreateTable(
                    name: "Orders",
                    schema: "sales",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "int", nullable: false)
                            .Annotation("SqlServer:Identity", "1, 1"),
                        Total = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                        CustomerName = table.Column<string>(name: "customer_name", type: "nvarchar(100)", maxLength: 100, nullable: true),
                        Status = table.Column<int>(type: "int", nullable: false, defaultValue: 1),
                        Created = table.Column<System.DateTime>(type: "datetime2", nullable: false, defaultValueSql: "GETUTCDATE()")
                    },
                    constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                """);

            var orders = new TableKey("sales", "Orders");
            Assert.Equal(new[] { "Created", "Id", "Status", "Total", "customer_name" }, schema.Columns(orders).Select(c => c.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal((false, true), (schema.Column(orders, "Id")!.Nullable, schema.Column(orders, "Id")!.HasDefault));
            Assert.Equal((false, false, "decimal", "decimal(18,2)"), (schema.Column(orders, "Total")!.Nullable, schema.Column(orders, "Total")!.HasDefault, schema.Column(orders, "Total")!.ClrType, schema.Column(orders, "Total")!.StoreType));
            Assert.Equal(true, schema.Column(orders, "customer_name")!.Nullable);
            Assert.True(schema.Column(orders, "Status")!.HasDefault);
            Assert.True(schema.Column(orders, "Created")!.HasDefault);
            Assert.False(schema.HasTable(new TableKey(null, "Orders")));
        }

        [Fact]
        public void Column_and_table_operations_are_replayed_in_order()
        {
            var schema = Replay("""
                migrationBuilder.CreateTable(name: "A", columns: table => new { Id = table.Column<int>(nullable: false), Old = table.Column<string>(nullable: false) });
                migrationBuilder.AddColumn<string>(name: "Added", table: "A", type: "TEXT", nullable: false, defaultValue: "");
                migrationBuilder.RenameColumn(name: "Old", table: "A", newName: "New");
                migrationBuilder.AlterColumn<string>(name: "New", table: "A", type: "TEXT", nullable: true, oldClrType: typeof(string), oldType: "TEXT");
                migrationBuilder.DropColumn(name: "Id", table: "A");
                migrationBuilder.RenameTable(name: "A", newName: "B");
                migrationBuilder.RenameTable(name: "B", newSchema: "archive");
                migrationBuilder.CreateTable(name: "Gone", columns: table => new { Id = table.Column<int>(nullable: false) });
                _ = migrationBuilder.DropTable(name: "Gone");
                """);

            var moved = new TableKey("archive", "B");
            Assert.Equal(new[] { moved }, schema.Tables.ToArray());
            Assert.Equal(new[] { "Added", "New" }, schema.Columns(moved).Select(c => c.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal(true, schema.Column(moved, "New")!.Nullable);
            Assert.Equal("TEXT", schema.Column(moved, "New")!.StoreType);

            // EF 3.1 migrations write no type: the column is still known, its store type is not.
            Assert.Null(Replay("migrationBuilder.AddColumn<int>(name: \"X\", table: \"T\", nullable: false, defaultValue: 0);").Column(new TableKey(null, "T"), "X")!.StoreType);
        }

        [Fact]
        public void Positional_arguments_and_constant_concatenations_are_read()
        {
            var operations = Read("""
                migrationBuilder.DropColumn("Fax", "Cust" + "omers", "dbo");
                migrationBuilder.RenameColumn("A", "T", "B");
                migrationBuilder.DropColumn(name: nameof(Customer.Phone), table: "Customers");
                """).Operations;

            var drop = Assert.IsType<DropColumn>(operations[0]);
            Assert.Equal(("dbo.Customers", "Fax"), (drop.Table.ToString(), drop.Column));
            var rename = Assert.IsType<RenameColumn>(operations[1]);
            Assert.Equal(("T", "A", "B"), (rename.Table.Name, rename.Column, rename.NewName));
            Assert.Equal("Phone", Assert.IsType<DropColumn>(operations[2]).Column);
        }

        [Fact]
        public void Statements_the_reader_cannot_follow_make_the_method_incomplete_without_inventing_operations()
        {
            var read = Read("""
                var table = GetTable();
                migrationBuilder.DropColumn(name: "Fax", table: table);
                migrationBuilder.CreateIndex(name: "IX", table: "T", column: "C");
                """);

            // The DropColumn whose table is not a constant is not invented; the CreateIndex after it is read as it is.
            Assert.Equal("IX", Assert.IsType<CreateIndex>(Assert.Single(read.Operations)).Name);
            Assert.False(read.IsComplete);

            var complete = Read("migrationBuilder.CreateIndex(name: \"IX\", table: \"T\", column: \"C\");");
            Assert.True(complete.IsComplete);
        }

        [Fact]
        public void The_tables_at_a_mark_are_those_before_the_creations_drops_and_renames_after_it()
        {
            var schema = Replay("""
                migrationBuilder.CreateTable(name: "Kept", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.CreateTable(name: "Dropped", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.CreateTable(name: "Renamed", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.CreateTable(name: "ByRawSql", columns: table => new { Id = table.Column<int>(nullable: false) });
                """);
            schema.MarkTables();
            foreach (var operation in Read("""
                migrationBuilder.AddColumn<string>(name: "Note", table: "Kept", nullable: true);
                migrationBuilder.CreateTable(name: "Created", columns: table => new { Id = table.Column<int>(nullable: false) });
                migrationBuilder.DropTable(name: "Dropped");
                migrationBuilder.RenameTable(name: "Renamed", newName: "NewName");
                migrationBuilder.Sql("DROP TABLE \"ByRawSql\";");
                migrationBuilder.AddColumn<string>(name: "Note", table: "SeenFirstHere", nullable: true);
                """).Operations)
            {
                schema.Apply(operation);
            }

            Assert.Equal(new[] { "Created", "Kept", "NewName", "SeenFirstHere" }, schema.Tables.Select(table => table.Name).OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(new[] { "Kept", "Dropped", "Renamed", "ByRawSql" }, name => Assert.True(schema.HadTableAtMark(new TableKey(null, name)), name));
            Assert.All(new[] { "Created", "NewName", "SeenFirstHere" }, name => Assert.False(schema.HadTableAtMark(new TableKey(null, name)), name));

            // A new mark forgets the old one.
            schema.MarkTables();
            Assert.True(schema.HadTableAtMark(new TableKey(null, "Created")));
            Assert.False(schema.HadTableAtMark(new TableKey(null, "Dropped")));
        }
    }
}
