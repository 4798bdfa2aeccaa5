using System;
using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0201's and BG0202's id policy for the migrations a split adds right after an existing one, before the next of its
    /// history (a step taken out of it: an operation that must run outside its transaction). Each gets an id whose
    /// timestamp is one second after the previous (EF applies migrations in id order, and the 14 timestamp digits decide
    /// before any name does), a class laid out as the original (same folder, namespace, usings, base class), and a copy of
    /// the original's designer under the new id and name: the target model is the same, since what follows the migration
    /// changes no model, and it is what EF itself would scaffold (and what the analyzer reads as the model after each
    /// migration). <see cref="NewMigration"/> writes and adds the files. Not made where the ids would not fit before the
    /// next migration or the original's layout is not EF's (its designer in its own file, or <c>[Migration]</c> on the
    /// migration class itself).
    /// </summary>
    internal sealed class FollowingMigrations
    {
        private readonly List<(string Name, int Order, IReadOnlyList<MigrationCall> Up, IReadOnlyList<MigrationCall> Down)> _queued = new List<(string, int, IReadOnlyList<MigrationCall>, IReadOnlyList<MigrationCall>)>();
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
            if (designer is null ? NewMigration.MigrationAttribute(declaration) is null : designer.SyntaxTree == declaration.SyntaxTree || NewMigration.MigrationAttribute(designer) is null)
            {
                return null;
            }

            // The seconds free between a timestamp and the next migration's; an id not made of a timestamp next cannot be
            // placed against.
            var passed = new List<MigrationEntry>();
            for (var after = index; ; after++)
            {
                var room = (int)Math.Min(int.MaxValue, (NewMigration.LastTimestamp - timestamp).TotalSeconds);
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
        /// </summary>
        public bool TryAdd(string name, int order, IReadOnlyList<MigrationCall> up, IReadOnlyList<MigrationCall> down)
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
            if (original.GetDocument(_class.SyntaxTree) is not { } beside)
            {
                return solution;
            }

            // The original's layout: the moved statements may name types through its usings (Npgsql's value generation enums).
            var writer = NewMigration.Like(beside, _class, _migration.Up, _migration.Down, _designer is null ? _context : null);
            var seconds = 0;
            foreach (var (name, _, up, down) in _queued.OrderBy(queued => queued.Order))
            {
                var unique = writer.ClassName(_compilation, name, taken);
                var id = NewMigration.Id(_timestamp.AddSeconds(++seconds), unique);
                solution = writer.AddTo(solution, id, writer.MigrationText(unique, id, up, down), _designer is null ? null : NewMigration.DesignerCopy(_designer, unique, id));
            }

            return solution;
        }

        /// <summary>The UTC timestamp EF starts an id with (<c>yyyyMMddHHmmss_</c>); null for an id made otherwise.</summary>
        private static DateTime? Timestamp(string id) => id.Length > 14 && id[14] == '_' ? NewMigration.TimestampOf(id) : null;
    }
}
