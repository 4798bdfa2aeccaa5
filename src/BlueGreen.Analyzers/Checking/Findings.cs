using System.Collections.Generic;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>What the checker found, where. Each kind of break is one type; <c>Rules/</c> turns them into diagnostics.</summary>
    internal abstract record Finding(Location Location);

    /// <summary>A break in an unshipped migration; <paramref name="Shipped"/> is S, the model the running version (blue) maps.</summary>
    internal abstract record MigrationFinding(MigrationEntry Migration, ShippedModel Shipped, Location Location) : Finding(Location);

    /// <summary>The model blue runs: the target model of the newest shipped migration, or the empty model.</summary>
    internal sealed record ShippedModel(MigrationEntry? Migration)
    {
        public string Name => Migration?.Id ?? "(no migration)";
    }

    /// <summary>
    /// What keeping a column for blue takes, once green (the migration's target model) no longer maps it: the column must
    /// take green's inserts and give blue no NULL it cannot read (a database default where it is NOT NULL without one, or
    /// where blue requires a value); on SQLite, a migration that rebuilds the table must keep the column in its designer.
    /// </summary>
    /// <param name="Definition">The column as the migrations so far define it (null when the replay never saw it created).</param>
    /// <param name="NeedsDefault">Green leaves it out of its inserts and it is NOT NULL without a default, or blue requires a value.</param>
    /// <param name="KeepInDesigner">SQLite: the migration (once fixed) rebuilds the table from its target model, which would drop the column.</param>
    /// <param name="DeclaredIn">The migration whose designer maps the column still: where a fix finds its declaration to keep.</param>
    internal sealed record ColumnKeep(ColumnDefinition? Definition, bool NeedsDefault, bool KeepInDesigner, MigrationEntry? DeclaredIn);

    /// <summary>BG0001: a DropColumn of a column S maps.</summary>
    internal sealed record ColumnDropped(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, ColumnKeep Keep, Provider? Provider)
        : MigrationFinding(Migration, Shipped, Location);

    internal enum RenameShape
    {
        /// <summary>A RenameColumn.</summary>
        Rename,

        /// <summary>A DropColumn with an AddColumn of the same type on the same table: a rename, presumably.</summary>
        DropAndAdd,
    }

    /// <summary>BG0002: a column S maps renamed, or dropped while one of its type is added.</summary>
    internal sealed record ColumnRenamed(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, string NewColumn, RenameShape Shape, ColumnKeep Keep, Provider? Provider)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0003: a DropTable of a table S maps.</summary>
    internal sealed record TableDropped(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0004: a RenameTable of a table S maps.</summary>
    internal sealed record TableRenamed(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, TableKey NewTable)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0005: a NOT NULL column without default added to a table S writes.</summary>
    /// <param name="GreenAllowsNull">Green maps the column as nullable: making it nullable is a correct fix only then.</param>
    internal sealed record RequiredColumnAdded(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, ColumnDefinition Column, bool GreenAllowsNull)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0006: an AlterColumn that rejects values S still writes.</summary>
    internal sealed record ColumnTightened(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, string Change)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0007: green stops mapping a column left NOT NULL without a default: green's inserts fail.</summary>
    internal sealed record RequiredColumnLeftBehind(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, ColumnKeep Keep, Provider? Provider)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0008: raw SQL dropping or renaming what S maps.</summary>
    internal sealed record RawSqlBreak(MigrationEntry Migration, ShippedModel Shipped, Location Location, SqlEffect Effect, string What)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>BG0009: SQLite rebuilds the table from the migration's target model and drops a column S maps, though no DropColumn was written.</summary>
    internal sealed record ColumnLostInRebuild(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, string Cause, ColumnKeep Keep)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>
    /// BG0012: a column the running version maps as required may now receive NULL from the new version (made nullable,
    /// its default removed, or no longer written while nullable): the running version throws reading it.
    /// </summary>
    /// <param name="Change">What the migration does to it, for the message (<c>makes nullable</c>, <c>stops writing</c>).</param>
    internal sealed record ColumnLoosened(MigrationEntry Migration, ShippedModel Shipped, Location Location, TableKey Table, string Column, string Change)
        : MigrationFinding(Migration, Shipped, Location);

    /// <summary>
    /// A lock or rewrite an unshipped migration makes the database take on a table that holds the running version's rows
    /// (BG02xx): the running version waits on it while the migration runs.
    /// </summary>
    internal abstract record LockFinding(MigrationEntry Migration, Location Location) : Finding(Location);

    /// <summary>BG0201: an index built on an existing table under a lock that stops its writes for the whole build.</summary>
    /// <param name="Provider">Npgsql (built without CONCURRENTLY) or SqlServer (without ONLINE = ON, on an edition that has it).</param>
    internal sealed record IndexBuiltUnderLock(MigrationEntry Migration, Location Location, TableKey Table, string Index, Provider Provider)
        : LockFinding(Migration, Location);

    /// <summary>BG0202: an operation EF runs outside the migration's transaction, with <paramref name="Others"/> other operations in the migration.</summary>
    /// <param name="Index">The index created concurrently; null for raw SQL with <c>suppressTransaction: true</c>.</param>
    internal sealed record NonTransactionalMixed(MigrationEntry Migration, Location Location, TableKey? Table, string? Index, int Others)
        : LockFinding(Migration, Location);

    /// <summary>
    /// BG0203: a column added with a default PostgreSQL writes into every row, rewriting the table: a volatile one (a value
    /// per row), or, before PostgreSQL 11, any default.
    /// </summary>
    /// <param name="Default">The volatile function called (<c>gen_random_uuid()</c>), else the default as the migration writes it.</param>
    internal sealed record DefaultRewrite(MigrationEntry Migration, Location Location, TableKey Table, string Column, string Default, bool Volatile)
        : LockFinding(Migration, Location);

    /// <summary>BG0204: a column type change PostgreSQL makes by rewriting the table.</summary>
    internal sealed record TypeChangeRewrite(MigrationEntry Migration, Location Location, TableKey Table, string Column, string OldType, string NewType)
        : LockFinding(Migration, Location);

    /// <summary>BG0205: a column made NOT NULL: PostgreSQL scans every row under an exclusive lock (after EF's UPDATE of the NULLs, <paramref name="UpdatesNulls"/>).</summary>
    internal sealed record NotNullScan(MigrationEntry Migration, Location Location, TableKey Table, string Column, bool UpdatesNulls)
        : LockFinding(Migration, Location);

    /// <summary>
    /// BG0206: a foreign key or check constraint added to a table that holds rows: PostgreSQL checks every row before the
    /// migration goes on, under a lock that stops the running version's writes (a check constraint: its reads too).
    /// </summary>
    /// <param name="Principal">The table a foreign key references (locked too); null for a check constraint.</param>
    internal sealed record ConstraintValidatedUnderLock(MigrationEntry Migration, Location Location, TableKey Table, string Constraint, string? Principal)
        : LockFinding(Migration, Location);

    /// <summary>
    /// BG0207: raw SQL that updates or deletes every row of a table that holds rows, in a migration that also changes the
    /// schema: one transaction keeps the rows, and the schema change's lock, until the whole migration commits.
    /// </summary>
    /// <param name="Verb"><c>UPDATE</c> or <c>DELETE</c>.</param>
    internal sealed record WholeTableWrite(MigrationEntry Migration, Location Location, TableKey Table, string Verb)
        : LockFinding(Migration, Location);

    /// <summary>
    /// BG0208 (opt-in): the first operation of a migration that locks a table holding rows (ACCESS EXCLUSIVE or a SHARE
    /// mode) with no lock_timeout set before it: waiting for another transaction's lock, it makes every query on the table wait.
    /// </summary>
    /// <param name="Operation">The MigrationBuilder method (<c>AddColumn</c>), for the message.</param>
    /// <param name="OutsideTransaction">The migration runs an operation outside its transaction: a SET LOCAL would end there.</param>
    internal sealed record LockTimeoutMissing(MigrationEntry Migration, Location Location, TableKey Table, string Operation, bool OutsideTransaction)
        : LockFinding(Migration, Location);

    /// <summary>BG0100: removed from the model by a shipped migration, still in the database: the contract step can drop it.</summary>
    /// <param name="Column">Null for a whole table.</param>
    /// <param name="CopyTo">The column an expand step copied this one into: rows the old version wrote since are copied again first.</param>
    /// <param name="RequireCopy">The expand step added <paramref name="CopyTo"/> nullable and the model requires it: the contract step makes it NOT NULL.</param>
    /// <param name="DropInto">The newest migration of the history when it has not shipped: the contract step may go there (dotnet format can fill an existing migration, not add one).</param>
    /// <param name="UsedAt">Code that still names it (BG0011): the drop waits until that use is gone.</param>
    internal sealed record ReadyToDrop(Location Location, MigrationHistory History, MigrationEntry RemovedBy, TableKey Table, string? Column, ColumnDefinition? Definition, string? CopyTo, bool RequireCopy, Provider? Provider, MigrationEntry? DropInto, Location? UsedAt = null)
        : Finding(Location);

    /// <summary>BG0011, at the use: code (raw SQL, <c>EF.Property</c>, a later migration's SQL) naming what the new version's database will not have.</summary>
    internal sealed record NameStillUsed(Location Location, RemovedName Name, string Api)
        : Finding(Location);

    /// <summary>BG0011, at the drop or rename: the code that still names what it removes.</summary>
    internal sealed record DroppedWhileUsed(Location Location, RemovedName Name, IReadOnlyList<Location> Uses)
        : Finding(Location);

    /// <summary>BG0010: a shipped migration whose operations differ from the fingerprint its manifest line recorded.</summary>
    internal sealed record ChangedAfterShipping(Location Location, MigrationEntry Migration, string ManifestName, int Line)
        : Finding(Location);

    /// <summary>BG0101: the migration a deployment says has shipped, to be marked in the manifest.</summary>
    internal sealed record ShipRequested(Location Location, MigrationEntry Migration)
        : Finding(Location);

    /// <summary>BG0905: two migrations of one DbContext with one id.</summary>
    internal sealed record DuplicateMigrationId(Location Location, MigrationEntry Migration, MigrationEntry Previous)
        : Finding(Location);

    /// <summary>A problem at a line of a release manifest (BG0901 to BG0904).</summary>
    internal abstract record ManifestProblem(Manifest Manifest, TextSpan Span)
        : Finding(Microsoft.CodeAnalysis.Location.Create(Manifest.Path, Span, Manifest.Text.Lines.GetLinePositionSpan(Span)))
    {
        public string FileName => System.IO.Path.GetFileName(Manifest.Path);

        public int LineNumber => Manifest.Text.Lines.GetLineFromPosition(Span.Start).LineNumber + 1;
    }

    /// <summary>BG0901: a line that is no id, heading or comment.</summary>
    internal sealed record ManifestLineNotUnderstood(Manifest Manifest, TextSpan Span) : ManifestProblem(Manifest, Span);

    /// <summary>BG0902: an id no migration has.</summary>
    internal sealed record ManifestUnknownId(Manifest Manifest, TextSpan Span, string Id) : ManifestProblem(Manifest, Span);

    /// <summary>BG0903: an id listed twice.</summary>
    internal sealed record ManifestDuplicateId(Manifest Manifest, TextSpan Span, string Id, int FirstLine) : ManifestProblem(Manifest, Span);

    /// <summary>BG0904: an id listed after a later migration of its DbContext.</summary>
    internal sealed record ManifestOutOfOrder(Manifest Manifest, TextSpan Span, string Id, string Later) : ManifestProblem(Manifest, Span);
}
