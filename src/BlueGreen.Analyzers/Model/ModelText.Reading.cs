using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>The one pass over a model-building method's text that indexes its literals (see ModelText.cs).</summary>
    internal sealed partial class ModelText
    {
        // Constructs that let a name be written without its plain literal (see Arguments.Fold), searched for beside the pass.
        private static readonly string[] Composition = { "nameof", "const " };

        // The body's text, copied for the pass: kept per thread, since designers are read one after another.
        [ThreadStatic]
        private static char[]? t_buffer;

        public static ModelText Read(MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            if (method.Body is not { } body)
            {
                return Unreadable;
            }

            var text = method.SyntaxTree.GetText(cancellationToken);
            var statements = body.Statements;
            var length = body.Span.Length;

            // Grown by doubling: designers grow release after release, and a buffer made to each one's size would be made anew
            // for almost every designer of a history.
            var chars = t_buffer is { } kept && kept.Length >= length ? kept : t_buffer = new char[Math.Max(length, Math.Max(2 * (t_buffer?.Length ?? 0), 1 << 16))];
            text.CopyTo(body.SpanStart, chars, 0, length);
            var code = new ReadOnlySpan<char>(chars, 0, length);
            foreach (var construct in Composition)
            {
                if (code.IndexOf(construct.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return Unreadable;
                }
            }

            var literals = Literals(code, body, cancellationToken);
            if (literals is null)
            {
                return Unreadable;
            }

            return new ModelText(body, statements, literals, Flags(code, body, Hierarchy), Flags(code, body, TableMappings), Flags(code, body, OptionalColumnMarkers));
        }

        /// <summary>
        /// Each regular string literal of the body, hashed, with where it starts; null where the body has text the pass
        /// cannot read as plainly as the compiler (a char literal, a comment, a verbatim, raw or interpolated string, a
        /// literal concatenated, one outside every statement): such a body may name things no literal shows. The pass jumps
        /// from one character that matters to the next (vectorized searches): designers are the bulk of a history's text.
        /// </summary>
        private static List<long>? Literals(ReadOnlySpan<char> code, BlockSyntax body, CancellationToken cancellationToken)
        {
            var statements = body.Statements;
            var length = code.Length;

            // About one literal in every 40 characters of a designer: sized once, sorted in place, kept as it is.
            var found = new List<long>(length / 40 + 16);
            var statement = 0;
            var index = 0;
            while (index < length)
            {
                var at = code.Slice(index).IndexOfAny(Stops);
                if (at < 0)
                {
                    break;
                }

                index += at;
                var character = code[index];
                if (character == '/')
                {
                    if (index + 1 < length && code[index + 1] is '/' or '*')
                    {
                        return null;
                    }

                    index++;
                    continue;
                }

                // A char literal (it may hold a quote), a verbatim or interpolated string, a raw string (C# 11), a concatenation.
                if (character != '"' || (index + 2 < length && code[index + 1] == '"' && code[index + 2] == '"') || NextNonBlank(code, index, -1) == '+')
                {
                    return null;
                }

                var start = index + 1;
                var end = start;
                while (true)
                {
                    var close = code.Slice(end).IndexOfAny('"', '\\');
                    if (close < 0)
                    {
                        return null;
                    }

                    end += close;
                    if (code[end] == '"')
                    {
                        break;
                    }

                    end += 2;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var position = body.SpanStart + index;
                while (statement < statements.Count && statements[statement].Span.End <= position)
                {
                    statement++;
                }

                if (statement == statements.Count || statements[statement].SpanStart > position || NextNonBlank(code, end, 1) == '+')
                {
                    return null;
                }

                // A literal with an escape sequence is hashed as written: a column is never looked up by such a name (IsPlain).
                found.Add(((long)Hash(code.Slice(start, end - start)) << 32) | (uint)index);
                index = end + 1;
            }

            found.Sort();
            return found;
        }

        // What the pass stops at: a string's start, and what it cannot read past (char literals, verbatim and interpolated
        // strings, comments).
        private static readonly char[] StopCharacters = { '"', '\'', '@', '$', '/' };

        private static ReadOnlySpan<char> Stops => StopCharacters;

        /// <summary>The first character that is not white space from <paramref name="index"/> on in <paramref name="step"/>'s direction, or '\0'.</summary>
        private static char NextNonBlank(ReadOnlySpan<char> code, int index, int step)
        {
            for (var at = index + step; at >= 0 && at < code.Length; at += step)
            {
                if (!char.IsWhiteSpace(code[at]))
                {
                    return code[at];
                }
            }

            return '\0';
        }

        /// <summary>For each statement, whether it holds one of <paramref name="needles"/>: each searched once in the whole body.</summary>
        private static bool[] Flags(ReadOnlySpan<char> code, BlockSyntax body, string[] needles)
        {
            var statements = body.Statements;
            var flags = new bool[statements.Count];
            foreach (var needle in needles)
            {
                for (var index = 0; index < code.Length;)
                {
                    var at = code.Slice(index).IndexOf(needle.AsSpan(), StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    index += at;
                    if (StatementIndex(statements, body.SpanStart + index) is { } statement)
                    {
                        flags[statement] = true;
                    }

                    index += needle.Length;
                }
            }

            return flags;
        }

        /// <summary>The index of the top-level statement holding <paramref name="position"/>, if one does.</summary>
        private static int? StatementIndex(SyntaxList<StatementSyntax> statements, int position)
        {
            int low = 0, high = statements.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                var span = statements[middle].Span;
                if (span.End <= position)
                {
                    low = middle + 1;
                }
                else if (span.Start > position)
                {
                    high = middle - 1;
                }
                else
                {
                    return middle;
                }
            }

            return null;
        }

        // FNV-1a over the characters: stable, and equal for equal text.
        private static int Hash(ReadOnlySpan<char> value)
        {
            var hash = 2166136261u;
            foreach (var character in value)
            {
                hash = (hash ^ character) * 16777619u;
            }

            return (int)hash;
        }

        // A name C# writes as it is between quotes (no escape sequence can spell it differently).
        private static bool IsPlain(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var character in name)
            {
                if (character is < ' ' or > '~' or '"' or '\\' or '{' or '}')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
