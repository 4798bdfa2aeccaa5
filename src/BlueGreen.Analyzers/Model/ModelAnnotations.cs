namespace BlueGreen.Analyzers.Model
{
    /// <summary>The annotations of BlueGreen's own that code fixes write into model methods and the reader reads.</summary>
    internal static class ModelAnnotations
    {
        /// <summary>
        /// On a property (<c>.HasAnnotation("BlueGreen:KeptInDatabase", true)</c>): the version no longer maps it, but its
        /// column stays in the model EF builds from the designer, so table rebuilds (SQLite) keep the column until the
        /// release that drops it.
        /// </summary>
        public const string KeptInDatabase = "BlueGreen:KeptInDatabase";
    }
}
