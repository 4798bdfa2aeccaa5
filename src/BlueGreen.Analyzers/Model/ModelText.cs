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
    /// <summary>
    /// What a model-building method's text tells of the columns its model maps, without reading the model: which of its
    /// statements hold which string literals. EF writes every property and table a designer maps as a literal
    /// (<c>b.Property&lt;int&gt;("Total")</c>, <c>b.ToTable("Orders")</c>), and a column's name is such a literal (the
    /// property's, or <c>HasColumnName</c>'s), or a property's name after the prefixes of the owned or complex types
    /// holding it (<c>Billing_Street</c>), or EF's truncation of a name longer than the database allows. So the statements
    /// that can map a column are the few holding one of those literals, and two models whose such statements are the same
    /// map the column alike. Read once per tree, in one pass over the text (no syntax node is made for it).
    /// </summary>
    /// <remarks>
    /// A method whose names may be written otherwise (concatenation, interpolation, <c>nameof</c>, constants, verbatim or
    /// raw strings, comments: hand edits) is not indexed, and then tells nothing. A derived type's statement, or a TPC
    /// root's, also tells nothing: their columns land in tables the statement does not name.
    /// </remarks>
    internal sealed class ModelText
    {
        private static readonly ModelText Unreadable = new ModelText(null, default, Array.Empty<long>(), Array.Empty<bool>(), Array.Empty<bool>());

        // Constructs that let a name be written without its plain literal (see Arguments.Fold), searched for beside the pass.
        private static readonly string[] Composition = { "nameof", "const " };

        // The calls that map a type to a table or another object by name; a statement without one maps to a table named by
        // convention (or maps none: a relationship's).
        private static readonly string[] TableMappings = { "ToTable(", "ToView(", "ToFunction(", "ToSqlQuery(", "SplitToTable(", "SplitToView(" };

        // What puts a type's columns in a table its statement does not name (a derived type's base's, a TPC root's derived types').
        private static readonly string[] Hierarchy = { "HasBaseType", "UseTpcMappingStrategy" };

        // The shortest identifier length a provider truncates to (PostgreSQL's 63): a shorter name is no truncation.
        private const int ShortestTruncation = 63;

        // The body's text, copied for the pass: kept per thread, since designers are read one after another.
        [ThreadStatic]
        private static char[]? t_buffer;

        private readonly BlockSyntax? _body;
        private readonly SyntaxList<StatementSyntax> _statements;

        // (hash of a literal's text << 32) | its offset in the body, sorted.
        private readonly long[] _literals;
        private readonly bool[] _hierarchy;
        private readonly bool[] _mapsByName;

        // Asked again by every compilation that keeps this tree (the same columns wait for their drop release after release).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Table, string Column), List<SyntaxNode>?> _columnCode =
            new System.Collections.Concurrent.ConcurrentDictionary<(string Table, string Column), List<SyntaxNode>?>();

        private ModelText(BlockSyntax? body, SyntaxList<StatementSyntax> statements, long[] literals, bool[] hierarchy, bool[] mapsByName)
        {
            _body = body;
            _statements = statements;
            _literals = literals;
            _hierarchy = hierarchy;
            _mapsByName = mapsByName;
        }

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

            return new ModelText(body, statements, literals, Flags(text, statements, Hierarchy, cancellationToken), Flags(text, statements, TableMappings, cancellationToken));
        }

        /// <summary>Whether the model may map <paramref name="table"/>: false only where no statement names it.</summary>
        public bool MayMapTable(string table) =>
            _body is null || !IsPlain(table) || table.Length >= ShortestTruncation || StatementsHolding(table).Count > 0;

        /// <summary>
        /// The code that may map <paramref name="column"/> in <paramref name="table"/>, in order: in each statement holding
        /// a literal the column could be named by, which names the table (an entity's <c>ToTable</c>, an owned type's inside
        /// its owner's statement) or maps no table by name, the parts holding those literals and the table's (see
        /// <see cref="UnitAt"/>). Empty: the model does not map the column there. Null when the text cannot tell (see the
        /// remarks), or where no statement names the table (a name by convention; a merged branch's table that S takes
        /// from an older designer).
        /// </summary>
        public List<SyntaxNode>? ColumnCode(string table, string column) =>
            _columnCode.GetOrAdd((table, column), key => ReadColumnCode(key.Table, key.Column));

        private List<SyntaxNode>? ReadColumnCode(string table, string column)
        {
            if (_body is null || !IsPlain(column) || column.Length >= ShortestTruncation || !IsPlain(table) || table.Length >= ShortestTruncation)
            {
                return null;
            }

            var tablePositions = Positions(table);
            var tableStatements = new HashSet<int>();
            foreach (var position in tablePositions)
            {
                // A derived type's own table (TPT, TPC) holds columns of properties its base's statement declares.
                var statement = StatementAt(position);
                if (_hierarchy[statement])
                {
                    return null;
                }

                tableStatements.Add(statement);
            }

            if (tableStatements.Count == 0)
            {
                return null;
            }

            var positions = new List<int>();
            var kept = new HashSet<int>();
            for (var start = -1; ; start = column.IndexOf('_', start + 1))
            {
                foreach (var position in Positions(start < 0 ? column : column.Substring(start + 1)))
                {
                    var statement = StatementAt(position);
                    if (_hierarchy[statement])
                    {
                        return null;
                    }

                    if (!_mapsByName[statement] || tableStatements.Contains(statement))
                    {
                        kept.Add(statement);
                        positions.Add(position);
                    }
                }

                if (column.IndexOf('_', start + 1) is var next && (next < 0 || next == column.Length - 1))
                {
                    break;
                }
            }

            foreach (var position in tablePositions)
            {
                if (kept.Contains(StatementAt(position)))
                {
                    positions.Add(position);
                }
            }

            positions.Sort();
            var units = new List<SyntaxNode>();
            foreach (var position in positions)
            {
                var unit = UnitAt(position);
                if (!units.Contains(unit))
                {
                    units.Add(unit);
                }
            }

            return units;
        }

        /// <summary>Whether two lists of <see cref="ColumnCode"/> are the same code (names, arguments, order; not layout).</summary>
        public static bool Same(List<SyntaxNode> first, List<SyntaxNode> second)
        {
            if (first.Count != second.Count)
            {
                return false;
            }

            for (var index = 0; index < first.Count; index++)
            {
                if (!SyntaxFactory.AreEquivalent(first[index], second[index], topLevel: false))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The statements holding the literal <paramref name="value"/> (or one whose text hashes alike), each once, in order.</summary>
        private List<int> StatementsHolding(string value)
        {
            var statements = new List<int>();
            foreach (var position in Positions(value))
            {
                var statement = StatementAt(position);
                if (statements.Count == 0 || statements[statements.Count - 1] != statement)
                {
                    statements.Add(statement);
                }
            }

            return statements;
        }

        /// <summary>Where the literal <paramref name="value"/> (or one whose text hashes alike) starts, in order.</summary>
        private List<int> Positions(string value)
        {
            var key = (long)Hash(value.AsSpan()) << 32;
            var found = new List<int>();
            var at = Array.BinarySearch(_literals, key);
            for (var index = at < 0 ? ~at : at; index < _literals.Length && (_literals[index] & ~0xFFFFFFFFL) == key; index++)
            {
                found.Add(_body!.SpanStart + (int)(_literals[index] & 0xFFFFFFFFL));
            }

            return found;
        }

        /// <summary>The index of the top-level statement holding <paramref name="position"/> (every literal is in one: see <see cref="Literals"/>).</summary>
        private int StatementAt(int position)
        {
            int low = 0, high = _statements.Count - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_statements[middle].Span.End <= position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>
        /// The part of a statement that holds <paramref name="position"/> and is compared whole: in an entity's statement
        /// (<c>modelBuilder.Entity("X", b =&gt; { ... })</c>), the statement of its lambda that holds it (a property's, the
        /// <c>ToTable</c>, an owned type's whole <c>OwnsOne</c>), else the statement itself. Another property added to the
        /// entity leaves a column's own statements as they were.
        /// </summary>
        private SyntaxNode UnitAt(int position)
        {
            var statement = _statements[StatementAt(position)];
            SyntaxNode unit = statement;
            for (var node = _body!.FindToken(position).Parent; node is not null && node != statement; node = node.Parent)
            {
                if (node is StatementSyntax { Parent: BlockSyntax { Parent: LambdaExpressionSyntax } } inner)
                {
                    unit = inner;
                }
            }

            return unit;
        }

        /// <summary>
        /// Each regular string literal of the body, hashed, with the statement holding it; null where the body has text the
        /// pass cannot read as plainly as the compiler (a char literal, a comment, a verbatim, raw or interpolated string,
        /// a literal concatenated): such a body may name things no literal shows.
        /// </summary>
        private static long[]? Literals(SourceText text, BlockSyntax body, CancellationToken cancellationToken)
        {
            var statements = body.Statements;
            var length = body.Span.Length;
            var chars = t_buffer is { } kept && kept.Length >= length ? kept : t_buffer = new char[length];
            text.CopyTo(body.SpanStart, chars, 0, length);
            var found = new List<long>();
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
            return found.ToArray();
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
