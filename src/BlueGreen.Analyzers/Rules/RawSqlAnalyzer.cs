using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0008: raw SQL that drops or renames a column or table the last shipped model maps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RawSqlAnalyzer : MigrationRuleAnalyzer
    {
        public RawSqlAnalyzer()
            : base(Descriptors.RawSqlBreaksRunningVersion)
        {
        }
    }
}
