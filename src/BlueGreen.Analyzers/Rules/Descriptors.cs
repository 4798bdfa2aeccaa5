using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>Every rule's id, title, message and help link, in one place.</summary>
    internal static class Descriptors
    {
        public const string Category = "BlueGreen";
        private const string HelpBase = "https://github.com/bluegreen-analyzers/BlueGreen.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor DropColumn = Create(
            "BG0001",
            "Column dropped while the running version still maps it",
            "Migration '{2}' drops column '{0}' of table '{1}', which the running version (model of '{3}') still maps, as a property or a shadow property, and reads and writes; remove it from the model in this release and drop it in the next one",
            DiagnosticSeverity.Warning,
            "In a blue/green or rolling deployment the old version keeps running against the database after the new version's migrations ran. A column may only be dropped once a release that no longer maps it has shipped: release N removes it from the EF model only, release N+1 drops it.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpBase + id + ".md");
    }
}
