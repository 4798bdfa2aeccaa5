using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Usage
{
    /// <summary>
    /// A column (or, with no <paramref name="Column"/>, a table) that the new version's database will not have under this
    /// name: an unshipped migration drops or renames it, or BG0100 lists it as ready to drop.
    /// </summary>
    /// <param name="Property">The entity property that last mapped the column, for <c>EF.Property</c> uses; null when unknown.</param>
    /// <param name="By">The migration that drops or renames it; for BG0100, the shipped one that removed it from the model.</param>
    /// <param name="How">What <paramref name="By"/> does, as messages say it: "drops", "renames".</param>
    /// <param name="At">Where: the drop or rename; for BG0100, its diagnostic's location.</param>
    /// <param name="Ready">The BG0100 finding that lists it, or null for a drop or rename.</param>
    internal sealed record RemovedName(TableKey Table, string? Column, EntityProperty? Property, Provider? Provider, MigrationEntry By, string How, Location At, ReadyToDrop? Ready)
    {
        public string Display => Column is null ? Table.ToString() : Table + "." + Column;
    }

    /// <summary>A property as EF names it: the entity type's CLR name (<c>Shop.Customer</c>, <c>Shop.Outer+Inner</c>) and the property's.</summary>
    internal sealed record EntityProperty(string Entity, string Name);

    /// <summary>Code that names a <see cref="RemovedName"/>: the string (or the expression passing it) and what kind of use.</summary>
    internal sealed record NameUse(Location Location, RemovedName Name, string Api);
}
