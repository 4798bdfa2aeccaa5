using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The shape every fix that edits only the migration file shares: one code action per fix a diagnostic
    /// allows, all edits of a document collected in one <see cref="MigrationEdits"/>, and a Fix All
    /// (document, project, solution) that applies a document's fixes of one kind together.
    /// </summary>
    public abstract class MigrationCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
                await ApplyAsync(document, diagnostics, context.CodeActionEquivalenceKey ?? string.Empty, context.CancellationToken).ConfigureAwait(false));

        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                foreach (var title in Titles(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(DisplayTitle(title, diagnostic), cancellationToken => ApplyAsync(context.Document, new[] { diagnostic }, title, cancellationToken), equivalenceKey: title),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>The title shown for one diagnostic's fix; the title itself stays its equivalence key for Fix All.</summary>
        private protected virtual string DisplayTitle(string title, Diagnostic diagnostic) => title;

        /// <summary>The titles of the fixes offered for a diagnostic (none when the fix cannot be written correctly).</summary>
        private protected abstract IEnumerable<string> Titles(Diagnostic diagnostic);

        /// <summary>
        /// Adds the edits of the fix titled <paramref name="title"/> for one diagnostic at <paramref name="node"/>:
        /// the operation's invocation, or the method a diagnostic about a whole migration is reported on.
        /// </summary>
        private protected abstract void Fix(MigrationEdits edits, string title, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken);

        private async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, string title, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var edits = new MigrationEdits(await document.GetTextAsync(cancellationToken).ConfigureAwait(false));
            foreach (var diagnostic in diagnostics)
            {
                if (Titles(diagnostic).Contains(title))
                {
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    Fix(edits, title, node as MethodDeclarationSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>() ?? node, diagnostic, cancellationToken);
                }
            }

            return document.WithText(edits.Apply());
        }

        private protected static string? Property(Diagnostic diagnostic, string key) =>
            diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

        private protected static TableKey? Table(Diagnostic diagnostic) =>
            Property(diagnostic, FixProperties.Table) is { } table ? new TableKey(Property(diagnostic, FixProperties.Schema), table) : null;

        /// <summary>The <c>Down</c> of the migration class a node is in, with its operations.</summary>
        private protected static (BlockSyntax? Body, IReadOnlyList<SchemaOperation> Operations) Down(SyntaxNode node, CancellationToken cancellationToken)
        {
            var down = node.FirstAncestorOrSelf<ClassDeclarationSyntax>()?.Members.OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(method => method.Identifier.ValueText == "Down" && method.ParameterList.Parameters.Count == 1);
            return (down?.Body, OperationReader.Read(down, cancellationToken).Operations);
        }

        /// <summary>The receiver EF's statements use: <c>migrationBuilder</c>, or whatever the method names its parameter.</summary>
        private protected static string Receiver(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax member ? member.Expression.ToString() : "migrationBuilder";

        private protected static ExpressionStatementSyntax? Statement(SyntaxNode? node) => node?.FirstAncestorOrSelf<ExpressionStatementSyntax>();
    }
}
