using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>One break of the blue/green invariant, at the operation that breaks it.</summary>
    internal sealed class Finding
    {
        public Finding(string ruleId, Location location, object[] messageArguments, ImmutableDictionary<string, string?> properties)
        {
            RuleId = ruleId;
            Location = location;
            MessageArguments = messageArguments;
            Properties = properties;
        }

        public string RuleId { get; }

        public Location Location { get; }

        public object[] MessageArguments { get; }

        /// <summary>What the code fix needs, so it never re-derives the history.</summary>
        public ImmutableDictionary<string, string?> Properties { get; }
    }
}
