using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0003 "Keep the table until the next release": the migration only removes the entity from the
    /// model; the DropTable leaves Up and the CreateTable that re-creates it leaves Down.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepTableCodeFixProvider))]
    [Shared]
    public sealed class KeepTableCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Keep the table until the next release";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DropTable.Id);

        private protected override IEnumerable<string> Titles(Diagnostic diagnostic) => new[] { Title };

        private protected override void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (node is not InvocationExpressionSyntax drop || Statement(drop) is not { } statement || Table(diagnostic) is not { } table)
            {
                return;
            }

            edits.Remove(statement);
            var create = Down(drop, cancellationToken).Operations
                .FirstOrDefault(operation => operation.Kind == SchemaOperationKind.CreateTable && operation.Table.Equals(table));
            if (Statement(create?.Syntax) is { } inverse)
            {
                edits.Remove(inverse);
            }
        }
    }
}
