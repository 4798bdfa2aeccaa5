using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The text edits of one fix (or of a Fix All) across the documents it touches (a migration, its designer, the
    /// snapshot, an entity class), collected first and applied once per document; and the migrations to add, written once
    /// every fix of a Fix All has queued its part, after the edits (which are made to the solution the syntax came from).
    /// </summary>
    internal sealed class SolutionEdits
    {
        private readonly Dictionary<DocumentId, MigrationEdits> _edits = new Dictionary<DocumentId, MigrationEdits>();
        private readonly Dictionary<string, FollowingMigrations?> _following = new Dictionary<string, FollowingMigrations?>(System.StringComparer.Ordinal);
        private readonly List<(NewMigration Writer, string Id, string Migration, string? Designer)> _added = new List<(NewMigration, string, string, string?)>();

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

        /// <summary>
        /// The migrations to add right after <paramref name="migration"/> (one set per migration, shared by every fix of the
        /// pass); null when none can follow it (see <see cref="FollowingMigrations"/>).
        /// </summary>
        /// <param name="mayPass">The later migrations the new ones may go after when none fits right after this one (see <see cref="FollowingMigrations.For"/>).</param>
        public FollowingMigrations? After(Compilation compilation, MigrationHistory history, MigrationEntry migration, System.Func<MigrationEntry, bool>? mayPass = null)
        {
            var key = history.Context.ToDisplayString() + "|" + migration.Id;
            if (!_following.TryGetValue(key, out var following))
            {
                following = FollowingMigrations.For(compilation, history, migration, mayPass);
                _following.Add(key, following);
            }

            return following;
        }

        /// <summary>A migration (and its designer, unless null) to add, written by <paramref name="writer"/>.</summary>
        public void Add(NewMigration writer, string id, string migration, string? designer) => _added.Add((writer, id, migration, designer));

        public Solution Apply()
        {
            var solution = Solution;
            foreach (var pair in _edits)
            {
                solution = solution.WithDocumentText(pair.Key, pair.Value.Apply());
            }

            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var following in _following.Values)
            {
                solution = following?.AddTo(Solution, solution, taken) ?? solution;
            }

            foreach (var (writer, id, migration, designer) in _added)
            {
                solution = writer.AddTo(solution, id, migration, designer);
            }

            return solution;
        }
    }
}
