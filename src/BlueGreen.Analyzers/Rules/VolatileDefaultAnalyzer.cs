using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0203: a column added with a volatile default, which rewrites the table (PostgreSQL).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VolatileDefaultAnalyzer : MigrationRuleAnalyzer
    {
        public VolatileDefaultAnalyzer()
            : base(Descriptors.VolatileDefault)
        {
        }
    }
}
