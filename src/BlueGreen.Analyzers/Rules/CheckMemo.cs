using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>
    /// The diagnostics of each migration from the last analysis of each history, kept for the next compilation of the same
    /// declarations (an IDE edit inside a method body: see <see cref="Lineage"/>). A migration's findings depend on it and on
    /// the migrations before it (the replayed schema, the models, the releases), on the snapshot and on the server, never on
    /// a later migration; so after an edit to one migration, those before it keep their diagnostics, and the checker judges
    /// the edited one and those after it only (replaying the earlier ones without judging them: a fraction of the cost).
    /// Diagnostics, not findings, are kept: they hold locations in trees, never a compilation or its symbols.
    /// </summary>
    internal sealed class CheckMemo
    {
        private readonly object _gate = new object();
        private readonly Dictionary<int, Run> _runs = new Dictionary<int, Run>();

        /// <summary>The last finished run of the history at <paramref name="position"/> (in the epoch's order of histories); null: none yet.</summary>
        public Run? Last(int position)
        {
            lock (_gate)
            {
                return _runs.TryGetValue(position, out var run) ? run : null;
            }
        }

        /// <summary>Keeps a finished run (a cancelled one never gets here) for the next compilation.</summary>
        public void Store(int position, Run run)
        {
            lock (_gate)
            {
                _runs[position] = run;
            }
        }

        /// <summary>What one history's check was computed from, and the diagnostics it gave each migration.</summary>
        internal sealed class Run
        {
            private readonly Inputs _history;
            private readonly MigrationInputs[] _migrations;

            public Run(MigrationHistory history, ReleasePlan releases, DatabaseTarget target, CancellationToken cancellationToken)
            {
                _history = new Inputs(Place(history.SnapshotModelMethod), history.Provider(cancellationToken), target, releases.LastShipped, releases.FromManifest);
                _migrations = new MigrationInputs[history.Migrations.Count];
                for (var index = 0; index < _migrations.Length; index++)
                {
                    var migration = history.Migrations[index];
                    _migrations[index] = new MigrationInputs(migration.Id, Place(migration.Up), migration.UpOperations(cancellationToken), Place(migration.TargetModelMethod));
                }

                Diagnostics = new IReadOnlyList<Diagnostic>[_migrations.Length];
            }

            /// <summary>Filled in by the analysis, migration by migration, before the run is stored; never changed after.</summary>
            public IReadOnlyList<Diagnostic>[] Diagnostics { get; }

            /// <summary>The number of migrations, from the first, whose findings a run with <paramref name="other"/>'s inputs would give as this one did.</summary>
            public int SharedPrefix(Run other)
            {
                if (!_history.Equals(other._history))
                {
                    return 0;
                }

                var shared = 0;
                while (shared < _migrations.Length && shared < other._migrations.Length && _migrations[shared].Equals(other._migrations[shared]))
                {
                    shared++;
                }

                return shared;
            }

            // A method by tree and span: a tree is immutable, so the same tree means the same code (the node objects of a
            // tree may be made again). Null for a method that is not there.
            private static (SyntaxTree Tree, TextSpan Span)? Place(MethodDeclarationSyntax? method) =>
                method is null ? null : (method.SyntaxTree, method.Span);
        }

        /// <summary>What every migration's findings depend on: the snapshot's model, the provider, the server, the releases.</summary>
        private readonly record struct Inputs((SyntaxTree, TextSpan)? Snapshot, Provider? Provider, DatabaseTarget Target, int LastShipped, bool FromManifest);

        /// <summary>
        /// One migration as the checker reads it: its id, its <c>Up</c> and the operations read from it (the same object for
        /// an unchanged tree; read again with constants bound, a new one per compilation, which is never taken for the same),
        /// and its designer.
        /// </summary>
        private readonly struct MigrationInputs : IEquatable<MigrationInputs>
        {
            private readonly string _id;
            private readonly (SyntaxTree, TextSpan)? _up;
            private readonly MigrationOperations _operations;
            private readonly (SyntaxTree, TextSpan)? _targetModel;

            public MigrationInputs(string id, (SyntaxTree, TextSpan)? up, MigrationOperations operations, (SyntaxTree, TextSpan)? targetModel)
            {
                _id = id;
                _up = up;
                _operations = operations;
                _targetModel = targetModel;
            }

            public bool Equals(MigrationInputs other) =>
                string.Equals(_id, other._id, StringComparison.Ordinal)
                && Equals(_up, other._up)
                && ReferenceEquals(_operations, other._operations)
                && Equals(_targetModel, other._targetModel);

            public override bool Equals(object? obj) => obj is MigrationInputs other && Equals(other);

            public override int GetHashCode() => _id.GetHashCode();

            private static bool Equals((SyntaxTree Tree, TextSpan Span)? left, (SyntaxTree Tree, TextSpan Span)? right) =>
                left is null ? right is null : right is { } value && ReferenceEquals(left.Value.Tree, value.Tree) && left.Value.Span == value.Span;
        }
    }
}
