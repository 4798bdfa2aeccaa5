using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0003: a DropTable of a table the last shipped model maps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DropTableAnalyzer : MigrationRuleAnalyzer
    {
        public DropTableAnalyzer()
            : base(Descriptors.DropTable)
        {
        }
    }
}
