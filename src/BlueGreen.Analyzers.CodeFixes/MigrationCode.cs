using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// A <c>migrationBuilder.X(...)</c> statement to write, one named argument per line as EF writes them; or a statement
    /// copied as written from a migration (what a split moves).
    /// </summary>
    internal sealed class MigrationCall
    {
        private readonly string _receiver;
        private readonly string _method;
        private readonly IReadOnlyList<string> _arguments;
        private readonly string? _copied;

        public MigrationCall(string receiver, string method, IReadOnlyList<string> arguments)
        {
            _receiver = receiver;
            _method = method;
            _arguments = arguments;
        }

        private MigrationCall(string copied)
            : this(string.Empty, string.Empty, new string[0])
        {
            _copied = copied;
        }

        /// <summary>A statement as written elsewhere: no indentation of its own, later lines indented relative to the first, <c>\n</c> between lines.</summary>
        public static MigrationCall Copied(string text) => new MigrationCall(text);

        /// <summary>The statement, its first line not indented and its later lines under <paramref name="indent"/>.</summary>
        public string Format(string indent, string newLine) =>
            _copied is not null ? _copied.Replace("\n", newLine + indent)
            : _arguments.Count == 1 && (_arguments[0].StartsWith("\"", System.StringComparison.Ordinal) || _arguments[0].StartsWith("@\"", System.StringComparison.Ordinal))
                ? _receiver + "." + _method + "(" + _arguments[0].Replace("\n", newLine) + ");"
                : _receiver + "." + _method + "(" + newLine + string.Join("," + newLine, _arguments.Select(argument => indent + "    " + argument)) + ");";
    }

    /// <summary>
    /// The one writer of migration code for every fix: the MigrationBuilder calls a fix adds, in EF's argument order and
    /// layout, with the C# literals EF writes.
    /// </summary>
    internal static class MigrationCode
    {
        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>A verbatim literal, for SQL of several lines (as people write it in migrations).</summary>
        public static string VerbatimLiteral(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        public static MigrationCall AddColumn(string receiver, string clrType, string column, TableKey table, string? storeType, bool nullable, string? defaultArgument)
        {
            var arguments = Names(column, table);
            if (storeType is not null)
            {
                arguments.Add("type: " + Literal(storeType));
            }

            arguments.Add("nullable: " + Bool(nullable));
            if (defaultArgument is not null)
            {
                arguments.Add(defaultArgument);
            }

            return new MigrationCall(receiver, "AddColumn<" + clrType + ">", arguments);
        }

        public static MigrationCall DropColumn(string receiver, string column, TableKey table) => new MigrationCall(receiver, "DropColumn", Names(column, table));

        public static MigrationCall DropTable(string receiver, TableKey table) => new MigrationCall(receiver, "DropTable", TableNames(table));

        /// <summary>
        /// A table's re-creation from the columns the migrations defined (type, nullability, default); the keys, indexes
        /// and constraints a replay of columns does not know are left out. Null when a column's CLR type is unknown.
        /// </summary>
        public static MigrationCall? CreateTable(string receiver, TableKey table, IEnumerable<ColumnDefinition> columns, string indent, string newLine)
        {
            var members = new List<string>();
            var used = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var column in columns)
            {
                if (column.ClrType is null)
                {
                    return null;
                }

                var member = Identifier(column.Name);
                for (var suffix = 2; !used.Add(member); suffix++)
                {
                    member = Identifier(column.Name) + suffix;
                }

                var arguments = new List<string>();
                if (column.StoreType is not null)
                {
                    arguments.Add("type: " + Literal(column.StoreType));
                }

                if (member != column.Name)
                {
                    arguments.Add("name: " + Literal(column.Name));
                }

                arguments.Add("nullable: " + Bool(column.Nullable != false));
                if (column.DefaultArgument is not null)
                {
                    arguments.Add(column.DefaultArgument);
                }

                members.Add(member + " = table.Column<" + column.ClrType + ">(" + string.Join(", ", arguments) + ")");
            }

            var inner = indent + "        ";
            var arguments2 = TableNames(table);
            arguments2.Insert(table.Schema is null ? 1 : 2, "columns: table => new" + newLine + indent + "    {" + newLine
                + string.Join("," + newLine, members.Select(member => inner + member)) + newLine + indent + "    }");
            return new MigrationCall(receiver, "CreateTable", arguments2);
        }

        /// <summary>A C# identifier made of a database name's words (letters and digits), each capitalized.</summary>
        public static string Identifier(string name)
        {
            var identifier = new System.Text.StringBuilder();
            var upper = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    identifier.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            return identifier.Length == 0 || char.IsDigit(identifier[0]) ? "_" + identifier : identifier.ToString();
        }

        /// <summary>
        /// <c>AlterColumn&lt;T&gt;</c> keeping the type, from one nullability and default to another; EF's argument order
        /// (the new state, then the old one, which EF writes only where it differs from its defaults).
        /// </summary>
        public static MigrationCall AlterColumn(string receiver, string clrType, string column, TableKey table, string? storeType, bool nullable, string? defaultValue, bool oldNullable, string? oldDefaultValue)
        {
            var arguments = Names(column, table);
            if (storeType is not null)
            {
                arguments.Add("type: " + Literal(storeType));
            }

            arguments.Add("nullable: " + Bool(nullable));
            if (defaultValue is not null)
            {
                arguments.Add("defaultValue: " + defaultValue);
            }

            arguments.Add("oldClrType: typeof(" + clrType + ")");
            if (storeType is not null)
            {
                arguments.Add("oldType: " + Literal(storeType));
            }

            if (oldNullable)
            {
                arguments.Add("oldNullable: true");
            }

            if (oldDefaultValue is not null)
            {
                arguments.Add("oldDefaultValue: " + oldDefaultValue);
            }

            return new MigrationCall(receiver, "AlterColumn<" + clrType + ">", arguments);
        }

        public static MigrationCall Sql(string receiver, string sql) =>
            new MigrationCall(receiver, "Sql", new[] { sql.Contains("\n") ? VerbatimLiteral(sql) : Literal(sql) });

        /// <summary>An annotation chained to an operation, as EF writes it: <c>.Annotation("Npgsql:CreatedConcurrently", true)</c>.</summary>
        public static string Annotation(string name, bool value) => ".Annotation(" + Literal(name) + ", " + Bool(value) + ")";

        /// <summary>The C# text of the CLR default EF scaffolds as <c>defaultValue:</c> for a type; null when unknown.</summary>

        public static string? ClrDefault(string? clrType) => clrType switch
        {
            "string" => "\"\"",
            "bool" => "false",
            "int" or "long" or "short" or "byte" or "sbyte" or "uint" or "ulong" or "ushort" => "0",
            "decimal" => "0m",
            "double" => "0.0",
            "float" => "0f",
            // Qualified, as the migration file may lack "using System;".
            "DateTime" or "System.DateTime" => "new System.DateTime(1, 1, 1, 0, 0, 0, 0, System.DateTimeKind.Unspecified)",
            "DateTimeOffset" or "System.DateTimeOffset" => "new System.DateTimeOffset(new System.DateTime(1, 1, 1, 0, 0, 0, 0, System.DateTimeKind.Unspecified), new System.TimeSpan(0, 0, 0, 0, 0))",
            "TimeSpan" or "System.TimeSpan" => "new System.TimeSpan(0, 0, 0, 0, 0)",
            "Guid" or "System.Guid" => "new System.Guid(\"00000000-0000-0000-0000-000000000000\")",
            "DateOnly" or "System.DateOnly" => "new System.DateOnly(1, 1, 1)",
            "TimeOnly" or "System.TimeOnly" => "new System.TimeOnly(0, 0, 0)",
            "byte[]" => "new byte[0]",
            _ => null,
        };

        private static List<string> TableNames(TableKey table)
        {
            var arguments = new List<string> { "name: " + Literal(table.Name) };
            if (table.Schema is not null)
            {
                arguments.Add("schema: " + Literal(table.Schema));
            }

            return arguments;
        }

        private static List<string> Names(string column, TableKey table)
        {
            var arguments = new List<string> { "name: " + Literal(column) };
            if (table.Schema is not null)
            {
                arguments.Add("schema: " + Literal(table.Schema));
            }

            arguments.Add("table: " + Literal(table.Name));
            return arguments;
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
