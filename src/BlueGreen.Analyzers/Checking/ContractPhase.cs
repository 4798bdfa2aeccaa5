using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// BG0100, the contract step: columns and tables that a shipped migration removed from the model (seen
    /// mapped before it and not after it, and the snapshot agrees) and that the replayed database still has.
    /// Only with a manifest: without one, nothing says the removal has been deployed, and dropping too early
    /// is exactly the mistake this analyzer exists to prevent.
    /// </summary>
    internal static class ContractPhase
    {
        public static void ReadyToDrop(Models models, ReleasePlan releases, DatabaseSchema schema, List<Finding> findings)
        {
            if (models.Current is not { } current || ContextLocation(models) is not { } location)
            {
                return;
            }

            var reported = new HashSet<(TableKey, string?)>();
            for (var index = 0; index <= releases.LastShipped; index++)
            {
                models.CancellationToken.ThrowIfCancellationRequested();
                if (models.After(index - 1) is not { } before || models.After(index) is not { } after)
                {
                    continue;
                }

                foreach (var table in before.Tables)
                {
                    if (after.MapsTable(table) == Mapping.NotMapped && current.MapsTable(table) == Mapping.NotMapped)
                    {
                        if (schema.HasTable(table) && reported.Add((table, null)))
                        {
                            findings.Add(Finding(location, "Table", table.ToString(), index, models, Properties(table, null, null, index, models)));
                        }

                        continue;
                    }

                    foreach (var column in before.Columns(table))
                    {
                        if (after.Maps(table, column) == Mapping.NotMapped
                            && current.Maps(table, column) == Mapping.NotMapped
                            && schema.Column(table, column) is { } definition
                            && reported.Add((table, column)))
                        {
                            findings.Add(Finding(location, "Column", table + "." + column, index, models, Properties(table, column, definition, index, models)));
                        }
                    }
                }
            }
        }

        private static Finding Finding(Location location, string kind, string what, int index, Models models, ImmutableDictionary<string, string?> properties) =>
            new Finding(Descriptors.ReadyToDrop.Id, location, new object[] { kind, what, models.History.Migrations[index].Id }, properties);

        private static ImmutableDictionary<string, string?> Properties(TableKey table, string? column, ColumnDefinition? definition, int index, Models models)
        {
            var migration = models.History.Migrations[index];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.Table, table.Name)
                .Add(FixProperties.Schema, table.Schema)
                .Add(FixProperties.Column, column)
                .Add(FixProperties.Context, models.History.Context.ToDisplayString())
                .Add(FixProperties.MigrationId, migration.Id);
            if (definition is null)
            {
                return properties;
            }

            // Rows the old version wrote after an expand step copied this column into a new one are copied again.
            string? copyTo = null;
            foreach (var operation in migration.UpOperations(models.CancellationToken).Operations)
            {
                foreach (var effect in operation.SqlEffects)
                {
                    if (effect.Kind == SqlEffectKind.Copy && effect.Names(table) && string.Equals(effect.Column, column, StringComparison.OrdinalIgnoreCase))
                    {
                        copyTo = effect.NewName;
                    }
                }
            }

            return properties
                .Add(FixProperties.ClrType, definition.ClrType)
                .Add(FixProperties.StoreType, definition.StoreType)
                .Add(FixProperties.Nullable, definition.Nullable == false ? "False" : "True")
                .Add(FixProperties.DefaultArgument, definition.DefaultArgument)
                .Add(FixProperties.CopyTo, copyTo)
                .Add(FixProperties.Provider, copyTo is null ? null : Providers.Of(migration, definition.StoreType));
        }

        /// <summary>Where a developer looks for the context: its class declaration; else the model snapshot's.</summary>
        private static Location? ContextLocation(Models models)
        {
            foreach (var reference in models.History.Context.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(models.CancellationToken) is ClassDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            return (models.History.SnapshotModelMethod?.Parent as ClassDeclarationSyntax)?.Identifier.GetLocation();
        }
    }
}
