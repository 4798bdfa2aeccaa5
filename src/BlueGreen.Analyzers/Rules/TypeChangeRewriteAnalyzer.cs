using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0204: a column type change that rewrites the table (PostgreSQL).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TypeChangeRewriteAnalyzer : MigrationRuleAnalyzer
    {
        public TypeChangeRewriteAnalyzer()
            : base(Descriptors.TypeChangeRewrite)
        {
        }
    }
}
