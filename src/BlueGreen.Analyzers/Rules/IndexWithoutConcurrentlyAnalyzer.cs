using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0201: an index built on a table that holds rows without CONCURRENTLY (PostgreSQL).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IndexWithoutConcurrentlyAnalyzer : MigrationRuleAnalyzer
    {
        public IndexWithoutConcurrentlyAnalyzer()
            : base(Descriptors.IndexWithoutConcurrently)
        {
        }
    }
}
