using System.Collections.Generic;
using BlueGreen.Analyzers.Usage;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// BG0011: each use of a removed name is reported where it is, and again at the drop or rename that removes it (with
    /// every use as an additional location); a BG0100 finding whose column or table is still used says where, and offers
    /// no drop.
    /// </summary>
    internal static class StillUsed
    {
        public static void Report(IReadOnlyList<NameUse> uses, List<Finding> findings)
        {
            var seen = new HashSet<(Location, RemovedName)>();
            var byName = new Dictionary<RemovedName, List<Location>>(ReferenceEqualityComparer.Instance);
            var order = new List<RemovedName>();
            foreach (var use in uses)
            {
                if (!seen.Add((use.Location, use.Name)))
                {
                    continue;
                }

                findings.Add(new NameStillUsed(use.Location, use.Name, use.Api));
                if (!byName.TryGetValue(use.Name, out var locations))
                {
                    locations = new List<Location>();
                    byName.Add(use.Name, locations);
                    order.Add(use.Name);
                }

                locations.Add(use.Location);
            }

            foreach (var name in order)
            {
                var locations = byName[name];
                if (name.Ready is { } ready)
                {
                    var at = findings.IndexOf(ready);
                    if (at >= 0)
                    {
                        findings[at] = ready with { UsedAt = locations[0] };
                    }
                }
                else
                {
                    findings.Add(new DroppedWhileUsed(name.At, name, locations));
                }
            }
        }

        /// <summary>Names are records: two drops of one column in two migrations are two names, each reported at its drop.</summary>
        private sealed class ReferenceEqualityComparer : IEqualityComparer<RemovedName>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(RemovedName? x, RemovedName? y) => ReferenceEquals(x, y);

            public int GetHashCode(RemovedName obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
