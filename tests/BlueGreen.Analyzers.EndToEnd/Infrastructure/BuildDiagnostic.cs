using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    /// <summary>One <c>file(line,column): severity id: message</c> line of MSBuild's console output.</summary>
    internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        private static readonly Regex Pattern = new(
            @"^[ \t]*(?:\d+>)?(?<file>[^\s(][^(\r\n]*?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]*\])?[ \t\r]*$",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>Every diagnostic with a source position, once (MSBuild repeats them in its summary).</summary>
        public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
            Pattern.Matches(output)
                .Select(match => new BuildDiagnostic(
                    match.Groups["file"].Value,
                    int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value))
                .Distinct()
                .ToList();

        public static IReadOnlyList<BuildDiagnostic> Parse(string output, string id) =>
            Parse(output).Where(diagnostic => string.Equals(diagnostic.Id, id, StringComparison.Ordinal)).ToList();
    }
}
