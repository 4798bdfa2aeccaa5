using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0202: an operation EF runs outside the migration's transaction, mixed with others.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonTransactionalMixedAnalyzer : MigrationRuleAnalyzer
    {
        public NonTransactionalMixedAnalyzer()
            : base(Descriptors.NonTransactionalMixed)
        {
        }
    }
}
