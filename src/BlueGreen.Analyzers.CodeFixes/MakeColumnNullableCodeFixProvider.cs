using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0007 "Make the column nullable in this migration": the column the model stopped mapping accepts
    /// the new version's inserts; Down makes it NOT NULL again (with the CLR default for existing nulls).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeColumnNullableCodeFixProvider))]
    [Shared]
    public sealed class MakeColumnNullableCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Make the column nullable in this migration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.RequiredColumnLeftBehind.Id);

        // An AlterColumn needs the column's CLR type, which the replay knows when it saw the column created.
        private protected override IEnumerable<string> Titles(Diagnostic diagnostic) =>
            Property(diagnostic, FixProperties.ClrType) is null ? System.Array.Empty<string>() : new[] { Title };

        private protected override void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (node is not MethodDeclarationSyntax { Body: { } up } method
                || Table(diagnostic) is not { } table
                || Property(diagnostic, FixProperties.Column) is not { } column
                || Property(diagnostic, FixProperties.ClrType) is not { } clrType)
            {
                return;
            }

            var receiver = method.ParameterList.Parameters[0].Identifier.ValueText;
            var storeType = Property(diagnostic, FixProperties.StoreType);
            edits.Insert(up, atEnd: true, Call.AlterNullability(receiver, clrType, column, table.Schema, table.Name, storeType, nullable: true, defaultValue: null));

            // Down undoes Up in reverse order: the inverse comes first.
            if (Down(method, cancellationToken).Body is { } down)
            {
                var downReceiver = (down.Parent as MethodDeclarationSyntax)?.ParameterList.Parameters[0].Identifier.ValueText ?? receiver;
                edits.Insert(down, atEnd: false, Call.AlterNullability(downReceiver, clrType, column, table.Schema, table.Name, storeType, nullable: false, Call.ClrDefault(clrType)));
            }
        }
    }
}
