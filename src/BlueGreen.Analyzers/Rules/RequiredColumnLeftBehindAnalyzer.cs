using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0007: a model-only removal leaving a NOT NULL column without default that new inserts omit.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequiredColumnLeftBehindAnalyzer : MigrationRuleAnalyzer
    {
        public RequiredColumnLeftBehindAnalyzer()
            : base(Descriptors.RequiredColumnLeftBehind)
        {
        }
    }
}
