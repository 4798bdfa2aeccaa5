namespace BlueGreen.Analyzers.Checking
{
    /// <summary>Keys of <see cref="Finding.Properties"/>, shared by the checker and the code fixes.</summary>
    internal static class FixProperties
    {
        public const string Table = "Table";
        public const string Schema = "Schema";
        public const string Column = "Column";

        /// <summary>"True" when the replayed column is NOT NULL without a default, so green's inserts need it nullable.</summary>
        public const string MakeNullable = "MakeNullable";
        public const string ClrType = "ClrType";
        public const string StoreType = "StoreType";
    }
}
