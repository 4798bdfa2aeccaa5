using System;
using System.Globalization;

namespace BlueGreen.Analyzers.Schema
{
    /// <summary>
    /// The database server the migrations run on, as <c>.editorconfig</c> describes it (<c>bluegreen.postgresql_version</c>,
    /// <c>bluegreen.sqlserver_edition</c>): what the lock rules may assume the server can do. Unset, or set to a value
    /// not understood: a supported PostgreSQL (13 and later) and a SQL Server edition that cannot build indexes online.
    /// A value not understood is ignored, never an error: the rules then judge as if it were unset.
    /// </summary>
    internal sealed record DatabaseTarget
    {
        public const string PostgresVersionOption = "bluegreen.postgresql_version";

        public const string SqlServerEditionOption = "bluegreen.sqlserver_edition";

        public static readonly DatabaseTarget Default = new DatabaseTarget();

        /// <summary>The configured PostgreSQL version (16, 9.6); null when unset or not understood.</summary>
        public Version? PostgresVersion { get; init; }

        /// <summary>
        /// The configured SQL Server edition builds indexes with <c>ONLINE = ON</c>: Enterprise, Developer and Evaluation,
        /// Azure SQL Database and Managed Instance. Standard, Web and Express refuse it.
        /// </summary>
        public bool SqlServerBuildsOnline { get; init; }

        /// <summary>Before PostgreSQL 11, <c>ADD COLUMN ... DEFAULT</c> writes any non-null default into every row.</summary>
        public bool PostgresRewritesForAnyDefault => Before(11, 0);

        /// <summary>PostgreSQL 12 and later skip <c>SET NOT NULL</c>'s scan when a valid CHECK (col IS NOT NULL) proves it.</summary>
        public bool PostgresSkipsNotNullScanOnCheck => !Before(12, 0);

        /// <summary><c>CREATE INDEX CONCURRENTLY</c> exists since PostgreSQL 8.2.</summary>
        public bool PostgresBuildsConcurrently => !Before(8, 2);

        /// <summary>The <c>lock_timeout</c> setting exists since PostgreSQL 9.3.</summary>
        public bool PostgresHasLockTimeout => !Before(9, 3);

        /// <summary>The target the two settings' values describe; null (unset) and values not understood give the default.</summary>
        public static DatabaseTarget Of(string? postgresVersion, string? sqlServerEdition)
        {
            var version = ParseVersion(postgresVersion);
            var online = ParseEdition(sqlServerEdition) ?? false;
            return version is null && !online ? Default : new DatabaseTarget { PostgresVersion = version, SqlServerBuildsOnline = online };
        }

        /// <summary><c>16</c>, <c>16.4</c>, <c>9.6</c>, <c>9.6.24</c>: a major (and minor) version; null for anything else.</summary>
        public static Version? ParseVersion(string? text)
        {
            var parts = text?.Trim().Split('.');
            if (parts is null || parts.Length > 3)
            {
                return null;
            }

            var numbers = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                {
                    return null;
                }
            }

            // PostgreSQL's first release was 6.0; anything below is a typo, not a server.
            return numbers[0] >= 6 ? new Version(numbers[0], numbers.Length > 1 ? numbers[1] : 0) : null;
        }

        /// <summary>Whether the edition builds indexes online; null for a value not understood.</summary>
        public static bool? ParseEdition(string? text) => text?.Trim().ToLowerInvariant() switch
        {
            "enterprise" or "developer" or "evaluation" or "azure" => true,
            "standard" or "web" or "express" => false,
            _ => null,
        };

        private bool Before(int major, int minor) => PostgresVersion is { } version && version < new Version(major, minor);
    }
}
