using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0205: a column made NOT NULL, which scans the table under an exclusive lock (PostgreSQL).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NotNullScanAnalyzer : MigrationRuleAnalyzer
    {
        public NotNullScanAnalyzer()
            : base(Descriptors.NotNullScan)
        {
        }
    }
}
