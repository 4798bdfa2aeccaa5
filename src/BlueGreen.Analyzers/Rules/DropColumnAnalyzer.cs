using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0001: a DropColumn in <c>Up</c> of a column the last shipped model still maps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropColumnAnalyzer : MigrationRuleAnalyzer
    {
        public DropColumnAnalyzer()
            : base(Descriptors.DropColumn)
        {
        }
    }
}
