using System.Collections.Generic;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// Problems with the analyzer's own inputs (BG09xx) and with shipped history (BG0010): reported where the
    /// user can fix them, never thrown; what is wrong in one line or migration does not stop the rest.
    /// </summary>
    internal static class HistoryProblems
    {
        /// <summary>BG0905: two migrations of one DbContext with one id.</summary>
        public static IEnumerable<Finding> DuplicateIds(MigrationHistory history)
        {
            for (var index = 1; index < history.Migrations.Count; index++)
            {
                var previous = history.Migrations[index - 1];
                var migration = history.Migrations[index];
                if (migration.Id == previous.Id && Location(migration) is { } location)
                {
                    yield return new DuplicateMigrationId(location, migration, previous);
                }
            }
        }

        /// <summary>
        /// BG0101 at the migration a deployment pipeline says has shipped (<c>-p:BlueGreenShippedMigration=&lt;id&gt;</c>, or
        /// <c>latest</c> for the newest of each DbContext), for the marking fix to write into the manifest.
        /// </summary>
        public static IEnumerable<Finding> ShipRequests(MigrationHistory history, string? requested)
        {
            if (requested is null)
            {
                yield break;
            }

            for (var index = 0; index < history.Migrations.Count; index++)
            {
                var migration = history.Migrations[index];
                var wanted = string.Equals(requested, LatestMigration, System.StringComparison.OrdinalIgnoreCase) ? index == history.Migrations.Count - 1 : migration.Id == requested;
                if (wanted && Location(migration) is { } location)
                {
                    yield return new ShipRequested(location, migration);
                }
            }
        }

        /// <summary>The value of BlueGreenShippedMigration that names the newest migration of each DbContext.</summary>
        public const string LatestMigration = "latest";

        /// <summary>BG0901 to BG0904 at the manifest's lines, and BG0010 at migrations changed since they were marked shipped.</summary>
        public static IEnumerable<Finding> InManifest(Manifest manifest, IReadOnlyList<MigrationHistory> histories)
        {
            var name = System.IO.Path.GetFileName(manifest.Path);
            foreach (var span in manifest.Malformed)
            {
                yield return new ManifestLineNotUnderstood(manifest, span);
            }

            var firstLine = new Dictionary<string, int>(System.StringComparer.Ordinal);
            var newestByContext = new Dictionary<MigrationHistory, (int Index, string Id)>();
            foreach (var entry in manifest.Entries)
            {
                if (firstLine.TryGetValue(entry.Id, out var first))
                {
                    yield return new ManifestDuplicateId(manifest, entry.Span, entry.Id, first + 1);
                    continue;
                }

                firstLine.Add(entry.Id, entry.Line);
                var found = false;
                foreach (var history in histories)
                {
                    for (var index = 0; index < history.Migrations.Count; index++)
                    {
                        var migration = history.Migrations[index];
                        if (migration.Id != entry.Id)
                        {
                            continue;
                        }

                        found = true;
                        if (newestByContext.TryGetValue(history, out var newest) && newest.Index > index)
                        {
                            yield return new ManifestOutOfOrder(manifest, entry.Span, entry.Id, newest.Id);
                        }
                        else
                        {
                            newestByContext[history] = (index, entry.Id);
                        }

                        if (entry.Fingerprint is { } recorded && recorded != Fingerprint.Of(migration) && Location(migration) is { } location)
                        {
                            yield return new ChangedAfterShipping(location, migration, name, entry.Line + 1);
                        }
                    }
                }

                if (!found)
                {
                    yield return new ManifestUnknownId(manifest, entry.Span, entry.Id);
                }
            }
        }

        /// <summary>Where a diagnostic about a whole migration goes: its Up method's name, else its class name.</summary>
        public static Location? Location(MigrationEntry migration)
        {
            if (migration.Up is { } up)
            {
                return up.Identifier.GetLocation();
            }

            foreach (var reference in migration.Symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ClassDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            return null;
        }
    }
}
