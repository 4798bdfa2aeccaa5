using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0207: an UPDATE or DELETE of a whole existing table in a migration that changes the schema.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WholeTableWriteAnalyzer : MigrationRuleAnalyzer
    {
        public WholeTableWriteAnalyzer()
            : base(Descriptors.WholeTableWrite)
        {
        }
    }
}
