using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    internal enum MutationKind
    {
        /// <summary>The file cut after a token, as while typing it.</summary>
        Truncate,

        /// <summary>A token deleted.</summary>
        DeleteToken,

        /// <summary>A node (statement, argument, attribute, member, class) or a run of tokens written twice.</summary>
        DuplicateSpan,

        /// <summary>A literal replaced by null, a number, an interpolated string, an expression, an odd string or another literal of the history.</summary>
        ReplaceLiteral,

        /// <summary>A token replaced by another token of the same file.</summary>
        ReplaceToken,

        /// <summary>An argument deleted with its comma: a default value, a nullability, a schema, a name.</summary>
        DeleteArgument,

        /// <summary>An attribute list removed, or all those of one declaration ([DbContext] and [Migration] together).</summary>
        RemoveAttributes,

        /// <summary>A designer's [Migration] id set to another migration's id (two migrations, one id), or to an odd one.</summary>
        ChangeId,

        /// <summary>A migration's own file removed: its designer stays.</summary>
        DesignerWithoutMigration,

        /// <summary>A designer removed: its migration stays.</summary>
        MigrationWithoutDesigner,

        /// <summary>Up (or Down, BuildTargetModel, BuildModel) with an empty body.</summary>
        EmptyMethod,

        /// <summary>Two to four of the edits above (literal, token, deletion, duplication) in one file, as a hand edit makes.</summary>
        SeveralEdits,

        /// <summary>A hand-written <c>migrationBuilder.Sql(...)</c> of random SQL about the history's tables and columns, in an Up.</summary>
        InsertSql,

        /// <summary>No C# change: a release manifest of ids, fingerprints, headings and garbage lines.</summary>
        GarbageManifest,
    }

    /// <summary>One file of the history a mutant starts from.</summary>
    internal sealed class MutableFile
    {
        public MutableFile(DocumentId id, string name, SyntaxTree tree)
        {
            Id = id;
            Name = name;
            Tree = tree;
            Text = tree.GetText().ToString();
            Tokens = tree.GetRoot().DescendantTokens().Where(token => token.Span.Length > 0).ToArray();
        }

        public DocumentId Id { get; }

        public string Name { get; }

        public SyntaxTree Tree { get; }

        public string Text { get; }

        public SyntaxToken[] Tokens { get; }

        public bool IsDesigner => Name.EndsWith(".Designer.cs", StringComparison.Ordinal);

        /// <summary>A migration's own file (not its designer, not the snapshot): "&lt;id&gt;.cs".</summary>
        public bool IsMigration => !IsDesigner && Name.Length > 15 && char.IsDigit(Name[0]) && Name[14] == '_';
    }

    /// <summary>One replacement in a file's original text.</summary>
    internal readonly struct Edit
    {
        public Edit(TextSpan span, string text)
        {
            Span = span;
            Text = text;
        }

        public TextSpan Span { get; }

        public string Text { get; }
    }

    /// <summary>
    /// One mutant: one file of a history edited (or removed), and optionally a release manifest. Everything needed
    /// to apply it and to show a developer the smallest regions that differ from the scaffolder's output.
    /// </summary>
    internal sealed class Mutation
    {
        public Mutation(MutationKind kind, MutableFile? file, params Edit[] edits)
        {
            Kind = kind;
            File = file;
            Edits = edits.OrderBy(edit => edit.Span.Start).ToArray();
        }

        public MutationKind Kind { get; }

        /// <summary>The file edited or removed; null when only the manifest differs.</summary>
        public MutableFile? File { get; }

        /// <summary>Non-overlapping edits of the file's original text, in order; none when the file is removed.</summary>
        public IReadOnlyList<Edit> Edits { get; }

        public bool RemovesFile => File is not null && Edits.Count == 0;

        /// <summary>The text of ShippedMigrations.md, when the mutant has one.</summary>
        public string? Manifest { get; set; }

        public static Mutation Removal(MutationKind kind, MutableFile file) => new Mutation(kind, file);

        /// <summary>No C# change; a manifest, or none (the history as it is).</summary>
        public static Mutation ManifestOnly(string? manifest) => new Mutation(MutationKind.GarbageManifest, null) { Manifest = manifest };

        /// <summary>Smaller mutants, one step each: without the manifest, one edit alone, the manifest less one line.</summary>
        public IEnumerable<Mutation> Smaller()
        {
            if (Manifest is not null && File is not null)
            {
                yield return new Mutation(Kind, File, Edits.ToArray());
            }

            if (Edits.Count > 1)
            {
                foreach (var edit in Edits)
                {
                    yield return new Mutation(Kind, File, edit) { Manifest = Manifest };
                }
            }

            var lines = Manifest?.Split('\n') ?? Array.Empty<string>();
            for (var line = 0; lines.Length > 1 && line < lines.Length; line++)
            {
                yield return new Mutation(Kind, File, Edits.ToArray()) { Manifest = string.Join("\n", lines.Where((_, index) => index != line)) };
            }
        }

        public string Apply()
        {
            var text = new StringBuilder(File!.Text);
            foreach (var edit in Edits.Reverse())
            {
                text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.Text);
            }

            return text.ToString();
        }

        /// <summary>Each region that differs, with the lines around it in the mutated text; the manifest.</summary>
        public string Describe()
        {
            var text = new StringBuilder();
            if (File is null)
            {
                text.AppendLine("no C# change");
            }
            else if (RemovesFile)
            {
                text.AppendLine($"{File.Name} removed");
            }
            else
            {
                var original = SourceText.From(File.Text);
                var mutated = SourceText.From(Apply());
                var shift = 0;
                foreach (var edit in Edits)
                {
                    var position = original.Lines.GetLinePosition(edit.Span.Start);
                    text.AppendLine($"{File.Name}({position.Line + 1},{position.Character + 1}): {Quote(File.Text.Substring(edit.Span.Start, edit.Span.Length))} -> {Quote(edit.Text)}");
                    var start = edit.Span.Start + shift;
                    shift += edit.Text.Length - edit.Span.Length;
                    var first = Math.Max(0, mutated.Lines.GetLinePosition(Math.Min(mutated.Length, start)).Line - 2);
                    var last = Math.Min(mutated.Lines.Count - 1, mutated.Lines.GetLinePosition(Math.Min(mutated.Length, start + edit.Text.Length)).Line + 2);
                    for (var line = first; line <= last; line++)
                    {
                        text.Append("    ").Append((line + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").AppendLine(mutated.Lines[line].ToString());
                    }
                }
            }

            if (Manifest is not null)
            {
                text.AppendLine("ShippedMigrations.md:");
                foreach (var line in Manifest.Split('\n'))
                {
                    text.Append("    | ").AppendLine(Quote(line.TrimEnd('\r'), quote: false));
                }
            }

            return text.ToString();
        }

        private static string Quote(string value, bool quote = true)
        {
            var shown = value.Length > 160 ? value.Substring(0, 80) + "..." + value.Substring(value.Length - 60) : value;
            var escaped = new StringBuilder();
            foreach (var c in shown)
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when char.IsControl(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            return quote ? "\"" + escaped + "\"" : escaped.ToString();
        }
    }

    /// <summary>
    /// Makes mutants of a scaffolder-made history: the damage typing and hand edits do to migrations, designers and
    /// the snapshot, and garbage in the release manifest. Deterministic for a given <see cref="Random"/>.
    /// </summary>
    internal static class Mutator
    {
        private static readonly (MutationKind Kind, int Weight)[] Kinds =
        {
            (MutationKind.Truncate, 14),
            (MutationKind.DeleteToken, 14),
            (MutationKind.DuplicateSpan, 12),
            (MutationKind.ReplaceLiteral, 18),
            (MutationKind.ReplaceToken, 8),
            (MutationKind.DeleteArgument, 6),
            (MutationKind.RemoveAttributes, 6),
            (MutationKind.ChangeId, 5),
            (MutationKind.DesignerWithoutMigration, 4),
            (MutationKind.MigrationWithoutDesigner, 4),
            (MutationKind.EmptyMethod, 6),
            (MutationKind.InsertSql, 6),
            (MutationKind.SeveralEdits, 8),
            (MutationKind.GarbageManifest, 9),
        };

        // What a literal may become: null, numbers, interpolated strings, expressions, and strings a name should never be.
        private static readonly string[] LiteralReplacements =
        {
            "null", "default", "(string)null", "0", "-1", "2147483648", "1.5", "0x7fffffff", "1e400", "'c'", "true",
            "$\"\"", "$\"{0}\"", "$\"Fa{1}x\"", "$\"Customers\"", "$\"{null}\"",
            "\"Fa\" + \"x\"", "\"a\" + null", "nameof(Fax)", "nameof(System.String)", "Name()", "x.y", "\"x\".ToString()", "typeof(int)",
            "new[] { \"a\" }", "b ? \"a\" : \"b\"", "((\"Customers\"))", "@\"Customers\"", "\"\"\"raw\"\"\"", "\"\"", " ", "\"\\0\"",
            "\"\\uD800\"", "\"Cust\\\"omers\"", "\"[Customers]\"", "\"a.b.c\"", "\"Customers\\r\\nx\"", "\"\u00e9\u4e2d\"", "\"" + new string('W', 600) + "\"",
        };

        // Ids no scaffolder writes: the last second EF's timestamps can name, the first, no name, no timestamp, odd characters.
        private static readonly string[] OddIds =
        {
            "99991231235959_Last", "00010101000000_First", "20261126000000", "Initial", "", " ", "2026112612000_Short", "20261126120000_With Space",
            "\u0662\u0660\u0662\u0666\u0661\u0661\u0662\u0666\u0661\u0662\u0660\u0660\u0660\u0660_ArabicDigits", "20261126120000_" + new string('X', 300),
        };

        private static readonly string[] MethodsToEmpty = { "Up", "Up", "Up", "Down", "BuildTargetModel", "BuildModel" };

        public static Mutation Create(Random random, MutationSubject subject)
        {
            for (var attempt = 0; ; attempt++)
            {
                var kind = Pick(random);
                if (kind == MutationKind.GarbageManifest)
                {
                    return Mutation.ManifestOnly(Manifest(random, subject, garbage: true));
                }

                // Half the time a migration's own file, where developers type; else any file, designers and snapshot too.
                var migrations = subject.Files.Where(candidate => candidate.IsMigration).ToArray();
                var file = random.Next(2) == 0 && migrations.Length > 0 ? migrations[random.Next(migrations.Length)] : subject.Files[random.Next(subject.Files.Count)];
                var mutation = kind switch
                {
                    MutationKind.DesignerWithoutMigration => file.IsMigration ? Mutation.Removal(kind, file) : null,
                    MutationKind.MigrationWithoutDesigner => file.IsDesigner ? Mutation.Removal(kind, file) : null,
                    MutationKind.SeveralEdits => Several(random, subject, file),
                    _ => OneEdit(random, kind, subject, file) is { } edit ? new Mutation(kind, file, edit) : null,
                };
                if (mutation is not null || attempt > 100)
                {
                    mutation ??= Mutation.ManifestOnly(Manifest(random, subject, garbage: true));

                    // A quarter of the C# mutants also have a manifest: shipped migrations, BG0100, BG0010 and the fixes that write it.
                    if (mutation.Manifest is null && random.Next(4) == 0)
                    {
                        mutation.Manifest = Manifest(random, subject, garbage: random.Next(2) == 0);
                    }

                    return mutation;
                }
            }
        }

        private static MutationKind Pick(Random random)
        {
            var roll = random.Next(Kinds.Sum(kind => kind.Weight));
            foreach (var (kind, weight) in Kinds)
            {
                if (roll < weight)
                {
                    return kind;
                }

                roll -= weight;
            }

            throw new InvalidOperationException();
        }

        /// <summary>Two to four edits of the kinds that leave the rest of the file alone, not overlapping.</summary>
        private static Mutation? Several(Random random, MutationSubject subject, MutableFile file)
        {
            var kinds = new[] { MutationKind.ReplaceLiteral, MutationKind.ReplaceLiteral, MutationKind.ReplaceToken, MutationKind.DeleteToken, MutationKind.DeleteArgument, MutationKind.DuplicateSpan };
            var edits = new List<Edit>();
            for (var count = 2 + random.Next(3); count > 0; count--)
            {
                if (OneEdit(random, kinds[random.Next(kinds.Length)], subject, file) is { } edit
                    && !edits.Exists(other => other.Span.IntersectsWith(edit.Span)))
                {
                    edits.Add(edit);
                }
            }

            return edits.Count == 0 ? null : new Mutation(MutationKind.SeveralEdits, file, edits.ToArray());
        }

        /// <summary>One edit of <paramref name="file"/>; null when the file has nothing this kind of edit applies to.</summary>
        private static Edit? OneEdit(Random random, MutationKind kind, MutationSubject subject, MutableFile file)
        {
            var tokens = file.Tokens;
            switch (kind)
            {
                case MutationKind.Truncate:
                {
                    var token = tokens[random.Next(tokens.Length)];
                    return new Edit(TextSpan.FromBounds(token.Span.End, file.Text.Length), string.Empty);
                }

                case MutationKind.DeleteToken:
                    return new Edit(tokens[random.Next(tokens.Length)].Span, string.Empty);

                case MutationKind.DuplicateSpan:
                {
                    TextSpan span;
                    if (random.Next(2) == 0)
                    {
                        var nodes = file.Tree.GetRoot().DescendantNodes()
                            .Where(node => node is StatementSyntax or ArgumentSyntax or AttributeListSyntax or MemberDeclarationSyntax or AnonymousObjectMemberDeclaratorSyntax)
                            .ToArray();
                        span = nodes[random.Next(nodes.Length)].FullSpan;
                    }
                    else
                    {
                        var start = random.Next(tokens.Length);
                        var end = Math.Min(tokens.Length - 1, start + random.Next(12));
                        span = TextSpan.FromBounds(tokens[start].FullSpan.Start, tokens[end].FullSpan.End);
                    }

                    return new Edit(new TextSpan(span.End, 0), file.Text.Substring(span.Start, span.Length));
                }

                case MutationKind.ReplaceLiteral:
                {
                    var literals = file.Tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().ToArray();
                    if (literals.Length == 0)
                    {
                        return null;
                    }

                    // Half the time another string of the history: a base type naming itself, two tables of one name, a column moved.
                    var literal = literals[random.Next(literals.Length)];
                    var strings = subject.Strings;
                    return new Edit(literal.Span, random.Next(2) == 0
                        ? LiteralReplacements[random.Next(LiteralReplacements.Length)]
                        : SymbolDisplay.FormatLiteral(strings[random.Next(strings.Count)], quote: true));
                }

                case MutationKind.ReplaceToken:
                {
                    var token = tokens[random.Next(tokens.Length)];
                    return new Edit(token.Span, tokens[random.Next(tokens.Length)].Text);
                }

                case MutationKind.DeleteArgument:
                {
                    // Half the time a named one, as EF writes operations: defaultValue, nullable, schema, oldType...
                    var named = random.Next(2) == 0;
                    var arguments = file.Tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>().Where(argument => !named || argument.NameColon is not null).ToArray();
                    if (arguments.Length == 0 || arguments[random.Next(arguments.Length)] is not { Parent: BaseArgumentListSyntax list } argument)
                    {
                        return null;
                    }

                    // With the comma before it, or after it for the first of several.
                    var index = list.Arguments.IndexOf(argument);
                    var separators = list.Arguments.GetSeparators().ToArray();
                    var span = index > 0 ? TextSpan.FromBounds(separators[index - 1].SpanStart, argument.Span.End)
                        : separators.Length > 0 ? TextSpan.FromBounds(argument.SpanStart, separators[0].Span.End)
                        : argument.Span;
                    return new Edit(span, string.Empty);
                }

                case MutationKind.RemoveAttributes:
                {
                    var lists = file.Tree.GetRoot().DescendantNodes().OfType<AttributeListSyntax>().ToArray();
                    if (lists.Length == 0)
                    {
                        return null;
                    }

                    // One attribute list, or all those of its declaration.
                    var list = lists[random.Next(lists.Length)];
                    if (random.Next(3) == 0 && list.Parent is MemberDeclarationSyntax member)
                    {
                        return new Edit(TextSpan.FromBounds(member.AttributeLists.First().FullSpan.Start, member.AttributeLists.Last().FullSpan.End), string.Empty);
                    }

                    return new Edit(list.FullSpan, string.Empty);
                }

                case MutationKind.ChangeId:
                {
                    if (!file.IsDesigner || MigrationIdLiteral(file) is not { } literal || subject.Ids.Count < 2)
                    {
                        return null;
                    }

                    var other = subject.Ids.Where(id => id != literal.Token.ValueText).ToArray();
                    return new Edit(literal.Span, SymbolDisplay.FormatLiteral(random.Next(3) > 0 ? other[random.Next(other.Length)] : OddIds[random.Next(OddIds.Length)], quote: true));
                }

                case MutationKind.EmptyMethod:
                {
                    var name = MethodsToEmpty[random.Next(MethodsToEmpty.Length)];
                    var method = file.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                        .FirstOrDefault(candidate => candidate.Identifier.ValueText == name && candidate.Body is not null);
                    return method is null ? null : new Edit(method.Body!.Span, random.Next(2) == 0 ? "{ }" : "{\n        }");
                }

                case MutationKind.InsertSql:
                {
                    var up = file.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                        .FirstOrDefault(method => method.Identifier.ValueText == "Up" && method.Body is not null && method.ParameterList.Parameters.Count == 1);
                    if (up is null)
                    {
                        return null;
                    }

                    var statements = up.Body!.Statements;
                    var position = statements.Count == 0 ? up.Body.OpenBraceToken.Span.End : statements[random.Next(statements.Count)].FullSpan.Start;
                    var sql = SymbolDisplay.FormatLiteral(Sql(random, subject.Strings), quote: true);
                    return new Edit(new TextSpan(position, 0), "\n            " + up.ParameterList.Parameters[0].Identifier.ValueText + ".Sql(" + sql + ");\n");
                }

                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }

        // The words SqlReader looks for, and the punctuation between them.
        private static readonly string[] SqlWords =
        {
            "ALTER", "TABLE", "DROP", "COLUMN", "RENAME", "TO", "IF", "EXISTS", "ONLY", "UPDATE", "SET", "=", ",", ".", ";", "(", ")",
            "EXEC", "sp_rename", "'COLUMN'", "'OBJECT'", "@objname", "@newname", "@objtype", "N'", "'", "[", "]", "\"", "`", "--", "/*", "*/",
            "CONSTRAINT", "INDEX", "ADD", "GO", "\n", "dbo", "public",
        };

        /// <summary>
        /// SQL a developer might write by hand, or half-write: mostly a statement SqlReader understands about the history's
        /// names, with random words, quotes and comments mixed in, and sometimes cut short.
        /// </summary>
        private static string Sql(Random random, IReadOnlyList<string> names)
        {
            string Name() => names[random.Next(names.Count)];
            string Quoted(string name) => random.Next(4) switch { 0 => "[" + name + "]", 1 => "\"" + name + "\"", 2 => "`" + name + "`", _ => name };
            var sql = new StringBuilder(random.Next(6) switch
            {
                0 => $"ALTER TABLE {Quoted(Name())} DROP COLUMN {Quoted(Name())}",
                1 => $"ALTER TABLE {Quoted(Name())}.{Quoted(Name())} RENAME COLUMN {Quoted(Name())} TO {Quoted(Name())}",
                2 => $"EXEC sp_rename '{Name()}.{Name()}', '{Name()}', 'COLUMN'",
                3 => $"DROP TABLE IF EXISTS {Quoted(Name())}, {Quoted(Name())}",
                4 => $"UPDATE {Quoted(Name())} SET {Quoted(Name())} = {Quoted(Name())}",
                _ => string.Empty,
            });
            for (var words = random.Next(12); words > 0; words--)
            {
                sql.Append(' ').Append(random.Next(3) == 0 ? Quoted(Name()) : SqlWords[random.Next(SqlWords.Length)]);
            }

            var text = sql.ToString();
            return random.Next(3) == 0 ? text.Substring(0, random.Next(text.Length + 1)) : text;
        }

        private static LiteralExpressionSyntax? MigrationIdLiteral(MutableFile file) =>
            file.Tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Where(attribute => attribute.Name.ToString() is "Migration" or "MigrationAttribute")
                .Select(attribute => attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax)
                .FirstOrDefault(literal => literal is not null);

        /// <summary>
        /// A release manifest: ids of this history (in order, out of order, twice), with right or wrong fingerprints,
        /// headings and comments; with <paramref name="garbage"/>, lines no grammar allows, odd line breaks and characters.
        /// </summary>
        public static string Manifest(Random random, MutationSubject subject, bool garbage)
        {
            var ids = subject.Ids;
            var text = new StringBuilder();
            var lines = 1 + random.Next(garbage ? 14 : 5);
            for (var i = 0; i < lines; i++)
            {
                var id = ids[random.Next(ids.Count)];
                string line = (garbage ? random.Next(25) : random.Next(6)) switch
                {
                    0 => "- " + id,
                    5 => "- " + id + " " + subject.Fingerprints[id],
                    1 => id,
                    2 => "## Release " + i.ToString(CultureInfo.InvariantCulture),
                    3 => "- " + id + " sha256:" + Hex(random, 24),
                    4 => "# a comment",
                    24 => string.Empty,
                    6 => "-",
                    7 => "- ",
                    8 => "##",
                    9 => "- " + id + " " + id,
                    10 => "- " + id + " and some words",
                    11 => "* " + id,
                    12 => "- 29991231235959_NoSuchMigration",
                    13 => "\t  - " + id + "\t ",
                    14 => "- " + id + " sha256:",
                    15 => "- " + id + " SHA256:" + Hex(random, 24),
                    16 => new string('-', 1 + random.Next(3000)),
                    17 => "- " + id.Substring(0, random.Next(id.Length + 1)),
                    18 => "\u0000\u0001\u00a0\u2028\u200b\ufeff" + id,
                    19 => "- \ud800" + id,
                    20 => "[" + id + "](link)",
                    21 => "- " + id + "\r",
                    22 => RandomCharacters(random),
                    _ => "- " + ids[ids.Count - 1 - random.Next(ids.Count)],
                };
                text.Append(line);
                if (i < lines - 1 || random.Next(2) == 0)
                {
                    text.Append((garbage ? random.Next(4) : 0) switch { 1 => "\r\n", 2 => "\r", _ => "\n" });
                }
            }

            return text.ToString();
        }

        private static string Hex(Random random, int length)
        {
            var hex = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                hex.Append("0123456789abcdef"[random.Next(16)]);
            }

            return hex.ToString();
        }

        private static string RandomCharacters(Random random)
        {
            var text = new StringBuilder();
            var length = random.Next(40);
            for (var i = 0; i < length; i++)
            {
                text.Append((char)(random.Next(3) == 0 ? random.Next(0x20, 0x7f) : random.Next(0x80, 0xfffe)));
            }

            return text.ToString();
        }
    }
}
