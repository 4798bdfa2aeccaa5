using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The text edits of one fix (or of a Fix All) across the documents it touches (a migration, its designer, the
    /// snapshot, an entity class), collected first and applied once per document.
    /// </summary>
    internal sealed class SolutionEdits
    {
        private readonly Dictionary<DocumentId, MigrationEdits> _edits = new Dictionary<DocumentId, MigrationEdits>();

        public SolutionEdits(Solution solution)
        {
            Solution = solution;
        }

        /// <summary>The solution the edits are made to (its documents' text is the one the syntax nodes come from).</summary>
        public Solution Solution { get; }

        /// <summary>The edits of the document holding <paramref name="node"/>; null when the node is not in the solution.</summary>
        public async Task<MigrationEdits?> ForAsync(SyntaxNode node, CancellationToken cancellationToken)
        {
            if (Solution.GetDocument(node.SyntaxTree) is not { } document)
            {
                return null;
            }

            if (!_edits.TryGetValue(document.Id, out var edits))
            {
                edits = new MigrationEdits(await document.GetTextAsync(cancellationToken).ConfigureAwait(false));
                _edits.Add(document.Id, edits);
            }

            return edits;
        }

        public Solution Apply()
        {
            var solution = Solution;
            foreach (var pair in _edits)
            {
                solution = solution.WithDocumentText(pair.Key, pair.Value.Apply());
            }

            return solution;
        }
    }
}
