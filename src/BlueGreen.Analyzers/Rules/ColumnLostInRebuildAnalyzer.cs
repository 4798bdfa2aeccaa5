using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0009: a SQLite table rebuild (from the migration's target model) drops a column the last shipped model still maps.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ColumnLostInRebuildAnalyzer : MigrationRuleAnalyzer
    {
        public ColumnLostInRebuildAnalyzer()
            : base(Descriptors.ColumnLostInRebuild)
        {
        }
    }
}
