using System.Collections.Generic;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>One <c>MigrationBuilder</c> call read into an operation: its arguments, named or by position.</summary>
    internal static partial class OperationReader
    {
        // Parameter order of MigrationBuilder's methods, for arguments written by position.
        private static readonly string[] NameTableSchema = { "name", "table", "schema" };
        private static readonly string[] ColumnParameters =
            { "name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql" };
        private static readonly string[] SqlParameters = { "sql", "suppressTransaction" };
        private static readonly string[] RenameColumnParameters = { "name", "table", "newName", "schema" };
        private static readonly string[] DropTableParameters = { "name", "schema" };
        private static readonly string[] RenameTableParameters = { "name", "schema", "newName", "newSchema" };
        private static readonly string[] CreateTableParameters = { "name", "columns", "schema", "constraints", "comment" };
        private static readonly string[] CreateIndexParameters = { "name", "table", "column", "schema", "unique", "filter", "descending" };
        private static readonly string[] AnnotationParameters = { "name", "value" };
        private static readonly Dictionary<string, string[]> ConstraintParameters = new Dictionary<string, string[]>
        {
            ["AddPrimaryKey"] = new[] { "name", "table", "columns", "schema" },
            ["AddUniqueConstraint"] = new[] { "name", "table", "columns", "schema" },
            ["AddForeignKey"] = new[] { "name", "table", "columns", "principalTable", "schema", "principalSchema", "principalColumns", "onUpdate", "onDelete" },
            ["AddCheckConstraint"] = new[] { "name", "table", "sql", "schema" },
            ["DropPrimaryKey"] = new[] { "name", "table", "schema" },
            ["DropUniqueConstraint"] = new[] { "name", "table", "schema" },
            ["DropForeignKey"] = new[] { "name", "table", "schema" },
            ["DropCheckConstraint"] = new[] { "name", "table", "schema" },
            ["AlterTable"] = new[] { "table", "schema" },
        };

        private static readonly string[] TableColumnParameters =
            { "type", "unicode", "maxLength", "rowVersion", "name", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql" };

        // Invocations that touch no table or column definition the rules judge.
        private static readonly HashSet<string> Harmless = new HashSet<string>
        {
            "CreateIndex", "DropIndex", "RenameIndex",
            "InsertData", "UpdateData", "DeleteData", "EnsureSchema", "DropSchema",
            "CreateSequence", "AlterSequence", "DropSequence", "RenameSequence", "RestartSequence",
            "AlterDatabase",
        };

        /// <summary>An argument of an operation's call, by parameter name, named or positional.</summary>
        public static ExpressionSyntax? Argument(SchemaOperation operation, string parameter)
        {
            var parameters = operation switch
            {
                DropColumn => NameTableSchema,
                AddColumn or AlterColumn => ColumnParameters,
                RenameColumn => RenameColumnParameters,
                DropTable => DropTableParameters,
                RenameTable => RenameTableParameters,
                ConstraintChange change => ConstraintParameters[change.Method],
                RawSql => SqlParameters,
                CreateIndex => CreateIndexParameters,
                _ => CreateTableParameters,
            };

            return new Arguments(operation.Syntax.ArgumentList, parameters).Get(parameter);
        }

        private static SchemaOperation? ReadOperation(string method, InvocationExpressionSyntax call, List<InvocationExpressionSyntax> chain, ConstantBinder? binder)
        {
            switch (method)
            {
                case "DropColumn":
                {
                    var arguments = new Arguments(call.ArgumentList, NameTableSchema, binder);
                    return Table(arguments, "table", "schema") is { } table && Known(arguments.String("name")) is { } column
                        ? new DropColumn(table, column, call)
                        : null;
                }

                case "AddColumn":
                case "AlterColumn":
                {
                    var arguments = new Arguments(call.ArgumentList, ColumnParameters, binder);
                    if (Table(arguments, "table", "schema") is not { } table || Known(arguments.String("name")) is not { } column)
                    {
                        return null;
                    }

                    var definition = Definition(column, call, arguments, chain);
                    return method == "AddColumn"
                        ? new AddColumn(table, definition, call)
                        : new AlterColumn(table, definition, OldDefinition(column, arguments), call);
                }

                case "RenameColumn":
                {
                    var arguments = new Arguments(call.ArgumentList, RenameColumnParameters, binder);
                    return Table(arguments, "table", "schema") is { } table
                        && Known(arguments.String("name")) is { } column
                        && Known(arguments.String("newName")) is { } newName
                        ? new RenameColumn(table, column, newName, call)
                        : null;
                }

                case "DropTable":
                {
                    var arguments = new Arguments(call.ArgumentList, DropTableParameters, binder);
                    return Table(arguments, "name", "schema") is { } table ? new DropTable(table, call) : null;
                }

                case "RenameTable":
                {
                    var arguments = new Arguments(call.ArgumentList, RenameTableParameters, binder);
                    var newName = arguments.String("newName");
                    var newSchema = arguments.String("newSchema");
                    if (Table(arguments, "name", "schema") is not { } table || !newName.IsKnown || !newSchema.IsKnown)
                    {
                        return null;
                    }

                    // EF writes newName only when the name changes, and newSchema as the schema the table ends in.
                    var newTable = new TableKey(newSchema.Value, newName.Value ?? table.Name);
                    return new RenameTable(table, newTable, call);
                }

                case "CreateTable":
                {
                    var arguments = new Arguments(call.ArgumentList, CreateTableParameters, binder);
                    return Table(arguments, "name", "schema") is { } table
                        ? new CreateTable(table, Columns(arguments.Get("columns"), binder), call)
                        : null;
                }

                case "Sql":
                {
                    var arguments = new Arguments(call.ArgumentList, SqlParameters, binder);
                    if (Known(arguments.String("sql")) is not { } text)
                    {
                        return null;
                    }

                    var tokens = SqlTokenizer.Tokenize(text);
                    return new RawSql(SqlReader.Read(tokens), text, tokens, call) { SuppressTransaction = arguments.Bool("suppressTransaction", absent: false) };
                }

                case "CreateIndex":
                {
                    var arguments = new Arguments(call.ArgumentList, CreateIndexParameters, binder);
                    return Table(arguments, "table", "schema") is { } table && Known(arguments.String("name")) is { } index
                        ? new CreateIndex(table, index, BoolAnnotation(chain, "Npgsql:CreatedConcurrently"), call) { Online = BoolAnnotation(chain, "SqlServer:Online") }
                        : null;
                }

                default:
                    if (ConstraintParameters.TryGetValue(method, out var parameters))
                    {
                        var arguments = new Arguments(call.ArgumentList, parameters, binder);
                        return Table(arguments, "table", "schema") is { } table ? new ConstraintChange(table, method, call) : null;
                    }

                    return null;
            }
        }

        private static TableKey? Table(Arguments arguments, string nameParameter, string schemaParameter)
        {
            var name = arguments.String(nameParameter);
            var schema = arguments.String(schemaParameter);
            return name.IsKnown && name.Value is not null && schema.IsKnown ? new TableKey(schema.Value, name.Value) : null;
        }

        private static string? Known(Folded folded) => folded.IsKnown ? folded.Value : null;

        /// <summary>The columns of <c>columns: table =&gt; new { Id = table.Column&lt;int&gt;(...), ... }</c>.</summary>
        private static IReadOnlyList<ColumnDefinition> Columns(ExpressionSyntax? lambda, ConstantBinder? binder)
        {
            var body = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.ExpressionBody,
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ExpressionBody,
                _ => null,
            };

            var columns = new List<ColumnDefinition>();
            if (body is not AnonymousObjectCreationExpressionSyntax anonymous)
            {
                return columns;
            }

            foreach (var initializer in anonymous.Initializers)
            {
                var chain = Invocations.Chain(initializer.Expression);
                if (chain.Count == 0 || Invocations.MethodName(chain[0]) != "Column")
                {
                    continue;
                }

                var arguments = new Arguments(chain[0].ArgumentList, TableColumnParameters, binder);
                var name = arguments.Get("name") is null ? new Folded(initializer.NameEquals?.Name.Identifier.ValueText) : arguments.String("name");
                if (Known(name) is { } column)
                {
                    columns.Add(Definition(column, chain[0], arguments, chain));
                }
            }

            return columns;
        }

        /// <param name="chain">The call with the <c>.Annotation(...)</c> calls chained to it.</param>
        private static ColumnDefinition Definition(string name, InvocationExpressionSyntax call, Arguments arguments, List<InvocationExpressionSyntax> chain)
        {
            var type = arguments.String("type");
            var hasDefault = arguments.Has("defaultValue") || arguments.Has("defaultValueSql") || arguments.Has("computedColumnSql")
                || arguments.Bool("rowVersion", absent: false) == true
                || IsGenerated(chain);
            string? defaultArgument = null;
            foreach (var parameter in new[] { "defaultValue", "defaultValueSql", "computedColumnSql" })
            {
                if (arguments.Has(parameter))
                {
                    defaultArgument = parameter + ": " + arguments.Get(parameter);
                }
            }

            return new ColumnDefinition(name, Invocations.TypeArgument(call), type.IsKnown ? type.Value : null, arguments.Bool("nullable", absent: false), hasDefault, Int(arguments.Get("maxLength")), defaultArgument);
        }

        /// <summary>The column an AlterColumn starts from, from its <c>old...</c> arguments (absent ones: EF's defaults).</summary>
        private static ColumnDefinition OldDefinition(string name, Arguments arguments)
        {
            var type = arguments.String("oldType");
            var clrType = arguments.Get("oldClrType") is TypeOfExpressionSyntax typeOf ? typeOf.Type.ToString() : null;
            var hasDefault = arguments.Has("oldDefaultValue") || arguments.Has("oldDefaultValueSql") || arguments.Has("oldComputedColumnSql");
            return new ColumnDefinition(name, clrType, type.IsKnown ? type.Value : null, arguments.Bool("oldNullable", absent: false), hasDefault, Int(arguments.Get("oldMaxLength")));
        }

        private static int? Int(ExpressionSyntax? expression) =>
            expression is LiteralExpressionSyntax { Token.Value: int value } ? value : null;

        /// <summary>
        /// The value of a bool annotation chained to a call (<c>.Annotation("Npgsql:CreatedConcurrently", true)</c>): false when
        /// absent, null when it, or an annotation whose name is not a literal, cannot be read.
        /// </summary>
        private static bool? BoolAnnotation(List<InvocationExpressionSyntax> chain, string name)
        {
            bool? value = false;
            foreach (var invocation in chain)
            {
                if (Invocations.MethodName(invocation) != "Annotation")
                {
                    continue;
                }

                var arguments = new Arguments(invocation.ArgumentList, AnnotationParameters);
                var annotation = arguments.Get("name") is { } expression ? Arguments.Fold(expression) : Folded.Unknown;
                if (!annotation.IsKnown)
                {
                    return null;
                }

                if (annotation.Value == name)
                {
                    value = arguments.Bool("value", absent: false);
                }
            }

            return value;
        }

        /// <summary>
        /// The value argument of the annotation named <paramref name="name"/> chained to a call, named or positional (the
        /// fixes edit it where it is); null when there is none.
        /// </summary>
        public static ExpressionSyntax? AnnotationValue(IEnumerable<InvocationExpressionSyntax> chain, string name)
        {
            foreach (var invocation in chain)
            {
                if (Invocations.MethodName(invocation) == "Annotation"
                    && new Arguments(invocation.ArgumentList, AnnotationParameters) is var arguments
                    && arguments.Get("name") is { } annotation
                    && Arguments.Fold(annotation).Value == name)
                {
                    return arguments.Get("value");
                }
            }

            return null;
        }

        /// <summary>Identity and autoincrement columns get their values from the database.</summary>
        private static bool IsGenerated(List<InvocationExpressionSyntax> chain)
        {
            foreach (var invocation in chain)
            {
                if (Invocations.MethodName(invocation) == "Annotation"
                    && invocation.ArgumentList.Arguments.Count > 0
                    && Arguments.Fold(invocation.ArgumentList.Arguments[0].Expression).Value is { } annotation
                    && (annotation.EndsWith(":Identity", System.StringComparison.Ordinal)
                        || annotation.EndsWith(":Autoincrement", System.StringComparison.Ordinal)
                        || annotation.EndsWith(":ValueGenerationStrategy", System.StringComparison.Ordinal)
                        || annotation.EndsWith(":IdentitySequenceOptions", System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
