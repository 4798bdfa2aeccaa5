using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0005: lets the running version's inserts, which leave the new column out, succeed: either a
    /// database default of the CLR type's default (what EF itself scaffolds for a required column added
    /// to an existing table), or a nullable column.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiredColumnCodeFixProvider))]
    [Shared]
    public sealed class AddRequiredColumnCodeFixProvider : MigrationCodeFixProvider
    {
        public const string AddDefaultTitle = "Add a default value";
        public const string MakeNullableTitle = "Make the column nullable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.AddRequiredColumn.Id);

        private protected override IEnumerable<string> Titles(Diagnostic diagnostic) =>
            Call.ClrDefault(Property(diagnostic, FixProperties.ClrType)) is null ? new[] { MakeNullableTitle } : new[] { AddDefaultTitle, MakeNullableTitle };

        private protected override void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (node is not InvocationExpressionSyntax add)
            {
                return;
            }

            var arguments = add.ArgumentList.Arguments;
            var nullable = arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "nullable");
            if (title == MakeNullableTitle)
            {
                if (nullable is not null)
                {
                    edits.Replace(nullable.Expression, "true");
                }
                else if (arguments.Count > 0)
                {
                    edits.AddArgumentAfter(arguments[arguments.Count - 1], "nullable: true");
                }
            }
            else if (Call.ClrDefault(Property(diagnostic, FixProperties.ClrType)) is { } defaultValue && arguments.Count > 0)
            {
                // EF writes defaultValue right after nullable.
                edits.AddArgumentAfter(nullable ?? arguments[arguments.Count - 1], "defaultValue: " + defaultValue);
            }
        }
    }
}
