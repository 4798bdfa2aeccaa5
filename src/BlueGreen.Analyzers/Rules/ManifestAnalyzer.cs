using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>BG0901 to BG0904: problems with the release manifest, at its lines.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ManifestAnalyzer : MigrationRuleAnalyzer
    {
        public ManifestAnalyzer()
            : base(Descriptors.ManifestLine, Descriptors.ManifestUnknownId, Descriptors.ManifestDuplicateId, Descriptors.ManifestOutOfOrder)
        {
        }
    }
}
