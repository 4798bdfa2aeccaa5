using System;
using System.Collections.Immutable;
using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>
    /// What a code fix needs from the diagnostic it fixes, so it never re-derives the history: written by the analyzer
    /// (<see cref="ToProperties"/>) and read by the fixes (<see cref="Of"/>), here and nowhere else.
    /// </summary>
    internal sealed record FixData
    {
        /// <summary>The migration the finding is in (the baselining fix marks it shipped).</summary>
        public string? MigrationId { get; init; }

        /// <summary>The migration whose designer still maps a column to keep: where a fix finds its declaration.</summary>
        public string? DeclaringMigrationId { get; init; }

        public TableKey? Table { get; init; }

        public string? Column { get; init; }

        /// <summary>BG0002: the new name of the column.</summary>
        public string? NewColumn { get; init; }

        /// <summary>BG0002: a RenameColumn or a drop and an add.</summary>
        public RenameShape? Shape { get; init; }

        /// <summary>The column as the migrations define it, to write the calls a fix adds.</summary>
        public string? ClrType { get; init; }

        public string? StoreType { get; init; }

        public bool? Nullable { get; init; }

        /// <summary>The default as the migration wrote it (<c>defaultValue: 0</c>), to re-create the column.</summary>
        public string? DefaultArgument { get; init; }

        /// <summary>The kept column needs a database default (see <see cref="ColumnKeep"/>).</summary>
        public bool NeedsDefault { get; init; }

        /// <summary>SQLite: the migration's designer must keep the column through the table rebuild (see <see cref="ColumnKeep"/>).</summary>
        public bool KeepInDesigner { get; init; }

        /// <summary>BG0005: green maps the new column as nullable.</summary>
        public bool GreenAllowsNull { get; init; }

        public Provider? Provider { get; init; }

        /// <summary>BG0100: the DbContext's full name, for the new migration's [DbContext].</summary>
        public string? Context { get; init; }

        /// <summary>BG0100: the column an expand step copied this one into.</summary>
        public string? CopyTo { get; init; }

        /// <summary>BG0100: the contract step makes <see cref="CopyTo"/> NOT NULL, as the model maps it.</summary>
        public bool RequireCopy { get; init; }

        /// <summary>BG0100: code still names the column or table (BG0011), so no drop is offered.</summary>
        public bool StillUsed { get; init; }
        /// <summary>BG0100: the unshipped newest migration the drop may be written into.</summary>
        public string? DropInto { get; init; }

        /// <summary>BG0208: the migration runs an operation outside its transaction, where a SET LOCAL would already have ended.</summary>
        public bool OutsideTransaction { get; init; }

        public static FixData Of(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            string? Get(string key) => properties.TryGetValue(key, out var value) ? value : null;
            bool? Bool(string key) => Get(key) is { } value ? value == "true" : null;
            TEnum? Enum<TEnum>(string key) where TEnum : struct => System.Enum.TryParse<TEnum>(Get(key), out var value) ? value : null;
            return new FixData
            {
                MigrationId = Get(nameof(MigrationId)),
                DeclaringMigrationId = Get(nameof(DeclaringMigrationId)),
                Table = Get(nameof(Table)) is { } table ? new TableKey(Get("Schema"), table) : null,
                Column = Get(nameof(Column)),
                NewColumn = Get(nameof(NewColumn)),
                Shape = Enum<RenameShape>(nameof(Shape)),
                ClrType = Get(nameof(ClrType)),
                StoreType = Get(nameof(StoreType)),
                Nullable = Bool(nameof(Nullable)),
                DefaultArgument = Get(nameof(DefaultArgument)),
                NeedsDefault = Bool(nameof(NeedsDefault)) == true,
                KeepInDesigner = Bool(nameof(KeepInDesigner)) == true,
                GreenAllowsNull = Bool(nameof(GreenAllowsNull)) == true,
                Provider = Enum<Provider>(nameof(Provider)),
                Context = Get(nameof(Context)),
                CopyTo = Get(nameof(CopyTo)),
                RequireCopy = Bool(nameof(RequireCopy)) == true,
                StillUsed = Bool(nameof(StillUsed)) == true,
                DropInto = Get(nameof(DropInto)),
                OutsideTransaction = Bool(nameof(OutsideTransaction)) == true,
            };
        }

        public ImmutableDictionary<string, string?> ToProperties()
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            void Set(string key, string? value)
            {
                if (value is not null)
                {
                    properties[key] = value;
                }
            }

            static string Text(bool value) => value ? "true" : "false";
            Set(nameof(MigrationId), MigrationId);
            Set(nameof(DeclaringMigrationId), DeclaringMigrationId);
            Set(nameof(Table), Table?.Name);
            Set("Schema", Table?.Schema);
            Set(nameof(Column), Column);
            Set(nameof(NewColumn), NewColumn);
            Set(nameof(Shape), Shape?.ToString());
            Set(nameof(ClrType), ClrType);
            Set(nameof(StoreType), StoreType);
            Set(nameof(Nullable), Nullable is { } nullable ? Text(nullable) : null);
            Set(nameof(DefaultArgument), DefaultArgument);
            Set(nameof(NeedsDefault), NeedsDefault ? Text(true) : null);
            Set(nameof(KeepInDesigner), KeepInDesigner ? Text(true) : null);
            Set(nameof(GreenAllowsNull), GreenAllowsNull ? Text(true) : null);
            Set(nameof(Provider), Provider?.ToString());
            Set(nameof(Context), Context);
            Set(nameof(CopyTo), CopyTo);
            Set(nameof(RequireCopy), RequireCopy ? Text(true) : null);
            Set(nameof(StillUsed), StillUsed ? Text(true) : null);
            Set(nameof(DropInto), DropInto);
            Set(nameof(OutsideTransaction), OutsideTransaction ? Text(true) : null);
            return properties.ToImmutable();
        }

        /// <summary>The data of a column: its definition as the replay knows it.</summary>
        public FixData WithDefinition(ColumnDefinition? definition) => definition is null
            ? this
            : this with { ClrType = definition.ClrType, StoreType = definition.StoreType, Nullable = definition.Nullable, DefaultArgument = definition.DefaultArgument };

        public FixData WithKeep(ColumnKeep keep) =>
            WithDefinition(keep.Definition) with { NeedsDefault = keep.NeedsDefault, KeepInDesigner = keep.KeepInDesigner, DeclaringMigrationId = keep.DeclaredIn?.Id };
    }
}
