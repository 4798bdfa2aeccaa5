using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>A <c>migrationBuilder.X(...)</c> statement to write, one named argument per line as EF writes them.</summary>
    internal sealed class Call
    {
        private readonly string _receiver;
        private readonly string _method;
        private readonly IReadOnlyList<string> _arguments;

        public Call(string receiver, string method, IReadOnlyList<string> arguments)
        {
            _receiver = receiver;
            _method = method;
            _arguments = arguments;
        }

        public string Format(string indent, string newLine) =>
            _arguments.Count == 1 && _arguments[0].StartsWith("\"", System.StringComparison.Ordinal)
                ? _receiver + "." + _method + "(" + _arguments[0] + ");"
                : _receiver + "." + _method + "(" + newLine + string.Join("," + newLine, _arguments.Select(argument => indent + "    " + argument)) + ");";

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>
        /// <c>AlterColumn&lt;T&gt;</c> between nullable and NOT NULL, keeping the type; EF's argument order.
        /// Making a column NOT NULL again carries the default EF scaffolds for it, so existing nulls get a value.
        /// </summary>
        public static Call AlterNullability(string receiver, string clrType, string column, string? schema, string table, string? storeType, bool nullable, string? defaultValue)
        {
            var arguments = new List<string> { "name: " + Literal(column) };
            if (schema is not null)
            {
                arguments.Add("schema: " + Literal(schema));
            }

            arguments.Add("table: " + Literal(table));
            if (storeType is not null)
            {
                arguments.Add("type: " + Literal(storeType));
            }

            arguments.Add("nullable: " + (nullable ? "true" : "false"));
            if (!nullable && defaultValue is not null)
            {
                arguments.Add("defaultValue: " + defaultValue);
            }

            arguments.Add("oldClrType: typeof(" + clrType + ")");
            if (storeType is not null)
            {
                arguments.Add("oldType: " + Literal(storeType));
            }

            if (!nullable)
            {
                arguments.Add("oldNullable: true");
            }

            return new Call(receiver, "AlterColumn<" + clrType + ">", arguments);
        }

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
    }
}
