using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0206: a foreign key or check constraint added to an existing table, which PostgreSQL validates under a lock.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConstraintValidatedUnderLockAnalyzer : MigrationRuleAnalyzer
    {
        public ConstraintValidatedUnderLockAnalyzer()
            : base(Descriptors.ConstraintValidatedUnderLock)
        {
        }
    }
}
