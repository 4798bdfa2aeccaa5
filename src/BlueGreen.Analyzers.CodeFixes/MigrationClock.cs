using System;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// The one place a fix reads the time from (to name a new migration, as EF does, by its UTC timestamp).
    /// Tests set it; analyzers never read time at all.
    /// </summary>
    public static class MigrationClock
    {
#pragma warning disable RS0030 // The clock is read here and only here, and only by code fixes.
        public static Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;
#pragma warning restore RS0030
    }
}
