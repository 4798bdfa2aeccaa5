using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    /// <summary>The parts of a SARIF 2.1 log written by the compiler's ErrorLog that the tests look at.</summary>
    internal sealed class Sarif
    {
        private Sarif(string text, JsonElement run)
        {
            Text = text;
            Results = run.TryGetProperty("results", out var results) ? results.EnumerateArray().Select(result => result.Clone()).ToList() : new List<JsonElement>();
            Rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var rules) ? rules.EnumerateArray().Select(rule => rule.Clone()).ToList() : new List<JsonElement>();
        }

        public string Text { get; }

        public IReadOnlyList<JsonElement> Results { get; }

        public IReadOnlyList<JsonElement> Rules { get; }

        public static Sarif Read(string path)
        {
            var text = File.ReadAllText(path);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.GetProperty("version").GetString() != "2.1.0")
            {
                throw new InvalidOperationException($"{path} is not SARIF 2.1.0:\n{text}");
            }

            return new Sarif(text, root.GetProperty("runs").EnumerateArray().Single().Clone());
        }

        public IReadOnlyList<JsonElement> ResultsOf(string ruleId) =>
            Results.Where(result => result.GetProperty("ruleId").GetString() == ruleId).ToList();

        public JsonElement? Rule(string ruleId) =>
            Rules.Where(rule => rule.GetProperty("id").GetString() == ruleId).Select(rule => (JsonElement?)rule).FirstOrDefault();

        /// <summary>The kinds of the result's suppressions ("inSource" for pragmas and SuppressMessage), empty if none.</summary>
        public static IReadOnlyList<string> SuppressionKinds(JsonElement result) =>
            result.TryGetProperty("suppressions", out var suppressions)
                ? suppressions.EnumerateArray().Select(suppression => suppression.GetProperty("kind").GetString() ?? string.Empty).ToList()
                : Array.Empty<string>();
    }
}
