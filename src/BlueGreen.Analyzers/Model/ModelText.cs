using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// What a model-building method's text rules out, without reading the model. EF writes every property and table a
    /// designer maps as a string literal (<c>b.Property&lt;int&gt;("Total")</c>, <c>b.ToTable("Orders")</c>), and a
    /// column's name is such a literal (the property's, or <c>HasColumnName</c>'s), or a property's name after the
    /// prefixes of the owned or complex types holding it (<c>Billing_Street</c>), or EF's truncation of a name longer
    /// than the database allows. So where the text holds none of those literals, the model maps no such column. A method
    /// whose names may be composed (concatenation, interpolation, <c>nameof</c>, constants: hand edits) rules nothing out.
    /// </summary>
    internal static class ModelText
    {
        // The constructs that let a name be written without its literal (see Arguments.Fold).
        private static readonly string[] Composition = { "nameof", "$\"", "$@", "@$", "\" +", "\"+", "+ \"", "+\"", "const " };

        // The calls that map a type to a table or another object by name; a statement without one maps to a table named by
        // convention (or maps none: a relationship's).
        private static readonly string[] TableMappings = { "ToTable(", "ToView(", "ToFunction(", "ToSqlQuery(", "SplitToTable(", "SplitToView(" };

        // What makes a type's columns land in a table another type's statement names.
        private static readonly string[] Hierarchy = { "HasBaseType", "MappingStrategy" };

        // The shortest identifier length a provider truncates to (PostgreSQL's 63): a shorter name is no truncation.
        private const int ShortestTruncation = 63;

        /// <summary>Whether names in <paramref name="method"/> may be written other than as plain literals.</summary>
        public static bool ComposesNames(MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
            method.Body is not { } body
            || TextSearch.ContainsAny(method.SyntaxTree.GetText(cancellationToken), body.Span, Composition, cancellationToken);

        /// <summary>
        /// Whether the model <paramref name="method"/> builds may map <paramref name="column"/> in <paramref name="table"/>:
        /// whether a statement names something the column could be named by and may put it in that table: it names the
        /// table (as an entity's <c>ToTable</c>, and an owned type's, which EF writes inside its owner's statement), maps
        /// no table by name, or is a derived type's. Column names such as <c>Name</c> are in most entities' statements;
        /// only the table's count.
        /// </summary>
        /// <param name="composesNames">What <see cref="ComposesNames"/> says of the method (cached per tree by the caller).</param>
        public static bool MayMapColumn(MethodDeclarationSyntax method, bool composesNames, string table, string column, CancellationToken cancellationToken)
        {
            if (composesNames || method.Body is not { } body || !IsPlain(column) || column.Length >= ShortestTruncation || !IsPlain(table))
            {
                return true;
            }

            var needles = new List<string> { Literal(column) };
            for (var underscore = column.IndexOf('_'); underscore >= 0 && underscore < column.Length - 1; underscore = column.IndexOf('_', underscore + 1))
            {
                needles.Add(Literal(column.Substring(underscore + 1)));
            }

            var text = method.SyntaxTree.GetText(cancellationToken);
            var statements = body.Statements;
            var tableLiteral = new[] { Literal(table) };

            // A derived type's own table (TPT, TPC) holds columns of properties its base's statement declares.
            foreach (var statement in StatementsAt(statements, TextSearch.Positions(text, body.Span, tableLiteral, cancellationToken)))
            {
                if (TextSearch.ContainsAny(text, statement.Span, Hierarchy, cancellationToken))
                {
                    return true;
                }
            }

            // A derived type's columns go to its base's table (TPH), and a TPC root's to its derived types' tables: neither
            // statement names those tables.
            var placing = new[] { tableLiteral[0], Hierarchy[0], Hierarchy[1] };
            var next = 0;
            foreach (var position in TextSearch.Positions(text, body.Span, needles, cancellationToken))
            {
                while (next < statements.Count && statements[next].Span.End <= position)
                {
                    next++;
                }

                if (next == statements.Count || statements[next].SpanStart > position)
                {
                    // Outside every statement (or past them): nothing to tell it by.
                    return true;
                }

                var span = statements[next].Span;
                if (TextSearch.ContainsAny(text, span, placing, cancellationToken) || !TextSearch.ContainsAny(text, span, TableMappings, cancellationToken))
                {
                    return true;
                }

                // This statement maps its types to other tables by name: the occurrences after it are in later statements.
                next++;
            }

            return false;
        }

        /// <summary>Whether the model <paramref name="method"/> builds may map a table named <paramref name="table"/>.</summary>
        public static bool MayMapTable(MethodDeclarationSyntax method, bool composesNames, string table, CancellationToken cancellationToken) =>
            composesNames || method.Body is not { } body || !IsPlain(table) || table.Length >= ShortestTruncation
            || TextSearch.ContainsAny(method.SyntaxTree.GetText(cancellationToken), body.Span, new[] { Literal(table) }, cancellationToken);

        /// <summary>The statements holding <paramref name="positions"/> (ascending), each once.</summary>
        private static List<StatementSyntax> StatementsAt(SyntaxList<StatementSyntax> statements, List<int> positions)
        {
            var found = new List<StatementSyntax>();
            var next = 0;
            foreach (var position in positions)
            {
                while (next < statements.Count && statements[next].Span.End <= position)
                {
                    next++;
                }

                if (next < statements.Count && statements[next].SpanStart <= position && (found.Count == 0 || found[found.Count - 1] != statements[next]))
                {
                    found.Add(statements[next]);
                }
            }

            return found;
        }

        private static string Literal(string name) => "\"" + name + "\"";

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
