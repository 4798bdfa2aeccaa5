using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// The check's output, one finding a line so runs can be compared with diff. Files are named relative to the folder
    /// and without EF's timestamp prefix, which the migration id in each message already carries.
    /// </summary>
    internal sealed class Report
    {
        private const int ErrorsShown = 5;

        private static readonly Regex Timestamp = new Regex(@"^\d{14}_", RegexOptions.Compiled);

        private readonly string _folder;
        private readonly TextWriter _out;
        private readonly Census _census;
        private readonly ModelFacts? _facts;

        public Report(string folder, TextWriter output, Census census, ModelFacts? facts)
        {
            _folder = folder;
            _out = output;
            _census = census;
            _facts = facts;
        }

        public void Header(FolderCompilation folder, bool factsAsked)
        {
            var stubs = folder.Stubs;
            _out.WriteLine($"HistoryCheck {_folder}");
            _out.WriteLine($"compiled in {folder.Rounds} round(s); stubs: {stubs.NamespaceCount} namespace(s), {stubs.TypeCount} type(s) with {stubs.MemberCount} member(s), {stubs.ExtensionCount} builder method(s); DbContexts stubbed: {string.Join(", ", stubs.Contexts.DefaultIfEmpty("none"))}");
            if (factsAsked && _facts is null)
            {
                _out.WriteLine("facts: unavailable, the folder does not compile without errors (see the summary)");
            }
        }

        public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
        {
            _out.WriteLine();
            _out.WriteLine("== Diagnostics");
            foreach (var diagnostic in diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start))
            {
                _out.WriteLine($"{Where(diagnostic.Location)}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
                if (diagnostic.Properties.TryGetValue("MigrationId", out var id) && id is not null
                    && diagnostic.Properties.TryGetValue("Table", out var table) && table is not null)
                {
                    diagnostic.Properties.TryGetValue("Schema", out var schema);
                    diagnostic.Properties.TryGetValue("Column", out var column);
                    WriteFacts(id, new Target(schema, table, column, null));
                }
            }
        }

        /// <summary>
        /// The operations a judge must explain: in an Up whose migration and predecessor both have a designer (so the
        /// analyzer knows what the running version maps), with no diagnostic reported at the operation.
        /// </summary>
        public void Silent(IReadOnlyCollection<Diagnostic> diagnostics)
        {
            _out.WriteLine();
            _out.WriteLine("== Silent operations (Up of a migration with a designer after one with a designer, no diagnostic at the operation)");
            foreach (var operation in _census.Operations.Where(operation => IsJudgeable(operation) && !IsReported(operation, diagnostics)))
            {
                _out.WriteLine($"{Where(operation.Location)}: {operation.Kind} {operation.Target} [{operation.Migration.Id}]");
                WriteFacts(operation.Migration.Id, operation.Target);
            }
        }

        public void Summary(IReadOnlyCollection<Diagnostic> diagnostics, IReadOnlyCollection<Exception> exceptions, IReadOnlyList<Diagnostic> errors)
        {
            var census = _census;
            _out.WriteLine();
            _out.WriteLine("== Summary");
            _out.WriteLine($"migrations read: {census.Migrations.Count} (with a designer: {census.Migrations.Count(migration => migration.HasDesigner)}), DbContexts: {string.Join(", ", census.Migrations.Select(migration => migration.Context).Distinct())}");
            _out.WriteLine("operations in Up        found  with designer  and previous designer  reported");
            foreach (var kind in Enum.GetValues<OperationKind>())
            {
                var operations = census.Operations.Where(operation => operation.Kind == kind).ToList();
                var withDesigner = operations.Where(operation => operation.Migration.HasDesigner).ToList();
                var withBoth = withDesigner.Where(IsJudgeable).ToList();
                _out.WriteLine($"{kind,-20} {operations.Count,8} {withDesigner.Count,14} {withBoth.Count,22} {withBoth.Count(operation => IsReported(operation, diagnostics)),9}");
            }

            var byRule = diagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}");
            _out.WriteLine($"diagnostics: {diagnostics.Count} ({string.Join(", ", byRule.DefaultIfEmpty("none"))})");
            _out.WriteLine($"analyzer exceptions: {exceptions.Count} (AD0001: {diagnostics.Count(diagnostic => diagnostic.Id == "AD0001")})");
            foreach (var exception in exceptions)
            {
                _out.WriteLine("  " + exception);
            }

            var byError = errors.GroupBy(error => error.Id).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}");
            _out.WriteLine($"compile errors left: {errors.Count}{(errors.Count == 0 ? string.Empty : " (" + string.Join(", ", byError) + ")")}");
            foreach (var error in errors.Take(ErrorsShown))
            {
                _out.WriteLine($"  {Where(error.Location)}: {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        /// <summary>The running version's model is known: the migration and the one before it have designers.</summary>
        private static bool IsJudgeable(CensusOperation operation) => operation.Migration.HasDesigner && operation.Previous?.HasDesigner == true;

        /// <summary>What EF's models of the previous migration (the running version) and of this one map of the target.</summary>
        private void WriteFacts(string migrationId, Target target)
        {
            if (_facts is null)
            {
                return;
            }

            var previous = _census.Previous(migrationId) is { } before ? $"{before.Id}: {_facts.Describe(before.Id, target.Schema, target.Table, target.Column)}" : "none";
            _out.WriteLine($"    previous {previous}; this: {_facts.Describe(migrationId, target.Schema, target.Table, target.Column)}");
        }

        /// <summary>A diagnostic whose location lies in the operation's call.</summary>
        private static bool IsReported(CensusOperation operation, IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Any(diagnostic => diagnostic.Location.SourceTree == operation.Location.SourceTree && operation.Location.SourceSpan.Contains(diagnostic.Location.SourceSpan));

        private string Where(Location location)
        {
            var span = location.GetLineSpan();
            if (!span.IsValid)
            {
                return "(no file)";
            }

            var relative = Path.GetRelativePath(_folder, span.Path);
            var file = Timestamp.Replace(Path.GetFileName(relative), string.Empty);
            var directory = Path.GetDirectoryName(relative);
            return $"{(string.IsNullOrEmpty(directory) ? file : Path.Combine(directory, file))}({span.StartLinePosition.Line + 1})";
        }
    }
}
