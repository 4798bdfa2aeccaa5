using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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
            if (TextSearch.ContainsAny(text, body.Span, Composition, cancellationToken))
            {
                return Unreadable;
            }

            var statements = body.Statements;
            var literals = Literals(text, body, cancellationToken);
            if (literals is null)
            {
                return Unreadable;
            }

            return new ModelText(body, statements, literals, Flags(text, statements, Hierarchy, cancellationToken), Flags(text, statements, TableMappings, cancellationToken),
                Flags(text, statements, OptionalColumnMarkers, cancellationToken));
        }

        /// <summary>
        /// Each regular string literal of the body, hashed, with the statement holding it; null where the body has text the
        /// pass cannot read as plainly as the compiler (a char literal, a comment, a verbatim, raw or interpolated string,
        /// a literal concatenated): such a body may name things no literal shows.
        /// </summary>
        private static List<long>? Literals(SourceText text, BlockSyntax body, CancellationToken cancellationToken)
        {
            var statements = body.Statements;
            var length = body.Span.Length;
            // Grown by doubling: designers grow release after release, and a buffer made to each one's size would be made anew
            // for almost every designer of a history.
            var chars = t_buffer is { } kept && kept.Length >= length ? kept : t_buffer = new char[Math.Max(length, Math.Max(2 * (t_buffer?.Length ?? 0), 1 << 16))];
            text.CopyTo(body.SpanStart, chars, 0, length);
            // About one literal in every 40 characters of a designer: sized once, sorted in place, kept as it is.
            var found = new List<long>(length / 40 + 16);
            var statement = 0;
            var previous = '\0';
            for (var index = 0; index < length; index++)
            {
                var character = chars[index];
                if (character is '\'' or '@' or '$' || (character == '/' && index + 1 < length && chars[index + 1] is '/' or '*'))
                {
                    return null;
                }

                if (character != '"')
                {
                    if (!char.IsWhiteSpace(character))
                    {
                        previous = character;
                    }

                    continue;
                }

                // A concatenation, or a raw string literal (C# 11).
                if (previous == '+' || (index + 2 < length && chars[index + 1] == '"' && chars[index + 2] == '"'))
                {
                    return null;
                }

                var start = index + 1;
                var end = start;
                while (end < length && chars[end] != '"')
                {
                    end += chars[end] == '\\' ? 2 : 1;
                }

                if (end >= length)
                {
                    return null;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var position = body.SpanStart + index;
                while (statement < statements.Count && statements[statement].Span.End <= position)
                {
                    statement++;
                }

                if (statement == statements.Count || statements[statement].SpanStart > position)
                {
                    // Outside every statement: nothing could tell where it maps.
                    return null;
                }

                // A literal with an escape sequence is hashed as written: a column is never looked up by such a name (IsPlain).
                found.Add(((long)Hash(new ReadOnlySpan<char>(chars, start, end - start)) << 32) | (uint)index);
                index = end;
                previous = '"';
                var next = end + 1;
                while (next < length && char.IsWhiteSpace(chars[next]))
                {
                    next++;
                }

                if (next < length && chars[next] == '+')
                {
                    return null;
                }
            }

            found.Sort();
            return found;
        }

        /// <summary>For each statement, whether it holds one of <paramref name="needles"/>.</summary>
        private static bool[] Flags(SourceText text, SyntaxList<StatementSyntax> statements, string[] needles, CancellationToken cancellationToken)
        {
            var flags = new bool[statements.Count];
            for (var index = 0; index < statements.Count; index++)
            {
                flags[index] = TextSearch.ContainsAny(text, statements[index].Span, needles, cancellationToken);
            }

            return flags;
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
