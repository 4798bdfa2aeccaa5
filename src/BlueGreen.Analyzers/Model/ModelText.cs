using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
    internal sealed partial class ModelText
    {
        private static readonly ModelText Unreadable = new ModelText(null, default, new List<long>(), Array.Empty<bool>(), Array.Empty<bool>(), Array.Empty<bool>());

        // The calls that map a type to a table or another object by name; a statement without one maps to a table named by
        // convention (or maps none: a relationship's).
        private static readonly string[] TableMappings = { "ToTable(", "ToView(", "ToFunction(", "ToSqlQuery(" }; // SplitToTable( and SplitToView( hold them

        // What puts a type's columns in a table its statement does not name (a derived type's base's, a TPC root's derived types').
        private static readonly string[] Hierarchy = { "HasBaseType", "UseTpcMappingStrategy" };

        // The builder calls (or the prefixes of several: OwnsOne/OwnsMany, ComplexProperty/ComplexCollection,
        // UseTph/Tpt/TpcMappingStrategy) after which a required property's column may be nullable: a TPH hierarchy's
        // (a derived type's columns are nullable for its siblings' rows), owned and complex types' (optional objects), and
        // the mapping strategies that decide whether a derived type shares its base's table.
        private static readonly string[] OptionalColumnMarkers = { "HasBaseType", "HasDiscriminator", "Owns", "Complex", "MappingStrategy" };

        // The shortest identifier length a provider truncates to (PostgreSQL's 63): a shorter name is no truncation.
        private const int ShortestTruncation = 63;

        private readonly BlockSyntax? _body;
        private readonly SyntaxList<StatementSyntax> _statements;

        // (hash of a literal's text << 32) | its offset in the body, sorted.
        private readonly List<long> _literals;
        private readonly bool[] _hierarchy;
        private readonly bool[] _mapsByName;
        private readonly bool[] _optionalColumns;

        // What was found comparing this model's text with another's (the designer before it, S's), asked again by every
        // compilation that keeps both trees; held no longer than the other text is (an edited designer's old one goes).
        private readonly ConditionalWeakTable<ModelText, Comparisons> _comparisons = new ConditionalWeakTable<ModelText, Comparisons>();

        // Asked again by every compilation that keeps this tree (the same columns wait for their drop release after release).
        private readonly ConcurrentDictionary<(string Table, string Column), List<SyntaxNode>?> _columnCode =
            new ConcurrentDictionary<(string Table, string Column), List<SyntaxNode>?>();

        private ModelText(BlockSyntax? body, SyntaxList<StatementSyntax> statements, List<long> literals, bool[] hierarchy, bool[] mapsByName, bool[] optionalColumns)
        {
            _optionalColumns = optionalColumns;
            _body = body;
            _statements = statements;
            _literals = literals;
            _hierarchy = hierarchy;
            _mapsByName = mapsByName;
        }

        /// <summary>
        /// The code that may map <paramref name="column"/> in <paramref name="table"/>, in order: in each statement holding
        /// a literal the column could be named by, which names the table (an entity's <c>ToTable</c>, an owned type's inside
        /// its owner's statement) or maps no table by name, the parts holding those literals and the table's (see
        /// <see cref="UnitAt"/>). Empty: the model does not map the column there. Null when the text cannot tell (see the
        /// remarks), or where no statement names the table (a name by convention; a merged branch's table that S takes
        /// from an older designer).
        /// </summary>
        public List<SyntaxNode>? ColumnCode(string table, string column)
        {
            // Looked up before anything is made: every compilation asks again.
            if (!_columnCode.TryGetValue((table, column), out var code))
            {
                code = _columnCode.GetOrAdd((table, column), ReadColumnCode(table, column));
            }

            return code;
        }

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

        /// <summary>
        /// Whether this model and <paramref name="other"/> certainly map no property required in one and not in the other
        /// to a nullable column: the statements that can map a required property to a nullable column (TPH hierarchies',
        /// owned and complex types', mapping strategies') are the same code in both, whatever else changed. False when
        /// that cannot be told.
        /// </summary>
        public bool SameOptionalColumnSources(ModelText other) =>
            _comparisons.GetValue(other, _ => new Comparisons()).OptionalColumnSources ??= CompareOptionalColumnSources(other);

        /// <summary>
        /// Whether this model and <paramref name="other"/> certainly map <paramref name="column"/> of <paramref name="table"/>
        /// alike (both, or neither): the statements that could map it are the same code in both. False when that cannot be told.
        /// </summary>
        public bool MapAlike(ModelText other, string table, string column)
        {
            var columns = _comparisons.GetValue(other, _ => new Comparisons()).Columns;
            if (!columns.TryGetValue((table, column), out var alike))
            {
                alike = ColumnCode(table, column) is { } mine && other.ColumnCode(table, column) is { } theirs && Same(mine, theirs);
                columns.TryAdd((table, column), alike);
            }

            return alike;
        }

        private bool CompareOptionalColumnSources(ModelText other)
        {
            if (_body is null || other._body is null)
            {
                return false;
            }

            var mine = Flagged(_statements, _optionalColumns);
            var theirs = Flagged(other._statements, other._optionalColumns);
            return Same(mine, theirs);

            static List<SyntaxNode> Flagged(SyntaxList<StatementSyntax> statements, bool[] flags)
            {
                var flagged = new List<SyntaxNode>();
                for (var index = 0; index < statements.Count; index++)
                {
                    if (flags[index])
                    {
                        flagged.Add(statements[index]);
                    }
                }

                return flagged;
            }
        }

        /// <summary>Whether two lists of <see cref="ColumnCode"/> are the same code (names, arguments, order; not layout).</summary>
        internal static bool Same(List<SyntaxNode> first, List<SyntaxNode> second)
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

        /// <summary>Where the literal <paramref name="value"/> (or one whose text hashes alike) starts, in order.</summary>
        private List<int> Positions(string value)
        {
            var key = (long)Hash(value.AsSpan()) << 32;
            var found = new List<int>();
            var at = _literals.BinarySearch(key);
            for (var index = at < 0 ? ~at : at; index < _literals.Count && (_literals[index] & ~0xFFFFFFFFL) == key; index++)
            {
                found.Add(_body!.SpanStart + (int)(_literals[index] & 0xFFFFFFFFL));
            }

            return found;
        }

        /// <summary>The index of the top-level statement holding <paramref name="position"/> (every literal is in one: see <see cref="Literals"/>).</summary>
        private int StatementAt(int position) => StatementIndex(_statements, position) ?? 0;

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

        private sealed class Comparisons
        {
            public bool? OptionalColumnSources { get; set; }

            public ConcurrentDictionary<(string Table, string Column), bool> Columns { get; } = new ConcurrentDictionary<(string Table, string Column), bool>();
        }
    }
}
