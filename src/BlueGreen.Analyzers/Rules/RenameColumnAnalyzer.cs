using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0002: a RenameColumn of a column the last shipped model maps, or a drop and add of the same type on one table (a rename in disguise).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RenameColumnAnalyzer : MigrationRuleAnalyzer
    {
        public RenameColumnAnalyzer()
            : base(Descriptors.RenameColumn)
        {
        }
    }
}
