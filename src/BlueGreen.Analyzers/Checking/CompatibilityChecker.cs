using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The one checker behind the rules. It replays a history's <c>Up</c> operations once, in order, and
    /// judges each operation of an unshipped migration against the invariant: after it, the database still
    /// serves blue (S, the last shipped model) and green (the migration's target model). Each way to break
    /// the invariant is one rule, reported at the breaking operation (see <see cref="Judgment"/>).
    /// </summary>
    internal static class CompatibilityChecker
    {
        public static List<Finding> Check(MigrationHistory history, ReleasePlan releases, CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            var schema = new DatabaseSchema();
            var models = new Models(history, cancellationToken);
            for (var index = 0; index < history.Migrations.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operations = history.Migrations[index].UpOperations(cancellationToken).Operations;
                var judgment = releases.IsShipped(index) ? null : new Judgment(models, index, releases.ShippedModelIndex(index), schema, findings);
                foreach (var operation in operations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    judgment?.Check(operation, operations);
                    schema.Apply(operation);
                }

                judgment?.CheckModelOnlyRemovals();
            }

            if (releases.FromManifest)
            {
                ContractPhase.ReadyToDrop(models, releases, schema, findings);
            }

            return findings;
        }
    }
}
