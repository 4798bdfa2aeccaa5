using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0100 (Info): a column or table a shipped migration removed from the model that is still in the database, ready to drop.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReadyToDropAnalyzer : MigrationRuleAnalyzer
    {
        public ReadyToDropAnalyzer()
            : base(Descriptors.ReadyToDrop)
        {
        }
    }
}
