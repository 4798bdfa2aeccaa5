using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>
    /// Ordinal search in a span of a source text, a chunk at a time into a reused buffer: no string of the file is made
    /// (a large file's text is chunked, not one string) and no syntax node is created.
    /// </summary>
    internal static class TextSearch
    {
        private const int ChunkLength = 16384;

        // Longer needles are not looked for: a chunk reads on past its end by at most this much.
        private const int MaxNeedleLength = 512;

        [ThreadStatic]
        private static char[]? t_buffer;

        /// <summary>
        /// Whether <paramref name="span"/> of <paramref name="text"/> may hold any of <paramref name="needles"/>: true when
        /// it does, and when a needle is too long to look for (callers then do what they would do on a find).
        /// </summary>
        public static bool ContainsAny(SourceText text, TextSpan span, IReadOnlyList<string> needles, CancellationToken cancellationToken)
        {
            var longest = 1;
            foreach (var needle in needles)
            {
                if (needle.Length > MaxNeedleLength)
                {
                    return true;
                }

                longest = Math.Max(longest, needle.Length);
            }

            var buffer = t_buffer ??= new char[ChunkLength + MaxNeedleLength];
            for (var start = span.Start; start < span.End; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A chunk reads on past its end by the longest needle, so a find across the boundary is not missed.
                var length = Math.Min(ChunkLength + longest - 1, span.End - start);
                text.CopyTo(start, buffer, 0, length);
                var chunk = new ReadOnlySpan<char>(buffer, 0, length);
                foreach (var needle in needles)
                {
                    if (needle.Length > 0 && chunk.IndexOf(needle.AsSpan(), StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
