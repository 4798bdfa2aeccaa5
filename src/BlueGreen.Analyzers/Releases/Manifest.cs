using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Releases
{
    /// <summary>One migration id listed in a manifest, where it is, and the fingerprint recorded when it was marked shipped.</summary>
    internal sealed class ManifestEntry
    {
        public ManifestEntry(string id, string? fingerprint, int line, TextSpan span)
        {
            Id = id;
            Fingerprint = fingerprint;
            Line = line;
            Span = span;
        }

        public string Id { get; }

        /// <summary>The <c>sha256:...</c> of the migration's operations when it was marked (optional).</summary>
        public string? Fingerprint { get; }

        /// <summary>Zero-based line number.</summary>
        public int Line { get; }

        public TextSpan Span { get; }
    }

    /// <summary>
    /// The release manifest <c>ShippedMigrations.md</c>: which migrations have been deployed. Grammar: blank
    /// lines are ignored; <c>## name</c> starts a release; other lines starting with <c>#</c> are comments;
    /// <c>- id</c> or <c>id</c> lists a migration, optionally followed by the fingerprint the marking fix
    /// records (<c>- id sha256:...</c>). Parsed once per text version; a malformed line is kept as a problem
    /// and the rest of the file still counts.
    /// </summary>
    internal sealed class Manifest
    {
        public const string FileName = "ShippedMigrations.md";
        public const string FingerprintPrefix = "sha256:";

        private static readonly ConditionalWeakTable<SourceText, Manifest> Cache = new ConditionalWeakTable<SourceText, Manifest>();

        private Manifest(string path, SourceText text, IReadOnlyList<ManifestEntry> entries, IReadOnlyList<TextSpan> malformed)
        {
            Path = path;
            Text = text;
            Entries = entries;
            Malformed = malformed;
        }

        public string Path { get; }

        public SourceText Text { get; }

        public IReadOnlyList<ManifestEntry> Entries { get; }

        /// <summary>Lines that are neither blank, a heading, a comment nor an id.</summary>
        public IReadOnlyList<TextSpan> Malformed { get; }

        public static Manifest Parse(string path, SourceText text) => Cache.GetValue(text, _ => Read(path, text));

        private static Manifest Read(string path, SourceText text)
        {
            var entries = new List<ManifestEntry>();
            var malformed = new List<TextSpan>();
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var trimmed = content.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                var start = content.Length - content.TrimStart().Length;
                var item = trimmed.StartsWith("- ", StringComparison.Ordinal) ? trimmed.Substring(2).Trim() : trimmed;
                var parts = item.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 1 && parts.Length <= 2 && IsId(parts[0])
                    && (parts.Length == 1 || parts[1].StartsWith(FingerprintPrefix, StringComparison.Ordinal)))
                {
                    // Diagnostics about an entry point at its id.
                    var idStart = line.Start + content.IndexOf(parts[0], start, StringComparison.Ordinal);
                    entries.Add(new ManifestEntry(parts[0], parts.Length == 2 ? parts[1] : null, line.LineNumber, new TextSpan(idStart, parts[0].Length)));
                }
                else
                {
                    malformed.Add(new TextSpan(line.Start + start, trimmed.Length));
                }
            }

            return new Manifest(path, text, entries, malformed);
        }

        /// <summary>Whether an additional file is a manifest: by name, or marked with the BlueGreenManifest item metadata.</summary>
        public static bool IsManifest(string path, string? metadata) =>
            string.Equals(metadata, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

        // EF's ids are "<timestamp>_<Name>"; any identifier-like id of a hand-written migration is accepted too.
        private static bool IsId(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c) && c != '_' && c != '.' && c != '-')
                {
                    return false;
                }
            }

            return text.Length > 0;
        }
    }
}
