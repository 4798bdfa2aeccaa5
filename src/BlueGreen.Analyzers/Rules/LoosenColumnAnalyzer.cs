using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0012: a column the last shipped model requires may receive NULL from the new version.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LoosenColumnAnalyzer : MigrationRuleAnalyzer
    {
        public LoosenColumnAnalyzer()
            : base(Descriptors.LoosenColumn)
        {
        }
    }
}
