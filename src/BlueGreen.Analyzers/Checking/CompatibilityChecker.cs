using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>
    /// The one checker behind the rules. It replays a history's <c>Up</c> operations once, in order, and
    /// judges each operation of an unshipped migration against the invariant: after it, the database still
    /// serves blue (S, the last shipped model) and green (the migration's target model). Each way to break
    /// the invariant is one rule, reported at the breaking operation.
    /// </summary>
    internal static class CompatibilityChecker
    {
        public static List<Finding> Check(MigrationHistory history, Releases releases, CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            var schema = new DatabaseSchema();
            var migrations = history.Migrations;
            for (var index = 0; index < migrations.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var migration = migrations[index];
                var judge = new Judge(migrations, index, releases, cancellationToken);
                foreach (var operation in migration.UpOperations(cancellationToken).Operations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!releases.IsShipped(index) && operation.Kind == SchemaOperationKind.DropColumn)
                    {
                        CheckDropColumn(operation, migration, judge, schema, findings);
                    }

                    schema.Apply(operation);
                }
            }

            return findings;
        }

        /// <summary>BG0001: a column S still maps is dropped.</summary>
        private static void CheckDropColumn(SchemaOperation operation, MigrationEntry migration, Judge judge, DatabaseSchema schema, List<Finding> findings)
        {
            if (judge.Shipped is not { } shipped || shipped.Model.Maps(operation.Table, operation.Column!) != Mapping.Mapped)
            {
                return;
            }

            var column = schema.Column(operation.Table, operation.Column!);
            var makeNullable = column is { Nullable: false, HasDefault: false };
            var properties = ImmutableDictionary.CreateRange(new[]
            {
                Property(FixProperties.Table, operation.Table.Name),
                Property(FixProperties.Schema, operation.Table.Schema),
                Property(FixProperties.Column, operation.Column),
                Property(FixProperties.MakeNullable, makeNullable ? "True" : "False"),
                Property(FixProperties.ClrType, column?.ClrType),
                Property(FixProperties.StoreType, column?.StoreType),
            });

            findings.Add(new Finding(
                Descriptors.DropColumn.Id,
                operation.Syntax.GetLocation(),
                new object[] { operation.Column!, operation.Table.ToString(), migration.Id, shipped.Name },
                properties));
        }

        private static KeyValuePair<string, string?> Property(string key, string? value) => new KeyValuePair<string, string?>(key, value);

        /// <summary>
        /// What a migration is judged against, read on first need only: most migrations never need the
        /// designer of the one before them, and designers are the bulk of a history's code.
        /// </summary>
        private sealed class Judge
        {
            private readonly IReadOnlyList<MigrationEntry> _migrations;
            private readonly int _index;
            private readonly Releases _releases;
            private readonly CancellationToken _cancellationToken;
            private bool _shippedRead;
            private ShippedModel? _shipped;

            public Judge(IReadOnlyList<MigrationEntry> migrations, int index, Releases releases, CancellationToken cancellationToken)
            {
                _migrations = migrations;
                _index = index;
                _releases = releases;
                _cancellationToken = cancellationToken;
            }

            /// <summary>S with the migration it comes from; null when it cannot be read (no designer).</summary>
            public ShippedModel? Shipped
            {
                get
                {
                    if (!_shippedRead)
                    {
                        var index = _releases.ShippedModelIndex(_index);
                        if (index < 0)
                        {
                            _shipped = new ShippedModel(TargetModel.Empty, "(none)");
                        }
                        else if (_migrations[index].TargetModel(_cancellationToken) is { } model)
                        {
                            _shipped = new ShippedModel(model, _migrations[index].Id);
                        }

                        _shippedRead = true;
                    }

                    return _shipped;
                }
            }
        }

        private sealed class ShippedModel
        {
            public ShippedModel(TargetModel model, string name)
            {
                Model = model;
                Name = name;
            }

            public TargetModel Model { get; }

            /// <summary>The id of the migration whose target model it is.</summary>
            public string Name { get; }
        }
    }
}
