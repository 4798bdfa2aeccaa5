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

        /// <summary>The database provider the migration's annotations and types reveal (SqlServer, Npgsql, Sqlite, MySql), for SQL a fix writes.</summary>
        public const string Provider = "Provider";
    }
}
