using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// The layout of the body read last (which statements of the next body are known without walking them), and the
    /// comparison of texts it and the entities' definitions rest on.
    /// </summary>
    internal sealed partial class EntityDefinitions
    {
        /// <summary>
        /// How many statements <paramref name="body"/> begins and ends with that are the last layout's (the same text from
        /// the same place), and by how much the latter moved; none when there is no layout for the same builder name, or the
        /// statements at the edges are not where the layout puts them.
        /// </summary>
        private (int First, int Last, int Shift, Layout? Layout) Shared(BlockSyntax body, SourceText text, string modelBuilder)
        {
            if (Volatile.Read(ref _last) is not { } layout || layout.ModelBuilder != modelBuilder)
            {
                return (0, 0, 0, null);
            }

            int prefix, suffix;
            lock (_gate)
            {
                (prefix, suffix) = CommonEdges(layout.Text, layout.Body, text, body.Span);
            }

            var lines = layout.Lines;
            var statements = body.Statements;
            var first = 0;
            while (first < lines.Length && first < statements.Count && lines[first].Start + lines[first].Length <= prefix)
            {
                first++;
            }

            // The statements in the common end: from the layout's last, back while they lie wholly in it.
            var last = 0;
            while (last < lines.Length - first && last < statements.Count - first && lines[lines.Length - 1 - last].Start >= layout.Body.Length - suffix)
            {
                last++;
            }

            // Text both bodies share parses into the same statements once the parser stands where it stood: checked at the
            // edges, the last statement of the common beginning and the first of the common end must be where the layout says.
            var shift = body.Span.Length - layout.Body.Length;
            if (first > 0 && !At(statements[first - 1], body.SpanStart + lines[first - 1].Start, lines[first - 1].Length))
            {
                first = 0;
            }

            if (last > 0 && !At(statements[statements.Count - last], body.SpanStart + lines[lines.Length - last].Start + shift, lines[lines.Length - last].Length))
            {
                last = 0;
            }

            return (first, last, shift, layout);

            static bool At(StatementSyntax statement, int start, int length) => statement.SpanStart == start && statement.Span.Length == length;
        }

        /// <summary>
        /// The length of the text two spans begin with alike, and of the text they end with alike after it; 0 for either
        /// part that may hold a directive (see <see cref="MayBeDirective"/>).
        /// </summary>
        private (int Prefix, int Suffix) CommonEdges(SourceText left, TextSpan leftSpan, SourceText right, TextSpan rightSpan)
        {
            var shorter = Math.Min(leftSpan.Length, rightSpan.Length);
            var prefix = 0;
            while (prefix < shorter)
            {
                var count = Math.Min(BufferLength, shorter - prefix);
                left.CopyTo(leftSpan.Start + prefix, _left, 0, count);
                right.CopyTo(rightSpan.Start + prefix, _right, 0, count);
                var same = Same(count, fromEnd: false);
                if (MayBeDirective(_left.AsSpan(0, same)))
                {
                    prefix = 0;
                    break;
                }

                prefix += same;
                if (same < count)
                {
                    break;
                }
            }

            var suffix = 0;
            while (suffix < shorter - prefix)
            {
                var count = Math.Min(BufferLength, shorter - prefix - suffix);
                left.CopyTo(leftSpan.End - suffix - count, _left, 0, count);
                right.CopyTo(rightSpan.End - suffix - count, _right, 0, count);
                var same = Same(count, fromEnd: true);
                if (MayBeDirective(_left.AsSpan(count - same, same)))
                {
                    suffix = 0;
                    break;
                }

                suffix += same;
                if (same < count)
                {
                    break;
                }
            }

            return (prefix, suffix);
        }

        // How many characters of the two buffers' first count are alike, from the start or from the end.
        private int Same(int count, bool fromEnd)
        {
            if (_left.AsSpan(0, count).SequenceEqual(_right.AsSpan(0, count)))
            {
                return count;
            }

            var same = 0;
            while (same < count && (fromEnd ? _left[count - 1 - same] == _right[count - 1 - same] : _left[same] == _right[same]))
            {
                same++;
            }

            return same;
        }

        private bool SameText(SourceText left, TextSpan leftSpan, SourceText right, TextSpan rightSpan)
        {
            if (leftSpan.Length != rightSpan.Length)
            {
                return false;
            }

            for (var offset = 0; offset < leftSpan.Length; offset += BufferLength)
            {
                var count = Math.Min(BufferLength, leftSpan.Length - offset);
                left.CopyTo(leftSpan.Start + offset, _left, 0, count);
                right.CopyTo(rightSpan.Start + offset, _right, 0, count);
                if (!_left.AsSpan(0, count).SequenceEqual(_right.AsSpan(0, count)) || MayBeDirective(_left.AsSpan(0, count)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the text may hold a preprocessor directive other than <c>#pragma</c> (EF's <c>#pragma warning</c> lines
        /// stand in every designer). Under <c>#if</c> the same text means what each file's symbols make active, so text that
        /// may hold one is never taken for another designer's: a <c>#</c> anywhere else (in a string, say) only costs a read.
        /// </summary>
        private static bool MayBeDirective(ReadOnlySpan<char> text)
        {
            for (var at = text.IndexOf('#'); at >= 0; at = text.IndexOf('#'))
            {
                text = text.Slice(at + 1);
                if (!text.TrimStart().StartsWith("pragma".AsSpan()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statements of a body as <see cref="Read"/> found them, for the next body read.</summary>
        private sealed class Layout
        {
            public Layout(SourceText text, TextSpan body, string modelBuilder, Line[] lines, Dictionary<string, (TypeDefinition Definition, int Statements)> definitions)
            {
                Text = text;
                Body = body;
                ModelBuilder = modelBuilder;
                Lines = lines;
                Definitions = definitions;
            }

            public SourceText Text { get; }

            public TextSpan Body { get; }

            public string ModelBuilder { get; }

            public Line[] Lines { get; }

            /// <summary>Each entity's definition, and how many statements configured it.</summary>
            public Dictionary<string, (TypeDefinition Definition, int Statements)> Definitions { get; }
        }

        /// <summary>One statement of a body: where it is (from the body's start), and the entity it configures or whether it sets something of the model's own.</summary>
        private readonly struct Line
        {
            public Line(int start, int length, string? entity, bool setting)
            {
                Start = start;
                Length = length;
                Entity = entity;
                Setting = setting;
            }

            public int Start { get; }

            public int Length { get; }

            public string? Entity { get; }

            public bool Setting { get; }
        }
    }
}
