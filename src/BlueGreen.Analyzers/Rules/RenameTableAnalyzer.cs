using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0004: a RenameTable (also a move to another schema) of a table the last shipped model maps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RenameTableAnalyzer : MigrationRuleAnalyzer
    {
        public RenameTableAnalyzer()
            : base(Descriptors.RenameTable)
        {
        }
    }
}
