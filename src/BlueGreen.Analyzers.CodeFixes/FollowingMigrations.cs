using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// New migrations that run right after an existing one and before the next of its history: a step taken out of it
    /// (an operation that must run outside its transaction) or a step that must follow it (a VALIDATE after NOT VALID).
    /// Each gets an id whose timestamp is one second after the previous (EF applies migrations in id order, and the
    /// 14 timestamp digits decide before any name does), a class beside the original (same folder, namespace, usings,
    /// base class), and a copy of the original's designer under the new id and name: the target model is the same, since
    /// what follows the migration changes no model, and it is what EF itself would scaffold (and what the analyzer reads
    /// as the model after each migration). Not made where the ids would not fit before the next migration or the
    /// original's layout is not EF's (its designer in its own file, or <c>[Migration]</c> on the migration class itself).
    /// </summary>
    internal sealed class FollowingMigrations
    {
        private static readonly DateTime LastTimestamp = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

        private readonly List<(string Name, int Order, IReadOnlyList<string> Up, IReadOnlyList<string> Down)> _queued = new List<(string, int, IReadOnlyList<string>, IReadOnlyList<string>)>();
        private readonly Compilation _compilation;
        private readonly string _context;
        private readonly MigrationEntry _migration;
        private readonly ClassDeclarationSyntax _class;
        private readonly ClassDeclarationSyntax? _designer;
        private readonly DateTime _timestamp;
        private readonly int _room;

        private FollowingMigrations(Compilation compilation, string context, MigrationEntry migration, ClassDeclarationSyntax declaration, ClassDeclarationSyntax? designer, DateTime timestamp, int room)
        {
            _compilation = compilation;
            _context = context;
            _migration = migration;
            _class = declaration;
            _designer = designer;
            _timestamp = timestamp;
            _room = room;
        }

        /// <summary>The Up statements the queued migrations take from the original (a split must leave it one).</summary>
        public int TakenFromUp { get; set; }

        /// <summary>
        /// Migrations to follow <paramref name="migration"/>; null when none can be written after it (see the class). Where
        /// no second is free before the next migration, they may go after it and the next ones that
        /// <paramref name="mayPass"/> (a migration split from this one earlier, which took the second right after it).
        /// </summary>
        public static FollowingMigrations? For(Compilation compilation, MigrationHistory history, MigrationEntry migration, Func<MigrationEntry, bool>? mayPass = null)
        {
            var index = IndexOf(history, migration);
            if (index < 0
                || migration.Up?.Parent is not ClassDeclarationSyntax { Parent: BaseNamespaceDeclarationSyntax or CompilationUnitSyntax } declaration
                || Timestamp(migration.Id) is not { } timestamp)
            {
                return null;
            }

            // The designer, as EF writes it: the [Migration] attribute on its class, in a file of its own; or no designer and
            // the attribute on the migration class, which the new class then carries too.
            var designer = migration.TargetModelMethod?.Parent as ClassDeclarationSyntax;
            if (designer is null ? MigrationAttribute(declaration) is null : designer.SyntaxTree == declaration.SyntaxTree || MigrationAttribute(designer) is null)
            {
                return null;
            }

            // The seconds free between a timestamp and the next migration's; an id not made of a timestamp next cannot be
            // placed against.
            var passed = new List<MigrationEntry>();
            for (var after = index; ; after++)
            {
                var room = (int)Math.Min(int.MaxValue, (LastTimestamp - timestamp).TotalSeconds);
                if (after + 1 < history.Migrations.Count)
                {
                    var next = history.Migrations[after + 1];
                    if (Timestamp(next.Id) is not { } nextTimestamp)
                    {
                        return null;
                    }

                    room = (int)Math.Min(room, (nextTimestamp - timestamp).TotalSeconds - 1);
                    if (room <= 0)
                    {
                        if (mayPass?.Invoke(next) != true)
                        {
                            return null;
                        }

                        passed.Add(next);
                        timestamp = nextTimestamp;
                        continue;
                    }
                }

                return room <= 0 ? null : new FollowingMigrations(compilation, history.Context.ToDisplayString(), migration, declaration, designer, timestamp, room) { Passed = passed };
            }
        }

        /// <summary>The migrations (after the original) the new ones go after, there being no free second before them.</summary>
        public IReadOnlyList<MigrationEntry> Passed { get; private set; } = Array.Empty<MigrationEntry>();

        /// <summary>Where a migration is in its history (by its Up, as the fixes found it); -1 when not there.</summary>
        public static int IndexOf(MigrationHistory history, MigrationEntry migration)
        {
            for (var i = 0; i < history.Migrations.Count; i++)
            {
                if (history.Migrations[i] == migration)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether one more migration fits before the next one.</summary>
        public bool HasRoom => _queued.Count < _room;

        /// <summary>
        /// Queues a migration; false when it does not fit. <paramref name="order"/> places it among the others queued after
        /// the same migration (the position in the original of what it takes, so they run in the original's order).
        /// Statements are C# as <see cref="MigrationCall.Format"/> writes them with no indentation: later lines indented
        /// relative to the first, <c>\n</c> between lines.
        /// </summary>
        public bool TryAdd(string name, int order, IReadOnlyList<string> up, IReadOnlyList<string> down)
        {
            if (!HasRoom)
            {
                return false;
            }

            _queued.Add((name, order, up, down));
            return true;
        }

        /// <summary>
        /// Adds the queued migrations (and designers) to <paramref name="solution"/>, beside the original's document in
        /// <paramref name="original"/> (the solution the fixes read); <paramref name="taken"/>: class names already given out.
        /// </summary>
        public Solution AddTo(Solution original, Solution solution, ISet<string> taken)
        {
            if (original.GetDocument(_class.SyntaxTree) is not { } beside || solution.GetProject(beside.Project.Id) is null)
            {
                return solution;
            }

            var ns = _class.Parent is BaseNamespaceDeclarationSyntax namespaceDeclaration ? namespaceDeclaration.Name.ToString() : null;
            var directory = beside.FilePath is null ? null : System.IO.Path.GetDirectoryName(beside.FilePath);
            var newLine = MigrationEdits.NewLineOf(_class.SyntaxTree.GetText());
            var seconds = 0;
            foreach (var (name, _, up, down) in _queued.OrderBy(queued => queued.Order))
            {
                var unique = Unique(ns, name, taken);
                var id = _timestamp.AddSeconds(++seconds).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + unique;
                var project = solution.GetProject(beside.Project.Id)!;
                project = project.AddDocument(id + ".cs", SourceText.From(MigrationText(ns, unique, id, up, down, newLine)), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".cs")).Project;
                if (_designer is not null)
                {
                    project = project.AddDocument(id + ".Designer.cs", SourceText.From(DesignerText(_designer, unique, id)), beside.Folders, directory is null ? null : System.IO.Path.Combine(directory, id + ".Designer.cs")).Project;
                }

                solution = project.Solution;
            }

            return solution;
        }

        /// <summary>The migration class, laid out as EF scaffolds one, with the original's usings, modifiers and base class.</summary>
        private string MigrationText(string? ns, string name, string id, IReadOnlyList<string> up, IReadOnlyList<string> down, string newLine)
        {
            // The moved statements may name types through the original's usings (Npgsql's value generation enums).
            var text = new StringBuilder();
            foreach (var directive in ((CompilationUnitSyntax)_class.SyntaxTree.GetRoot()).Usings)
            {
                text.Append(directive.ToString()).Append('\n');
            }

            text.Append(text.Length > 0 ? "\n" : string.Empty).Append("#nullable disable\n\n");
            var indent = ns is null ? string.Empty : "    ";
            if (ns is not null)
            {
                text.Append("namespace ").Append(ns).Append("\n{\n");
                var inner = ((BaseNamespaceDeclarationSyntax)_class.Parent!).Usings;
                foreach (var directive in inner)
                {
                    text.Append(indent).Append(directive.ToString()).Append('\n');
                }

                text.Append(inner.Count > 0 ? "\n" : string.Empty);
            }

            text.Append(indent).Append("/// <inheritdoc />\n");
            if (_designer is null)
            {
                // No designer to carry them: EF finds the migration by these.
                text.Append(indent).Append("[Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(").Append(_context).Append("))]\n")
                    .Append(indent).Append("[Microsoft.EntityFrameworkCore.Migrations.Migration(").Append(MigrationCode.Literal(id)).Append(")]\n");
            }

            text.Append(indent).Append(_class.Modifiers.ToString()).Append(" class ").Append(name).Append(' ').Append(_class.BaseList?.ToString().Trim() ?? ": Migration").Append('\n')
                .Append(indent).Append("{\n");
            Method(text, indent + "    ", _migration.Up, "Up", up);
            text.Append('\n');
            Method(text, indent + "    ", _migration.Down, "Down", down);
            text.Append(indent).Append("}\n");
            if (ns is not null)
            {
                text.Append("}\n");
            }

            return text.ToString().Replace("\n", newLine);
        }

        /// <summary>Up or Down with the original's signature (parameter name and type); an empty body as EF writes one.</summary>
        private static void Method(StringBuilder text, string indent, MethodDeclarationSyntax? original, string name, IReadOnlyList<string> statements)
        {
            var parameter = original?.ParameterList.Parameters[0];
            text.Append(indent).Append("/// <inheritdoc />\n")
                .Append(indent).Append(original?.Modifiers.ToString() ?? "protected override").Append(" void ").Append(name)
                .Append('(').Append(parameter?.Type?.ToString() ?? "MigrationBuilder").Append(' ').Append(parameter?.Identifier.ValueText ?? "migrationBuilder").Append(")\n")
                .Append(indent).Append("{\n");
            var inner = indent + "    ";
            text.Append(statements.Count == 0 ? "\n" : string.Join("\n\n", statements.Select(statement => inner + statement.Replace("\n", "\n" + inner))) + "\n");
            text.Append(indent).Append("}\n");
        }

        /// <summary>The original's designer under the new name and id: same usings, namespace and target model.</summary>
        private static string DesignerText(ClassDeclarationSyntax designer, string name, string id)
        {
            var changes = new List<TextChange> { new TextChange(designer.Identifier.Span, name) };
            if (MigrationAttribute(designer) is { ArgumentList.Arguments: { Count: 1 } arguments })
            {
                changes.Add(new TextChange(arguments[0].Span, MigrationCode.Literal(id)));
            }

            return designer.SyntaxTree.GetText().WithChanges(changes).ToString();
        }

        private static AttributeSyntax? MigrationAttribute(ClassDeclarationSyntax declaration) =>
            declaration.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
                attribute.Name.ToString().Split('.').Last() is "Migration" or "MigrationAttribute" && attribute.ArgumentList?.Arguments.Count == 1);

        private string Unique(string? ns, string name, ISet<string> taken)
        {
            var candidate = name;
            for (var suffix = 2; _compilation.GetTypeByMetadataName(ns is null ? candidate : ns + "." + candidate) is not null || !taken.Add((ns ?? string.Empty) + "." + candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>The UTC timestamp EF starts an id with (<c>yyyyMMddHHmmss_</c>); null for an id made otherwise.</summary>
        private static DateTime? Timestamp(string id) =>
            id.Length > 14 && id[14] == '_'
            && DateTime.TryParseExact(id.Substring(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp)
                ? timestamp
                : null;
    }
}
