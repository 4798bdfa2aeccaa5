using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0005: a NOT NULL column without default added to a table the last shipped model writes.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AddRequiredColumnAnalyzer : MigrationRuleAnalyzer
    {
        public AddRequiredColumnAnalyzer()
            : base(Descriptors.AddRequiredColumn)
        {
        }
    }
}
