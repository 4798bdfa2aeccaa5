using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0101 (Info): the migration the BlueGreenMarkShipped target says has shipped, for the marking fix.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ShipRequestAnalyzer : MigrationRuleAnalyzer
    {
        public ShipRequestAnalyzer()
            : base(Descriptors.ShipRequested)
        {
        }
    }
}
