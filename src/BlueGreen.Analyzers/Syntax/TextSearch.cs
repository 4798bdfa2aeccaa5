using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Syntax
{
    /// <summary>
    /// Ordinal searches in a span of a source text, a chunk at a time into a reused buffer: no string of the file is made
    /// (a large file's text is chunked, not one string) and no syntax node is created. What a designer's model could say
    /// is often decided by whether its text names something at all, at a small part of the cost of reading the model.
    /// </summary>
    internal static class TextSearch
    {
        private const int ChunkLength = 16384;

        // Longer needles are not looked for in chunks: a chunk reads on past its end by at most this much.
        private const int MaxNeedleLength = 512;

        [ThreadStatic]
        private static char[]? t_buffer;

        /// <summary>
        /// Whether <paramref name="span"/> of <paramref name="text"/> may hold any of <paramref name="needles"/>: true when
        /// it does, and when a needle is too long to look for (callers read the model then).
        /// </summary>
        public static bool ContainsAny(SourceText text, TextSpan span, IReadOnlyList<string> needles, CancellationToken cancellationToken)
        {
            foreach (var needle in needles)
            {
                if (needle.Length > MaxNeedleLength)
                {
                    return true;
                }
            }

            var found = false;
            Search(text, span, needles, cancellationToken, _ =>
            {
                found = true;
                return false;
            });
            return found;
        }

        /// <summary>The start of every occurrence of any of <paramref name="needles"/> (each at most 512 characters) in <paramref name="span"/>, ascending.</summary>
        public static List<int> Positions(SourceText text, TextSpan span, IReadOnlyList<string> needles, CancellationToken cancellationToken)
        {
            var positions = new List<int>();
            Search(text, span, needles, cancellationToken, position =>
            {
                positions.Add(position);
                return true;
            });
            positions.Sort();
            return positions;
        }

        /// <param name="found">Called with each occurrence's start; returns whether to go on.</param>
        private static void Search(SourceText text, TextSpan span, IReadOnlyList<string> needles, CancellationToken cancellationToken, Func<int, bool> found)
        {
            var longest = 1;
            foreach (var needle in needles)
            {
                longest = Math.Max(longest, Math.Min(needle.Length, MaxNeedleLength));
            }

            var buffer = t_buffer ??= new char[ChunkLength + MaxNeedleLength];
            for (var start = span.Start; start < span.End; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A chunk reads on past its end by the longest needle, so an occurrence across the boundary is found once,
                // by the chunk it starts in.
                var length = Math.Min(ChunkLength + longest - 1, span.End - start);
                text.CopyTo(start, buffer, 0, length);
                var chunk = new ReadOnlySpan<char>(buffer, 0, length);
                var owned = Math.Min(ChunkLength, length);
                foreach (var needle in needles)
                {
                    if (needle.Length == 0 || needle.Length > MaxNeedleLength)
                    {
                        continue;
                    }

                    for (var offset = 0; offset < owned;)
                    {
                        var at = chunk.Slice(offset).IndexOf(needle.AsSpan(), StringComparison.Ordinal);
                        if (at < 0 || offset + at >= owned)
                        {
                            break;
                        }

                        if (!found(start + offset + at))
                        {
                            return;
                        }

                        offset += at + needle.Length;
                    }
                }
            }
        }
    }
}
