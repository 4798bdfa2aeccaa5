using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>A scaffolded DropColumn taken out of Up, with the AddColumn taken out of Down, as EF wrote them, and the namespaces their migration used.</summary>
    internal sealed record CutDrop(string Up, string Down, IReadOnlyList<string> Usings);

    /// <summary>
    /// The hand edits of a two-step removal, which EF cannot scaffold, made as tests/HistoryGenerator/edit-migration.pl
    /// makes them for the corpus (<c>cut</c> and <c>put</c>): EF separates statements with one blank line and never writes
    /// one inside a statement, so a body splits into statements there. Each edit fails when a body is not what it expects.
    /// </summary>
    internal static class MigrationEdits
    {
        // The using directives EF writes at the top of a migration, one a line, System's first.
        private static readonly Regex UsingBlock = new Regex(@"\A(?:using ([\w.]+);(\r?\n))+");

        /// <summary>
        /// The model-only removal: takes from Up the scaffolded DropColumn of the column and from Down its AddColumn, which
        /// must leave both empty, as EF writes an empty body.
        /// </summary>
        public static string Cut(string code, RemovedColumn column, out CutDrop cut)
        {
            var up = Body(code, "Up");
            var down = Body(code, "Down");
            var head = $@"name: ""{Regex.Escape(column.Column)}"",(?:\s*schema: ""[^""]*"",)?\s*table: ""{Regex.Escape(column.Table)}""";
            var drop = Single(up.Statements, new Regex(@"^\s*migrationBuilder\.DropColumn\(\s*" + head + @"\);\s*\z"), code, "a DropColumn of " + column);
            var add = Single(down.Statements, new Regex(@"^\s*migrationBuilder\.AddColumn<[^>]+>\(\s*" + head + ","), code, "an AddColumn of " + column);
            if (up.Statements.Count != 1 || down.Statements.Count != 1)
            {
                throw new InvalidOperationException($"Up or Down does more than drop {column}:\n{code}");
            }

            cut = new CutDrop(drop, add, Usings(code));
            return down.Replace(up.Replace(code, Array.Empty<string>()), Array.Empty<string>());
        }

        /// <summary>The drop in a later release: fills the empty Up and Down of a migration without model change with what was cut, in order.</summary>
        public static string Put(string code, IReadOnlyList<CutDrop> cuts)
        {
            var up = Body(code, "Up");
            var down = Body(code, "Down");
            if (up.Statements.Count != 0 || down.Statements.Count != 0 || cuts.Count == 0)
            {
                throw new InvalidOperationException($"Up and Down must be empty, and something cut:\n{code}");
            }

            // The AddColumn of a DateTime needs System, which an empty migration does not import: the statements bring their usings.
            var usings = Usings(code).Union(cuts.SelectMany(cut => cut.Usings))
                .OrderBy(name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(name => name, StringComparer.Ordinal);
            var withUsings = UsingBlock.Replace(code, match => string.Concat(usings.Select(name => "using " + name + ";" + match.Groups[2].Value)), 1);
            return down.Replace(up.Replace(withUsings, cuts.Select(cut => cut.Up).ToList()), cuts.Select(cut => cut.Down).ToList());
        }

        private static List<string> Usings(string code) =>
            UsingBlock.Match(code).Groups[1].Captures.Select(capture => capture.Value).ToList();

        private static string Single(List<string> statements, Regex pattern, string code, string what)
        {
            var matches = statements.Where(statement => pattern.IsMatch(statement)).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidOperationException($"Expected exactly {what}, found {matches.Count}:\n{code}");
            }

            return matches[0];
        }

        private static MethodBody Body(string code, string method)
        {
            var pattern = new Regex(@"^([ \t]*)protected override void " + method + @"\(MigrationBuilder migrationBuilder\)(\r?\n)\1\{\r?\n(.*?)^\1\}", RegexOptions.Multiline | RegexOptions.Singleline);
            var matches = pattern.Matches(code);
            if (matches.Count != 1)
            {
                throw new InvalidOperationException($"Expected exactly one {method} method:\n{code}");
            }

            var statements = Regex.Split(matches[0].Groups[3].Value, @"\r?\n[ \t]*\r?\n")
                .Where(statement => statement.Trim().Length > 0)
                .Select(statement => statement.TrimEnd('\r', '\n'))
                .ToList();
            return new MethodBody(pattern, matches[0].Groups[2].Value, statements);
        }

        private sealed record MethodBody(Regex Pattern, string NewLine, List<string> Statements)
        {
            /// <summary>The code with this body's statements replaced; an empty body is a single blank line, as EF writes it.</summary>
            public string Replace(string code, IReadOnlyList<string> statements)
            {
                var body = statements.Count == 0 ? NewLine : string.Join(NewLine + NewLine, statements) + NewLine;
                return Pattern.Replace(code, match => match.Value.Substring(0, match.Groups[3].Index - match.Index) + body + match.Groups[1].Value + "}", 1);
            }
        }
    }
}
