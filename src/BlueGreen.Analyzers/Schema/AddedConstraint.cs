using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>EF's <c>ReferentialAction</c>, as <c>AddForeignKey</c> takes it for <c>onUpdate</c> and <c>onDelete</c>.</summary>
    internal enum ReferentialAction
    {
        NoAction,
        Restrict,
        Cascade,
        SetNull,
        SetDefault,
    }

    /// <summary>
    /// The constraint an <c>AddForeignKey</c> or <c>AddCheckConstraint</c> call adds, with every argument EF's migrations SQL
    /// generator writes into its <c>ADD CONSTRAINT</c>: what a fix needs to write the same constraint again.
    /// </summary>
    internal abstract record AddedConstraint(TableKey Table, string Name)
    {
        /// <summary>
        /// The call's constraint; null when an argument is not a constant the reader folds (a column list built at run time,
        /// a variable <c>onDelete</c>), or when annotations are chained to the call (a provider may write them into the SQL).
        /// </summary>
        public static AddedConstraint? Read(ConstraintChange change)
        {
            if (change.Syntax.Parent is MemberAccessExpressionSyntax || Text(change, "name") is not { } name)
            {
                return null;
            }

            switch (change.Method)
            {
                case "AddCheckConstraint":
                    return Text(change, "sql") is { } sql ? new AddedCheck(change.Table, name, sql) : null;

                case "AddForeignKey":
                    // EF's two overloads: one column (named "column", or the third argument as a string) or an array of them.
                    // No principal columns (or null) writes none: the principal's primary key.
                    var columns = Names(OperationReader.Argument(change, "columns") ?? OperationReader.Argument(change, "column"));
                    var principalColumns = OperationReader.Argument(change, "principalColumns") ?? OperationReader.Argument(change, "principalColumn");
                    var principalNames = principalColumns is null || principalColumns.IsKind(SyntaxKind.NullLiteralExpression) ? null : Names(principalColumns);
                    var principalSchema = OperationReader.Argument(change, "principalSchema") is { } schema ? Arguments.Fold(schema) : Folded.Null;
                    return columns is not null
                        && (principalNames is not null || principalColumns is null || principalColumns.IsKind(SyntaxKind.NullLiteralExpression))
                        && Text(change, "principalTable") is { } principalTable
                        && principalSchema.IsKnown
                        && Action(change, "onUpdate") is { } onUpdate
                        && Action(change, "onDelete") is { } onDelete
                            ? new AddedForeignKey(change.Table, name, columns, new TableKey(principalSchema.Value, principalTable), principalNames, onUpdate, onDelete)
                            : null;

                default:
                    return null;
            }
        }

        private static string? Text(ConstraintChange change, string parameter) =>
            OperationReader.Argument(change, parameter) is { } expression && Arguments.Fold(expression) is { IsKnown: true, Value: { } text } ? text : null;

        /// <summary>A column name, or an array of them (<c>new[] { "A", "B" }</c>, <c>new string[] { ... }</c>, <c>["A", "B"]</c>); null if any is unknown.</summary>
        private static IReadOnlyList<string>? Names(ExpressionSyntax? expression)
        {
            IEnumerable<ExpressionSyntax?> elements = expression switch
            {
                null => new ExpressionSyntax?[0],
                ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                CollectionExpressionSyntax collection => collection.Elements.Select(element => (element as ExpressionElementSyntax)?.Expression),
                _ => new[] { expression },
            };
            var names = new List<string>();
            foreach (var element in elements)
            {
                if (element is null || Arguments.Fold(element) is not { IsKnown: true, Value: { } name })
                {
                    return null;
                }

                names.Add(name);
            }

            return names.Count > 0 ? names : null;
        }

        /// <summary>An <c>onUpdate</c>/<c>onDelete</c> argument: absent is EF's default, NoAction; null when not a member of the enum.</summary>
        private static ReferentialAction? Action(ConstraintChange change, string parameter) =>
            OperationReader.Argument(change, parameter) switch
            {
                null => ReferentialAction.NoAction,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member, Expression: var type }
                    when (type is IdentifierNameSyntax { Identifier.ValueText: "ReferentialAction" } || type is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ReferentialAction" })
                    && System.Enum.TryParse<ReferentialAction>(member, out var action) => action,
                _ => null,
            };
    }

    /// <summary>A foreign key; <paramref name="PrincipalColumns"/> null: none written (the principal's primary key).</summary>
    internal sealed record AddedForeignKey(TableKey Table, string Name, IReadOnlyList<string> Columns, TableKey Principal, IReadOnlyList<string>? PrincipalColumns, ReferentialAction OnUpdate, ReferentialAction OnDelete)
        : AddedConstraint(Table, Name);

    /// <summary>A check constraint and its SQL, as EF writes it between the parentheses of CHECK (...).</summary>
    internal sealed record AddedCheck(TableKey Table, string Name, string Sql) : AddedConstraint(Table, Name);
}
