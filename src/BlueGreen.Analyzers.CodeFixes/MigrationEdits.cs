using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// Text edits to a migration file that keep it looking as EF wrote it: whole statements removed with
    /// the blank line that separated them, and new operations written in EF's one-argument-per-line style.
    /// Collects every edit of one document first, so a Fix All applies them together.
    /// </summary>
    internal sealed class MigrationEdits
    {
        private readonly SourceText _text;
        private readonly List<TextSpan> _removals = new List<TextSpan>();
        private readonly List<TextChange> _replacements = new List<TextChange>();

        public MigrationEdits(SourceText text)
        {
            _text = text;
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

        /// <summary>Replaces a statement by a call written in EF's style at the statement's indentation.</summary>
        public void Replace(StatementSyntax statement, string receiver, string method, IReadOnlyList<string> arguments)
        {
            var line = _text.Lines.GetLineFromPosition(statement.SpanStart);
            var indent = _text.ToString(TextSpan.FromBounds(line.Start, statement.SpanStart));
            var newLine = line.EndIncludingLineBreak > line.End ? _text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
            var code = receiver + "." + method + "(" + newLine
                + string.Join("," + newLine, arguments.Select(argument => indent + "    " + argument)) + ");";
            _replacements.Add(new TextChange(statement.Span, code));
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

            var changes = merged.Select(span => new TextChange(span, string.Empty))
                .Concat(_replacements.Where(replacement => !merged.Any(span => span.OverlapsWith(replacement.Span))))
                .OrderBy(change => change.Span.Start);
            return _text.WithChanges(changes);
        }

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        private static bool IsBlank(TextLine line) => string.IsNullOrWhiteSpace(line.ToString());
    }
}
