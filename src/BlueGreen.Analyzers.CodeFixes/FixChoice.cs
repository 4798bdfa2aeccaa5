using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>One fix a diagnostic allows: its stable equivalence key (<c>BG0001.Split</c>), its name in <c>.editorconfig</c> (<c>split</c>) and the title shown.</summary>
    internal sealed record FixOption(string Key, string Name, string Title);

    /// <summary>
    /// Which fix a diagnostic gets when nobody picks one: the <c>.editorconfig</c> option <c>bluegreen.&lt;id&gt;.fix</c>, else the
    /// rule's default (a provider's first offer; never a fix that changes more than the diagnostic asks, like marking a release shipped).
    /// <para>
    /// dotnet format runs the Fix All of every provider registered for an id, each with the equivalence key of the first
    /// action the provider registers for the first diagnostic. So a provider registers its chosen fix first and as is, and
    /// every other fix inside an inlinable group: the IDE shows the group's fix in place (and its Fix All keeps its key),
    /// while dotnet format gets the group's null key, for which a Fix All applies only each diagnostic's chosen fix.
    /// </para>
    /// </summary>
    internal static class FixChoice
    {
        /// <summary>The value of <c>bluegreen.&lt;id&gt;.fix</c> where the diagnostic is; null when not set.</summary>
        public static string? Configured(Project project, Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree is { } tree
            && project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionKey(diagnostic.Id), out var value)
            && value.Trim().Length > 0
                ? value.Trim()
                : null;

        public static string OptionKey(string diagnosticId) => "bluegreen." + diagnosticId + ".fix";

        /// <summary>The offer applied without asking, or null: the configured one if offered, else the first when the provider's fixes are defaults.</summary>
        public static FixOption? Chosen(IReadOnlyList<FixOption> offers, string? configured, bool offersDefault) =>
            configured is not null
                ? offers.FirstOrDefault(offer => string.Equals(offer.Name, configured, StringComparison.OrdinalIgnoreCase))
                : offersDefault ? offers.FirstOrDefault() : null;

        /// <summary>Registers the offers for one diagnostic: the chosen one first, as is; the others each in an inlinable group (see the class).</summary>
        public static void Register(CodeFixContext context, Diagnostic diagnostic, IReadOnlyList<FixOption> offers, FixOption? chosen, Func<FixOption, CodeAction> create)
        {
            if (chosen is not null)
            {
                context.RegisterCodeFix(create(chosen), diagnostic);
            }

            foreach (var offer in offers.Where(offer => offer != chosen))
            {
                context.RegisterCodeFix(CodeAction.Create(offer.Title, ImmutableArray.Create(create(offer)), isInlinable: true), diagnostic);
            }
        }
    }
}
