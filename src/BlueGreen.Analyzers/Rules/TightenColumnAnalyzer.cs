using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0006: an AlterColumn that makes a column the last shipped model writes accept less.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TightenColumnAnalyzer : MigrationRuleAnalyzer
    {
        public TightenColumnAnalyzer()
            : base(Descriptors.TightenColumn)
        {
        }
    }
}
