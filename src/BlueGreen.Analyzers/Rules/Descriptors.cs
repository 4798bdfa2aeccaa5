using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>Every rule's id, title, message and help link, in one place.</summary>
    internal static class Descriptors
    {
        public const string Category = "BlueGreen";
        private const string HelpBase = "https://github.com/bluegreen-analyzers/BlueGreen.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor DropColumn = Create(
            "BG0001",
            "Column dropped while the running version still maps it",
            "Migration '{0}' drops column '{1}' of table '{2}', which the running version (model of '{3}') still maps, as a property or a shadow property, and reads and writes; remove it from the model in this release and drop it in the next one",
            DiagnosticSeverity.Warning,
            "In a blue/green or rolling deployment the old version keeps running against the database after the new version's migrations ran. A column may only be dropped once a release that no longer maps it has shipped: release N removes it from the EF model only, release N+1 drops it.");

        public static readonly DiagnosticDescriptor RenameColumn = Create(
            "BG0002",
            "Column renamed while the running version still maps it",
            "Migration '{0}' renames column '{1}' of table '{2}' to '{3}'{4}, but the running version (model of '{5}') still reads and writes '{1}'; keep the database name, or add the new column now and drop the old one in a later release",
            DiagnosticSeverity.Warning,
            "A renamed column disappears under its old name at once, while the old version still queries it. Either keep the database name and map the renamed property to it, or expand (add the new column and copy the data) now and contract (drop the old column) in a later release.");

        public static readonly DiagnosticDescriptor DropTable = Create(
            "BG0003",
            "Table dropped while the running version still maps it",
            "Migration '{0}' drops table '{1}', which the running version (model of '{2}') still maps; remove the entity from the model in this release and drop the table in the next one",
            DiagnosticSeverity.Warning,
            "The old version still queries and writes a table its model maps. Remove the entity from the model first; drop the table once that release has shipped.");

        public static readonly DiagnosticDescriptor RenameTable = Create(
            "BG0004",
            "Table renamed while the running version still maps it",
            "Migration '{0}' renames table '{1}' to '{2}', but the running version (model of '{3}') still queries '{1}'; create the new table, copy the data, switch the model to it, and drop the old table in a later release",
            DiagnosticSeverity.Warning,
            "A renamed table disappears under its old name at once, while the old version still queries it. Keep the table name (map the entity to it with ToTable), or expand and contract across two releases.");

        public static readonly DiagnosticDescriptor AddRequiredColumn = Create(
            "BG0005",
            "Required column added without a default to a table the running version writes",
            "Migration '{0}' adds column '{1}' to table '{2}' {3}; the running version (model of '{4}') inserts rows without it, and {5}; {6}",
            DiagnosticSeverity.Warning,
            "The old version does not know the new column, so its INSERTs leave it out. A NOT NULL column without a database default rejects them.");

        public static readonly DiagnosticDescriptor TightenColumn = Create(
            "BG0006",
            "Column tightened while the running version still writes it",
            "Migration '{0}' tightens column '{1}' of table '{2}' ({3}), but the running version (model of '{4}') may still write values that no longer fit; add a new column, backfill it, switch the model to it, and drop the old one in a later release",
            DiagnosticSeverity.Warning,
            "Making a column NOT NULL, shorter, less precise, narrower or non-Unicode rejects values the old version still writes.");

        public static readonly DiagnosticDescriptor RequiredColumnLeftBehind = Create(
            "BG0007",
            "Model-only removal leaves a required column without a default",
            "Migration '{0}' stops mapping column '{1}' of table '{2}', which stays NOT NULL without a default; the new version's inserts leave it out and fail; give it a database default in this migration",
            DiagnosticSeverity.Warning,
            "After a model-only removal the column stays in the database until a later release drops it. The new version no longer writes it, so it must accept rows without it; the running version still reads it, so the rows the new version writes need a value, not NULL: a database default.");

        public static readonly DiagnosticDescriptor ColumnLostInRebuild = Create(
            "BG0009",
            "SQLite table rebuild drops a column the running version still maps",
            "Migration '{0}' makes SQLite rebuild table '{1}' ({2}) from its target model, which no longer maps column '{3}': the rebuild drops it, while the running version (model of '{4}') still maps it; keep the column in this migration's designer, or move the {2} to the release that drops the column",
            DiagnosticSeverity.Warning,
            "SQLite alters a column or a constraint in place for none of them: EF rebuilds the table from the migration's target model (create a new table, copy the columns both have, drop the old one). A column removed from the model only is dropped by that rebuild, though no DropColumn was written.");

        public static readonly DiagnosticDescriptor RawSqlBreaksRunningVersion = Create(
            "BG0008",
            "Raw SQL drops or renames what the running version still maps",
            "Migration '{0}' runs SQL that {1} '{2}', which the running version (model of '{3}') still maps; split it as for the equivalent migration operation",
            DiagnosticSeverity.Warning,
            "Dropping or renaming a column or table in raw SQL breaks the old version just as the migration operations do.");

        public static readonly DiagnosticDescriptor LoosenColumn = Create(
            "BG0012",
            "Column loosened while the running version still requires it",
            "Migration '{0}' {1} column '{2}' of table '{3}', which the running version (model of '{4}') maps as required: the new version may leave NULL there, and the running version throws (or gets a null it does not expect) reading those rows; keep the column NOT NULL, with a database default where the new version stops writing it, until no running version requires it",
            DiagnosticSeverity.Warning,
            "Making a column optional is a change blue/green deployments must stage like a removal: while the old version runs, it reads the rows the new version writes, and a NULL in a column its model requires makes EF throw.");

        public static readonly DiagnosticDescriptor ChangedAfterShipping = Create(
            "BG0010",
            "Migration changed after it shipped",
            "Migration '{0}' changed after it shipped: its operations differ from those recorded in {1} at line {2}; a deployed migration never runs again, so add a new migration instead",
            DiagnosticSeverity.Warning,
            "Databases that already applied a migration never run it again; editing it makes their schema differ from new databases and from the model.");

        public static readonly DiagnosticDescriptor StillUsed = Create(
            "BG0011",
            "Code still names a column or table a migration removes",
            "{0} still names {1} '{2}', which {3}",
            DiagnosticSeverity.Warning,
            "The C# compiler finds every use of a property removed from the model, but not a name in a string: raw SQL (FromSql, ExecuteSql, SqlQuery, Dapper, ADO.NET command text), EF.Property, a shadow property left in OnModelCreating, a later migration's SQL. Once the column or table is dropped or renamed, that code fails in the new version itself.");

        public static readonly DiagnosticDescriptor IndexWithoutConcurrently = Create(
            "BG0201",
            "Index built on an existing table without CONCURRENTLY or ONLINE",
            "Migration '{0}' creates index '{1}' on table '{2}', which already holds rows, {3}: every insert, update and delete on '{2}' waits until the index is built, so the running version's writes wait; {4}",
            DiagnosticSeverity.Warning,
            "PostgreSQL's CREATE INDEX takes a SHARE lock on the table, and SQL Server's offline CREATE INDEX a shared lock (a clustered index: a schema modification lock), for as long as the build reads every row: writes wait, and with them the running version's requests. CREATE INDEX CONCURRENTLY (PostgreSQL; EF's Npgsql provider writes it for the annotation Npgsql:CreatedConcurrently and runs it outside the migration's transaction) and WITH (ONLINE = ON) (SQL Server Enterprise, Developer and Azure SQL; the annotation SqlServer:Online) build it while writes go on. On SQL Server the rule is opt-in: bluegreen.sqlserver_edition in .editorconfig names an edition that builds online.");

        public static readonly DiagnosticDescriptor NonTransactionalMixed = Create(
            "BG0202",
            "Non-transactional operation mixed with other operations in one migration",
            "Migration '{0}' runs {1} outside a transaction, with {2} other operation(s) in the same migration: if the migration fails or stops after it, it is left half applied and EF cannot apply it again; move it to a migration of its own",
            DiagnosticSeverity.Warning,
            "EF runs each migration in a transaction, except the operations that cannot run in one (CREATE INDEX CONCURRENTLY, Sql with suppressTransaction: true): for those it commits what ran before and goes on without a transaction. A failure then leaves part of the migration applied and no history row, and running the migration again fails on what is already there. EF 9 and later log the same warning when the migration runs.");

        public static readonly DiagnosticDescriptor VolatileDefault = Create(
            "BG0203",
            "Column added with a volatile default rewrites the table",
            "Migration '{0}' adds column '{1}' to table '{2}', which already holds rows, with {3}: PostgreSQL writes it into every row, rewriting the whole table under an ACCESS EXCLUSIVE lock, so the running version's reads and writes wait; add the column without that default, set the default in a second step, and fill the existing rows in batches",
            DiagnosticSeverity.Warning,
            "Since PostgreSQL 11, adding a column with a constant or stable default (now(), CURRENT_TIMESTAMP) only records the default. A volatile default (gen_random_uuid(), uuid_generate_v4(), clock_timestamp(), random(), nextval()) has a different value per row, so every row is written again, holding the table's strongest lock until the rewrite ends. Before PostgreSQL 11 (bluegreen.postgresql_version in .editorconfig) every default is written into every row.");

        public static readonly DiagnosticDescriptor TypeChangeRewrite = Create(
            "BG0204",
            "Column type change rewrites the table",
            "Migration '{0}' changes column '{1}' of table '{2}' from {3} to {4}: PostgreSQL converts every row and rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, so the running version's reads and writes wait for as long as it takes; on a large table, add a column of the new type, fill it in batches and switch to it",
            DiagnosticSeverity.Info,
            "ALTER COLUMN ... TYPE keeps the rows as they are only where the old values are valid values of the new type unchanged (varchar to text, a longer varchar, a numeric with more precision). Other changes (integer to bigint, a shorter varchar, text to varchar(n)) rewrite the whole table under its strongest lock: seconds on a small table, an outage on a large one.");

        public static readonly DiagnosticDescriptor NotNullScan = Create(
            "BG0205",
            "Column made NOT NULL scans the table under an exclusive lock",
            "Migration '{0}' makes column '{1}' of table '{2}' NOT NULL{3}: PostgreSQL reads every row to check it under an ACCESS EXCLUSIVE lock, so the running version's reads and writes wait; on a large table, add a CHECK (\"{1}\" IS NOT NULL) NOT VALID constraint, validate it in a later migration, then set NOT NULL",
            DiagnosticSeverity.Info,
            "SET NOT NULL checks every row while holding the table's strongest lock. PostgreSQL 12 and later skip that scan when a validated CHECK (column IS NOT NULL) constraint already proves it, and such a constraint can be added NOT VALID (no scan) and validated later under a lock that lets reads and writes go on.");

        public static readonly DiagnosticDescriptor ConstraintValidatedUnderLock = Create(
            "BG0206",
            "Foreign key or check constraint validated under lock on an existing table",
            "Migration '{0}' adds {1} '{2}' to table '{3}', which already holds rows: PostgreSQL checks every row{4}, so the running version's {5} wait until it is done; on a large table, add it NOT VALID in raw SQL and validate it in a later migration",
            DiagnosticSeverity.Info,
            "EF's Npgsql provider adds a foreign key or a check constraint with ALTER TABLE ... ADD CONSTRAINT, which checks every existing row before the migration goes on: a foreign key under a SHARE ROW EXCLUSIVE lock on the table and the table it references (writes wait), a check constraint under an ACCESS EXCLUSIVE lock (reads wait too). Added NOT VALID, the constraint only checks new rows; VALIDATE CONSTRAINT in a later migration checks the old ones under a lock that lets reads and writes go on.");

        public static readonly DiagnosticDescriptor WholeTableWrite = Create(
            "BG0207",
            "Whole-table UPDATE or DELETE in a migration that changes the schema",
            "Migration '{0}' {1} every row of table '{2}', which already holds rows, in raw SQL run in the same transaction as its schema changes: each row stays locked, with the tables the schema changes lock, until the whole migration commits, and the running version waits on them; move the backfill to a migration of its own and write it in batches",
            DiagnosticSeverity.Info,
            "EF runs a migration in one transaction. An UPDATE or DELETE without a WHERE writes every row of the table and keeps each one locked until that transaction commits; beside an ALTER TABLE on the same migration the table's strongest lock is held for as long as the backfill takes. On a small table that is nothing, on a large one an outage.");

        public static readonly DiagnosticDescriptor LockTimeoutMissing = Create(
            "BG0208",
            "Lock taken on an existing table with no lock timeout set",
            "Migration '{0}' runs {1} on table '{2}', which already holds rows, with no lock_timeout set before it: while another transaction holds a lock on '{2}', the migration waits for it, and every query of the running version on '{2}' queues behind the migration; set a lock timeout first (SET LOCAL lock_timeout), so that the migration fails fast and can be run again",
            DiagnosticSeverity.Warning,
            "PostgreSQL grants locks in order: an ALTER TABLE (or CREATE INDEX, DROP TABLE...) that waits for a lock held by a long query or an open transaction makes every later query on the table wait behind it, reads included, for as long as it waits. A lock_timeout makes the migration give up after a few seconds instead (error 55P03), with its transaction rolled back, and the deployment can retry it. Opt-in: the timeout may be set elsewhere (the connection string, the role, the database), where the analyzer cannot see it.",
            enabledByDefault: false);

        public static readonly DiagnosticDescriptor ReadyToDrop = Create(
            "BG0100",
            "Removed from the model in a shipped release: ready to drop",
            "{0} '{1}' was removed from the model in shipped migration '{2}' and is still in the database{3}",
            DiagnosticSeverity.Info,
            "The contract step of a two-step removal: once the release that stopped mapping a column or table has shipped, a new migration can drop it.");

        public static readonly DiagnosticDescriptor ShipRequested = Create(
            "BG0101",
            "Migration to mark shipped",
            "Migration '{0}' has shipped (BlueGreenShippedMigration): mark it and every earlier migration of its DbContext as shipped in the release manifest",
            DiagnosticSeverity.Info,
            "Reported only while the package's BlueGreenMarkShipped target runs (dotnet build -t:BlueGreenMarkShipped -p:BlueGreenShippedMigration=<id>): its fix writes the manifest line, as the IDE's 'Mark migrations up to <id> as shipped' does.");

        public static readonly DiagnosticDescriptor ManifestLine = Create(
            "BG0901",
            "Release manifest line not understood",
            "Line {0} of {1} is not a migration id ('- <id>' or '<id>'), a '## <release>' heading or a '#' comment; it is ignored",
            DiagnosticSeverity.Warning,
            "ShippedMigrations.md lists the deployed migrations: blank lines, '## <release>' headings, '#' comments and one migration id per line.");

        public static readonly DiagnosticDescriptor ManifestUnknownId = Create(
            "BG0902",
            "Release manifest lists an unknown migration",
            "{0} lists '{1}', which is the id of no migration in this project",
            DiagnosticSeverity.Warning,
            "Every id in ShippedMigrations.md should name a migration of the project (check for typos or a migration that was renamed or deleted).");

        public static readonly DiagnosticDescriptor ManifestDuplicateId = Create(
            "BG0903",
            "Release manifest lists a migration twice",
            "{0} lists '{1}' again (first at line {2})",
            DiagnosticSeverity.Warning,
            "Each migration is shipped once; list its id once.");

        public static readonly DiagnosticDescriptor ManifestOutOfOrder = Create(
            "BG0904",
            "Release manifest lists migrations out of order",
            "{0} lists '{1}' after '{2}', a later migration of the same DbContext; releases ship migrations in order",
            DiagnosticSeverity.Warning,
            "Listing an id marks it and every earlier migration of its DbContext as shipped, so ids of one context are listed in ascending order.");

        public static readonly DiagnosticDescriptor DuplicateMigrationId = Create(
            "BG0905",
            "Two migrations have the same id",
            "Migration '{0}' has the same id as '{1}' of the same DbContext; EF applies only one of them, so the history cannot be judged reliably",
            DiagnosticSeverity.Warning,
            "Migration ids identify migrations in __EFMigrationsHistory; two with one id usually come from a bad merge or a copied file.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, bool enabledByDefault = true) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, enabledByDefault, description, HelpBase + id + ".md");
    }
}
