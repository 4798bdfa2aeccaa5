using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// A migration class as the fixes edit it: its <c>Up</c> and <c>Down</c> (found here and only here, in any partial of
    /// the file) and the operations each holds.
    /// </summary>
    internal sealed class MigrationSyntax
    {
        private MigrationSyntax(MethodDeclarationSyntax? up, MethodDeclarationSyntax? down)
        {
            Up = up;
            Down = down;
        }

        public MethodDeclarationSyntax? Up { get; }

        public MethodDeclarationSyntax? Down { get; }

        /// <summary>The migration a diagnostic is in and the Up operation of type <typeparamref name="T"/> it is reported at.</summary>
        public static async System.Threading.Tasks.Task<(MigrationSyntax Migration, T Operation)?> OperationAtAsync<T>(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
            where T : SchemaOperation
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node || Around(node) is not { } migration)
            {
                return null;
            }

            foreach (var operation in migration.UpOperations(cancellationToken))
            {
                if (operation is T found && found.Syntax.Span.Contains(diagnostic.Location.SourceSpan) && Statement(found) is not null)
                {
                    return (migration, found);
                }
            }

            return null;
        }

        /// <summary>The migration a diagnostic about the whole migration (reported on Up's name) is about.</summary>
        public static async System.Threading.Tasks.Task<MigrationSyntax?> AtAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is { } node ? Around(node) : null;
        }

        /// <summary>The migration class around a node (an operation, or the Up a diagnostic is reported on).</summary>
        public static MigrationSyntax? Around(SyntaxNode node) =>
            node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration
                ? new MigrationSyntax(Method(declaration, "Up"), Method(declaration, "Down"))
                : null;

        public IReadOnlyList<SchemaOperation> UpOperations(CancellationToken cancellationToken) => OperationReader.Read(Up, cancellationToken).Operations;

        public IReadOnlyList<SchemaOperation> DownOperations(CancellationToken cancellationToken) => OperationReader.Read(Down, cancellationToken).Operations;

        /// <summary>The receiver EF's statements use: the method's parameter (<c>migrationBuilder</c>).</summary>
        public static string Receiver(MethodDeclarationSyntax? method) =>
            method?.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "migrationBuilder";

        /// <summary>The statement an operation is, when it is one (not part of an expression body).</summary>
        public static ExpressionStatementSyntax? Statement(SchemaOperation? operation) =>
            operation?.Syntax.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { Parent: BlockSyntax { Parent: MethodDeclarationSyntax } } statement ? statement : null;

        private static MethodDeclarationSyntax? Method(ClassDeclarationSyntax declaration, string name) =>
            declaration.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == name && method.ParameterList.Parameters.Count == 1);
    }
}
