using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0011: code that names, in a string, a column or table a migration drops or renames, or BG0100 lists.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StillUsedAnalyzer : MigrationRuleAnalyzer
    {
        public StillUsedAnalyzer()
            : base(Descriptors.StillUsed)
        {
        }
    }
}
