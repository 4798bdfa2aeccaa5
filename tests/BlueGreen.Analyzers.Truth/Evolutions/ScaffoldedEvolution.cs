using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BlueGreen.Analyzers.Truth.Databases;

namespace BlueGreen.Analyzers.Truth.Evolutions
{
    /// <summary>A step as scaffolded (and hand-edited): its migration's id and code.</summary>
    internal sealed record ScaffoldedStep(EvolutionStep Step, string MigrationId, string MigrationCode);

    /// <summary>
    /// An evolution as a developer's project holds it after one <c>migrations add</c> per step (and the hand edits of the
    /// two-step removals): the Migrations folder, and the model source of the last step.
    /// </summary>
    internal sealed class ScaffoldedEvolution
    {
        private ScaffoldedEvolution(Evolution evolution, DatabaseProvider provider, ImmutableList<ScaffoldedStep> steps, IReadOnlyDictionary<string, string> files)
        {
            Evolution = evolution;
            Provider = provider;
            Steps = steps;
            Files = files;
        }

        public Evolution Evolution { get; }

        public DatabaseProvider Provider { get; }

        public ImmutableList<ScaffoldedStep> Steps { get; }

        /// <summary>The project's files by name: the migrations, their designers, the snapshot and ShopContext.cs.</summary>
        public IReadOnlyDictionary<string, string> Files { get; }

        /// <summary>Writes the project's files into a folder (emptied first), and steps.txt: each step's migration and what it changes.</summary>
        public void WriteTo(string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var file in Files)
            {
                File.WriteAllText(Path.Combine(folder, file.Key), file.Value);
            }

            File.WriteAllLines(Path.Combine(folder, "steps.txt"), Steps.Select(step => step.MigrationId + ": " + step.Step.Description));
        }

        public static ScaffoldedEvolution Scaffold(Evolution evolution, DatabaseProvider provider)
        {
            IReadOnlyDictionary<string, string> files = new Dictionary<string, string>();
            var cuts = new Dictionary<RemovedColumn, CutDrop>();
            var steps = ImmutableList<ScaffoldedStep>.Empty;
            foreach (var step in evolution.Steps)
            {
                var migration = Scaffolder.AddMigration(files, ModelSource.Render(step.Model), step.MigrationName, provider);
                var code = migration.MigrationCode;
                if (step.Cut is { } column)
                {
                    code = MigrationEdits.Cut(code, column, out var cut);
                    cuts.Add(column, cut);
                }

                if (!step.Put.IsEmpty)
                {
                    code = MigrationEdits.Put(code, step.Put.Select(column => cuts[column]).ToList());
                }

                files = migration.Files.ToDictionary(file => file.Key, file => file.Key == migration.MigrationId + ".cs" ? code : file.Value, StringComparer.Ordinal);
                steps = steps.Add(new ScaffoldedStep(step, migration.MigrationId, code));
            }

            var project = files.ToDictionary(file => file.Key, file => file.Value, StringComparer.Ordinal);
            project.Add("ShopContext.cs", ModelSource.Render(evolution.Steps[^1].Model));
            return new ScaffoldedEvolution(evolution, provider, steps, project);
        }
    }
}
