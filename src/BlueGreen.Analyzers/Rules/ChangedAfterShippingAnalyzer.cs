using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0010: a migration listed as shipped whose operations no longer match the fingerprint recorded when it was marked.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ChangedAfterShippingAnalyzer : MigrationRuleAnalyzer
    {
        public ChangedAfterShippingAnalyzer()
            : base(Descriptors.ChangedAfterShipping)
        {
        }
    }
}
