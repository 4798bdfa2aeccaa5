using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0208 (opt-in): a lock on an existing table with no lock_timeout set before it (PostgreSQL).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockTimeoutAnalyzer : MigrationRuleAnalyzer
    {
        public LockTimeoutAnalyzer()
            : base(Descriptors.LockTimeoutMissing)
        {
        }
    }
}
