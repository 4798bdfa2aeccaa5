using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// Text edits to a migration file that keep it looking as EF wrote it: whole statements removed with
    /// the blank line that separated them, new operations written in EF's one-argument-per-line style at
    /// the indentation of their neighbours. Collects every edit of one document first, so a Fix All
    /// applies them together.
    /// </summary>
    internal sealed class MigrationEdits
    {
        private readonly SourceText _text;
        private readonly List<TextSpan> _removals = new List<TextSpan>();
        private readonly List<TextChange> _changes = new List<TextChange>();
        private readonly Dictionary<(BlockSyntax Body, bool AtEnd), List<MigrationCall>> _insertions = new Dictionary<(BlockSyntax, bool), List<MigrationCall>>();

        public MigrationEdits(SourceText text)
        {
            _text = text;
        }

        private string NewLine => NewLineOf(_text);

        /// <summary>The line break a text uses (that of its first line).</summary>
        public static string NewLineOf(SourceText text)
        {
            var line = text.Lines[0];
            return line.EndIncludingLineBreak > line.End ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
        }

        /// <summary>Removes a statement's lines, and one blank line next to it so no gap is left.</summary>
        public void Remove(StatementSyntax statement)
        {
            var lines = _text.Lines;
            var first = lines.GetLineFromPosition(statement.SpanStart).LineNumber;
            var last = lines.GetLineFromPosition(statement.Span.End).LineNumber;
            if (first > 0 && IsBlank(lines[first - 1]))
            {
                first--;
            }
            else if (last + 1 < lines.Count && IsBlank(lines[last + 1]))
            {
                last++;
            }

            _removals.Add(TextSpan.FromBounds(lines[first].Start, lines[last].EndIncludingLineBreak));
        }

        /// <summary>Replaces a statement by calls, each written in EF's style at the statement's indentation.</summary>
        public void Replace(StatementSyntax statement, params MigrationCall[] calls)
        {
            var indent = Indentation(statement.SpanStart);
            _changes.Add(new TextChange(statement.Span, string.Join(NewLine + NewLine + indent, calls.Select(call => call.Format(indent, NewLine)))));
        }

        /// <summary>Adds calls after a statement, separated by a blank line as EF separates operations.</summary>
        public void InsertAfter(StatementSyntax statement, params MigrationCall[] calls)
        {
            var indent = Indentation(statement.SpanStart);
            _changes.Add(new TextChange(new TextSpan(statement.Span.End, 0), string.Concat(calls.Select(call => NewLine + NewLine + indent + call.Format(indent, NewLine)))));
        }

        /// <summary>Adds calls at the start or the end of a method body (several fixes may add to one body).</summary>
        public void Insert(BlockSyntax body, bool atEnd, params MigrationCall[] calls)
        {
            var key = (body, atEnd);
            if (!_insertions.TryGetValue(key, out var pending))
            {
                pending = new List<MigrationCall>();
                _insertions.Add(key, pending);
            }

            // At the start of a body (Down undoing Up), a later fix's calls undo a later change: they go first.
            if (atEnd)
            {
                pending.AddRange(calls);
            }
            else
            {
                pending.InsertRange(0, calls);
            }
        }

        private TextChange Insertion(BlockSyntax body, bool atEnd, List<MigrationCall> calls)
        {
            if (body.Statements.Count > 0)
            {
                var anchor = atEnd ? body.Statements[body.Statements.Count - 1] : body.Statements[0];
                var indent = Indentation(anchor.SpanStart);
                return atEnd
                    ? new TextChange(new TextSpan(anchor.Span.End, 0), string.Concat(calls.Select(call => NewLine + NewLine + indent + call.Format(indent, NewLine))))
                    : new TextChange(new TextSpan(anchor.SpanStart, 0), string.Concat(calls.Select(call => call.Format(indent, NewLine) + NewLine + NewLine + indent)));
            }

            // An empty body, "{ }" on its own lines or with EF's blank line: the statements take its inside.
            var braceIndent = Indentation(body.OpenBraceToken.SpanStart);
            var statementIndent = braceIndent + "    ";
            var code = string.Join(NewLine + NewLine, calls.Select(call => statementIndent + call.Format(statementIndent, NewLine)));
            return new TextChange(TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart), NewLine + code + NewLine + braceIndent);
        }

        /// <summary>Makes a change computed elsewhere (inside a statement, also made to a copy of it).</summary>
        public void Change(TextChange change) => _changes.Add(change);

        /// <summary>Inserts text at a position.</summary>
        public void Insert(int position, string text) => _changes.Add(new TextChange(new TextSpan(position, 0), text));

        public string NewLineText => NewLine;

        /// <summary>The whitespace before the first token of the line a position is on.</summary>
        public string IndentationOfLine(int position) => LineIndentation(_text, position);

        /// <summary>The whitespace before the first token of the line <paramref name="position"/> is on in <paramref name="text"/>.</summary>
        public static string LineIndentation(SourceText text, int position)
        {
            var line = text.Lines.GetLineFromPosition(position).ToString();
            return line.Substring(0, line.Length - line.TrimStart().Length);
        }

        /// <summary>Replaces one node (an argument, a literal) by text.</summary>
        public void Replace(SyntaxNode node, string text) => _changes.Add(new TextChange(node.Span, text));

        /// <summary>Adds an argument after another, on its own line at the same indentation when the call is multi-line.</summary>
        public void AddArgumentAfter(ArgumentSyntax previous, string argument)
        {
            var line = _text.Lines.GetLineFromPosition(previous.SpanStart);
            var multiLine = _text.ToString(TextSpan.FromBounds(line.Start, previous.SpanStart)).Trim().Length == 0;
            var separator = multiLine ? "," + NewLine + Indentation(previous.SpanStart) : ", ";
            _changes.Add(new TextChange(new TextSpan(previous.Span.End, 0), separator + argument));
        }

        public SourceText Apply()
        {
            // Adjacent statements may claim the same blank line: merge overlapping removals.
            var merged = new List<TextSpan>();
            foreach (var span in _removals.OrderBy(span => span.Start))
            {
                if (merged.Count > 0 && merged[merged.Count - 1].End >= span.Start)
                {
                    var previous = merged[merged.Count - 1];
                    merged[merged.Count - 1] = TextSpan.FromBounds(previous.Start, System.Math.Max(previous.End, span.End));
                }
                else
                {
                    merged.Add(span);
                }
            }

            // Statements removed together at the start of a body each claim the blank line below the first: the one below
            // the last is left right after the brace.
            var lines = _text.Lines;
            for (var i = 0; i < merged.Count; i++)
            {
                var first = lines.GetLineFromPosition(merged[i].Start).LineNumber;
                var after = merged[i].End < _text.Length ? lines.GetLineFromPosition(merged[i].End) : (TextLine?)null;
                if (first > 0 && lines[first - 1].ToString().TrimEnd().EndsWith("{", System.StringComparison.Ordinal) && after is { } blank && IsBlank(blank)
                    && !merged.Any(span => span.Contains(blank.Start)))
                {
                    merged[i] = TextSpan.FromBounds(merged[i].Start, blank.EndIncludingLineBreak);
                }
            }

            var changes = merged.Select(span => new TextChange(span, string.Empty))
                .Concat(_changes.Concat(_insertions.Select(insertion => Insertion(insertion.Key.Body, insertion.Key.AtEnd, insertion.Value))).Where(change => !merged.Any(span => span.OverlapsWith(change.Span) || (change.Span.IsEmpty && span.Contains(change.Span.Start) && span.Start != change.Span.Start))))
                .OrderBy(change => change.Span.Start)
                .ToList();
            return _text.WithChanges(changes);
        }

        private string Indentation(int position)
        {
            var line = _text.Lines.GetLineFromPosition(position);
            var prefix = _text.ToString(TextSpan.FromBounds(line.Start, position));
            return prefix.Substring(0, prefix.Length - prefix.TrimStart().Length);
        }

        private static bool IsBlank(TextLine line) => string.IsNullOrWhiteSpace(line.ToString());
    }
}
