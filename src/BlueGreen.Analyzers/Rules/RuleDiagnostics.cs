using BlueGreen.Analyzers.Checking;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>Each finding as the diagnostic its rule reports: descriptor, message arguments and fix data, in one place.</summary>
    internal static class RuleDiagnostics
    {
        public static Diagnostic Create(Finding finding) => finding switch
        {
            ColumnDropped f => Create(Descriptors.DropColumn, f, Data(f).WithKeep(f.Keep) with { Column = f.Column, Provider = f.Provider },
                f.Migration.Id, f.Column, f.Table.ToString(), f.Shipped.Name),
            ColumnRenamed f => Create(Descriptors.RenameColumn, f, Data(f).WithKeep(f.Keep) with { Column = f.Column, NewColumn = f.NewColumn, Shape = f.Shape, Provider = f.Provider },
                f.Migration.Id, f.Column, f.Table.ToString(), f.NewColumn, f.Shape == RenameShape.DropAndAdd ? " (as a DropColumn and an AddColumn of the same type)" : string.Empty, f.Shipped.Name),
            TableDropped f => Create(Descriptors.DropTable, f, Data(f), f.Migration.Id, f.Table.ToString(), f.Shipped.Name),
            TableRenamed f => Create(Descriptors.RenameTable, f, Data(f), f.Migration.Id, f.Table.ToString(), f.NewTable.ToString(), f.Shipped.Name),
            RequiredColumnAdded f => Create(Descriptors.AddRequiredColumn, f, Data(f).WithDefinition(f.Column) with { Column = f.Column.Name, GreenAllowsNull = f.GreenAllowsNull },
                f.Migration.Id, f.Column.Name, f.Table.ToString(),
                f.Column.Nullable == true ? "without a default, and the new version requires a value there (a TPH type's required property)" : "as NOT NULL without a default",
                f.Shipped.Name,
                f.Column.Nullable == true ? "the new version reads NULL from those rows where it requires a value" : "those inserts fail",
                f.Column.Nullable == true ? "give it a default value" : "give it a default value or make it nullable"),
            ColumnTightened f => Create(Descriptors.TightenColumn, f, Data(f) with { Column = f.Column }, f.Migration.Id, f.Column, f.Table.ToString(), f.Change, f.Shipped.Name),
            RequiredColumnLeftBehind f => Create(Descriptors.RequiredColumnLeftBehind, f, Data(f).WithKeep(f.Keep) with { Column = f.Column, Provider = f.Provider },
                f.Migration.Id, f.Column, f.Table.ToString()),
            RawSqlBreak f => Create(Descriptors.RawSqlBreaksRunningVersion, f, Data(f) with { Table = null }, f.Migration.Id, Verb(f.Effect), f.What, f.Shipped.Name),
            ColumnLostInRebuild f => Create(Descriptors.ColumnLostInRebuild, f, Data(f).WithKeep(f.Keep) with { Column = f.Column, Provider = Provider.Sqlite },
                f.Migration.Id, f.Table.ToString(), f.Cause, f.Column, f.Shipped.Name),
            ColumnLoosened f => Create(Descriptors.LoosenColumn, f, Data(f) with { Column = f.Column }, f.Migration.Id, f.Change, f.Column, f.Table.ToString(), f.Shipped.Name),
            ReadyToDrop f => Diagnostic.Create(Descriptors.ReadyToDrop, f.Location, ReadyToDropData(f).ToProperties(),
                f.Column is null ? "Table" : "Column", f.Column is null ? f.Table.ToString() : f.Table + "." + f.Column, f.RemovedBy.Id,
                f.UsedAt is { } use
                    ? ", but code still names it at " + Where(use) + " (BG0011): remove that use, then drop it"
                    : "; no running version uses it, so it can be dropped now"),
            NameStillUsed f => Diagnostic.Create(Descriptors.StillUsed, f.Location, NameData(f.Name), "This " + f.Api,
                f.Name.Column is null ? "table" : "column", f.Name.Display,
                f.Name.Ready is not null
                    ? $"shipped migration '{f.Name.By.Id}' removed from the model and BG0100 lists as ready to drop; remove this use before the drop"
                    : $"migration '{f.Name.By.Id}' {f.Name.How}: this code fails once that migration has run; remove the use, or keep the {(f.Name.Column is null ? "table" : "column")} until it is gone"),
            DroppedWhileUsed f => Diagnostic.Create(Descriptors.StillUsed, f.Location, f.Uses, NameData(f.Name), "Code",
                f.Name.Column is null ? "table" : "column", f.Name.Display,
                $"this migration {f.Name.How}: {Where(f.Uses[0])}{(f.Uses.Count > 1 ? " and " + (f.Uses.Count - 1) + " more" : string.Empty)} will fail once it has run; remove those uses first"),
            // Each provider's own lock and remedy: the rule fires on PostgreSQL and, opted in, on SQL Server only.
            IndexBuiltUnderLock f => Create(Descriptors.IndexWithoutConcurrently, f, LockData(f) with { Provider = f.Provider }, f.Migration.Id, f.Index, f.Table.ToString(),
                f.Provider == Provider.SqlServer ? "without ONLINE = ON" : "without CONCURRENTLY",
                f.Provider == Provider.SqlServer ? "build it online (annotation SqlServer:Online)" : "create it concurrently (annotation Npgsql:CreatedConcurrently), in a migration of its own"),
            NonTransactionalMixed f => Create(Descriptors.NonTransactionalMixed, f, LockData(f), f.Migration.Id,
                f.Index is null ? "SQL with suppressTransaction: true" : $"CREATE INDEX CONCURRENTLY of '{f.Index}'", f.Others),
            DefaultRewrite f => Create(Descriptors.VolatileDefault, f, LockData(f) with { Column = f.Column }, f.Migration.Id, f.Column, f.Table.ToString(),
                f.Volatile ? "the volatile default " + f.Default : $"the default {f.Default} (before PostgreSQL 11, any default)"),
            TypeChangeRewrite f => Create(Descriptors.TypeChangeRewrite, f, LockData(f) with { Column = f.Column }, f.Migration.Id, f.Column, f.Table.ToString(), f.OldType, f.NewType),
            NotNullScan f => Create(Descriptors.NotNullScan, f, LockData(f) with { Column = f.Column }, f.Migration.Id, f.Column, f.Table.ToString(),
                f.UpdatesNulls ? " (after EF's UPDATE of its NULL rows to the default, in the same transaction)" : string.Empty),
            ConstraintValidatedUnderLock f => Create(Descriptors.ConstraintValidatedUnderLock, f, LockData(f), f.Migration.Id,
                f.Principal is null ? "check constraint" : "foreign key", f.Constraint, f.Table.ToString(),
                f.Principal is null ? " under an ACCESS EXCLUSIVE lock" : $" for a match in '{f.Principal}' under a SHARE ROW EXCLUSIVE lock on both tables",
                f.Principal is null ? "reads and writes" : "inserts, updates and deletes"),
            WholeTableWrite f => Create(Descriptors.WholeTableWrite, f, LockData(f), f.Migration.Id, f.Verb == "DELETE" ? "deletes" : "updates", f.Table.ToString()),
            LockTimeoutMissing f => Create(Descriptors.LockTimeoutMissing, f, LockData(f) with { OutsideTransaction = f.OutsideTransaction }, f.Migration.Id, f.Operation, f.Table.ToString()),
            ChangedAfterShipping f => Diagnostic.Create(Descriptors.ChangedAfterShipping, f.Location, new FixData { MigrationId = f.Migration.Id }.ToProperties(), f.Migration.Id, f.ManifestName, f.Line),
            ShipRequested f => Diagnostic.Create(Descriptors.ShipRequested, f.Location, new FixData { MigrationId = f.Migration.Id }.ToProperties(), f.Migration.Id),
            DuplicateMigrationId f => Diagnostic.Create(Descriptors.DuplicateMigrationId, f.Location, f.Migration.Symbol.Name, f.Previous.Symbol.Name),
            ManifestLineNotUnderstood f => Diagnostic.Create(Descriptors.ManifestLine, f.Location, f.LineNumber, f.FileName),
            ManifestUnknownId f => Diagnostic.Create(Descriptors.ManifestUnknownId, f.Location, f.FileName, f.Id),
            ManifestDuplicateId f => Diagnostic.Create(Descriptors.ManifestDuplicateId, f.Location, f.FileName, f.Id, f.FirstLine),
            ManifestOutOfOrder f => Diagnostic.Create(Descriptors.ManifestOutOfOrder, f.Location, f.FileName, f.Id, f.Later),
            _ => throw new System.ArgumentOutOfRangeException(nameof(finding), finding.GetType().Name),
        };

        private static Diagnostic Create(DiagnosticDescriptor descriptor, Finding finding, FixData data, params object[] arguments) =>
            Diagnostic.Create(descriptor, finding.Location, data.ToProperties(), arguments);

        private static FixData LockData(LockFinding finding) => new FixData
        {
            MigrationId = finding.Migration.Id,
            Table = finding switch
            {
                IndexBuiltUnderLock f => f.Table,
                NonTransactionalMixed f => f.Table,
                DefaultRewrite f => f.Table,
                TypeChangeRewrite f => f.Table,
                NotNullScan f => f.Table,
                ConstraintValidatedUnderLock f => f.Table,
                WholeTableWrite f => f.Table,
                LockTimeoutMissing f => f.Table,
                _ => null,
            },
        };

        private static FixData Data(MigrationFinding finding) => new FixData
        {
            MigrationId = finding.Migration.Id,
            Table = finding switch
            {
                ColumnDropped f => f.Table,
                ColumnRenamed f => f.Table,
                TableDropped f => f.Table,
                TableRenamed f => f.Table,
                RequiredColumnAdded f => f.Table,
                ColumnTightened f => f.Table,
                RequiredColumnLeftBehind f => f.Table,
                ColumnLostInRebuild f => f.Table,
                ColumnLoosened f => f.Table,
                _ => null,
            },
        };

        private static System.Collections.Immutable.ImmutableDictionary<string, string?> NameData(Usage.RemovedName name) =>
            new FixData { MigrationId = name.By.Id, Table = name.Table, Column = name.Column }.ToProperties();

        private static FixData ReadyToDropData(ReadyToDrop finding) => new FixData
        {
            MigrationId = finding.RemovedBy.Id,
            Table = finding.Table,
            Column = finding.Column,
            Context = finding.History.Context.ToDisplayString(),
            CopyTo = finding.CopyTo,
            RequireCopy = finding.RequireCopy,
            StillUsed = finding.UsedAt is not null,
            Provider = finding.Provider,
            DropInto = finding.DropInto?.Id,
        }.WithDefinition(finding.Definition);

        /// <summary>A use's place as a developer finds it: file name and line.</summary>
        private static string Where(Location location)
        {
            var span = location.GetLineSpan();
            return System.IO.Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + ")";
        }

        private static string Verb(SqlEffect effect) => effect switch
        {
            SqlDropColumn => "drops column",
            SqlRenameColumn => "renames column",
            SqlDropTable => "drops table",
            _ => "renames table",
        };
    }
}
