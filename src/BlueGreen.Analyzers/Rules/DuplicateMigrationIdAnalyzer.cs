using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0905: two migrations of one DbContext with the same id, at the later one.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DuplicateMigrationIdAnalyzer : MigrationRuleAnalyzer
    {
        public DuplicateMigrationIdAnalyzer()
            : base(Descriptors.DuplicateMigrationId)
        {
        }
    }
}
