namespace BlueGreen.Analyzers.Checking
{
    /// <summary>Keys of <see cref="Finding.Properties"/>, shared by the checker and the code fixes.</summary>
    internal static class FixProperties
    {
        public const string Table = "Table";
        public const string Schema = "Schema";
        public const string Column = "Column";

        /// <summary>The new name of a renamed column (BG0002).</summary>
        public const string NewColumn = "NewColumn";

        /// <summary>"Rename" for a RenameColumn, "DropAdd" for a drop and add of the same type (BG0002).</summary>
        public const string Shape = "Shape";

        /// <summary>"True" when the replayed column is NOT NULL without a default, so green's inserts need it nullable.</summary>
        public const string MakeNullable = "MakeNullable";
        public const string ClrType = "ClrType";
        public const string StoreType = "StoreType";

        /// <summary>The id of the migration a finding is in (the baselining fix marks it shipped).</summary>
        public const string MigrationId = "MigrationId";

        /// <summary>BG0100: the replayed column's nullability ("True"/"False") and default argument, to re-create it in Down.</summary>
        public const string Nullable = "Nullable";
        public const string DefaultArgument = "DefaultArgument";

        /// <summary>BG0100: the column an expand step copied this one into, to copy again the rows the old version wrote since.</summary>
        public const string CopyTo = "CopyTo";

        /// <summary>BG0100: the DbContext's full name, for the new migration's [DbContext].</summary>
        public const string Context = "Context";

        /// <summary>The database provider the migration's annotations and types reveal (SqlServer, Npgsql, Sqlite, MySql), for SQL a fix writes.</summary>
        public const string Provider = "Provider";
    }
}
