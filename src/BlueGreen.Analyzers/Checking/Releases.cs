using BlueGreen.Analyzers.History;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// Which migrations of a history have shipped, and so which model the running version (blue) has
    /// when a migration runs. Default mode, with no manifest: every migration is its own release, so
    /// everything before a migration has shipped and nothing is exempt from judgment.
    /// </summary>
    internal sealed class Releases
    {
        private Releases()
        {
        }

        public static Releases Default(MigrationHistory history) => new Releases();

        /// <summary>Shipped migrations are history: no rule reports on them.</summary>
        public bool IsShipped(int index) => false;

        /// <summary>
        /// The index of the migration whose target model is S, the last shipped model, for the migration
        /// at <paramref name="index"/>; -1 for the empty model (nothing shipped before it).
        /// </summary>
        public int ShippedModelIndex(int index) => index - 1;
    }
}
