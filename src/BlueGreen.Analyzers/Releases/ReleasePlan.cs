using System.Collections.Generic;
using BlueGreen.Analyzers.History;

namespace BlueGreen.Analyzers.Releases
{
    /// <summary>
    /// Which migrations of a history have shipped, and so which model the running version (blue) has
    /// when a migration runs.
    /// <list type="bullet">
    /// <item>Default mode (no manifest, or a manifest that lists none of this context's migrations): every
    /// migration is its own release; everything before a migration has shipped; nothing is exempt.</item>
    /// <item>With a manifest: the newest listed migration and every earlier one have shipped and are not
    /// judged; the migrations after it are the upcoming release, all judged against its model.</item>
    /// </list>
    /// </summary>
    internal sealed class ReleasePlan
    {
        private readonly int _lastShipped;

        private ReleasePlan(int lastShipped, bool fromManifest)
        {
            _lastShipped = lastShipped;
            FromManifest = fromManifest;
        }

        /// <summary>Whether a manifest says what shipped (BG0100 needs it: only then is a removal known to be deployed).</summary>
        public bool FromManifest { get; }

        /// <summary>The index of the newest shipped migration; -1 when none has.</summary>
        public int LastShipped => _lastShipped;

        public static ReleasePlan Default { get; } = new ReleasePlan(-1, fromManifest: false);

        /// <summary>The releases of a history, given the ids every manifest of the project lists.</summary>
        public static ReleasePlan For(MigrationHistory history, ISet<string> shippedIds)
        {
            var lastShipped = -1;
            for (var index = 0; index < history.Migrations.Count; index++)
            {
                if (shippedIds.Contains(history.Migrations[index].Id))
                {
                    lastShipped = index;
                }
            }

            return lastShipped < 0 ? Default : new ReleasePlan(lastShipped, fromManifest: true);
        }

        /// <summary>Shipped migrations are history: no rule reports on them.</summary>
        public bool IsShipped(int index) => index <= _lastShipped;

        /// <summary>
        /// The index of the migration whose target model is S, the last shipped model, for the migration
        /// at <paramref name="index"/>; -1 for the empty model (nothing shipped before it).
        /// </summary>
        public int ShippedModelIndex(int index) => FromManifest ? (index > _lastShipped ? _lastShipped : index - 1) : index - 1;
    }
}
