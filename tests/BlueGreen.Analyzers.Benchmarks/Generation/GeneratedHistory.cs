using System;
using System.Collections.Generic;
using System.Linq;

namespace BlueGreen.Analyzers.Benchmarks.Generation
{
    internal enum FileKind
    {
        Migration,
        Designer,
        Snapshot,
        Code,
    }

    internal sealed class GeneratedFile
    {
        public GeneratedFile(string path, string text, FileKind kind)
        {
            Path = path;
            Text = text;
            Kind = kind;
        }

        /// <summary>Relative to the project folder, with '/' separators.</summary>
        public string Path { get; }

        public string Text { get; }

        public FileKind Kind { get; }

        public int Lines
        {
            get
            {
                var lines = 0;
                foreach (var character in Text)
                {
                    if (character == '\n')
                    {
                        lines++;
                    }
                }

                return lines;
            }
        }
    }

    /// <summary>A DropColumn the generator made unsafe on purpose: BG0001 must report it.</summary>
    internal sealed record UnsafeDrop(string MigrationId, string Table, string Column);

    /// <summary>The source files of a generated EF Core project, and what the analyzer must find in them.</summary>
    internal sealed class GeneratedHistory
    {
        public GeneratedHistory(int migrations, IReadOnlyList<GeneratedFile> files, IReadOnlyList<UnsafeDrop> unsafeDrops, int twoStepRemovals, IReadOnlyDictionary<string, int> kinds)
        {
            Migrations = migrations;
            Files = files;
            UnsafeDrops = unsafeDrops;
            TwoStepRemovals = twoStepRemovals;
            Kinds = kinds;
        }

        public int Migrations { get; }

        public IReadOnlyList<GeneratedFile> Files { get; }

        public IReadOnlyList<UnsafeDrop> UnsafeDrops { get; }

        /// <summary>Columns removed from the model in one migration and dropped in a later one (second step reached).</summary>
        public int TwoStepRemovals { get; }

        /// <summary>How many migrations of each kind the history holds.</summary>
        public IReadOnlyDictionary<string, int> Kinds { get; }

        public long Lines => Files.Sum(file => (long)file.Lines);

        public IEnumerable<GeneratedFile> Designers => Files.Where(file => file.Kind == FileKind.Designer);

        /// <summary>
        /// A release manifest (ShippedMigrations.md) listing every migration but the last <paramref name="unshipped"/>,
        /// in releases of 20 migrations, as a team adopting the analyzer on this history would keep it.
        /// </summary>
        public string Manifest(int unshipped = 5)
        {
            var ids = Files.Where(file => file.Kind == FileKind.Migration)
                .Select(file => System.IO.Path.GetFileNameWithoutExtension(file.Path))
                .Take(Math.Max(0, Migrations - unshipped))
                .ToList();
            var text = new System.Text.StringBuilder("# Migrations deployed to production, by release.\n");
            for (var index = 0; index < ids.Count; index++)
            {
                if (index % 20 == 0)
                {
                    text.Append("\n## Release ").Append(index / 20 + 1).Append('\n');
                }

                text.Append("- ").Append(ids[index]).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>The migration file (not the designer) of the migration in the middle of the history: the one the IDE scenario edits.</summary>
        public GeneratedFile EditTarget => Files.Where(file => file.Kind == FileKind.Migration).ElementAt(Migrations / 2);

        /// <summary>
        /// The edit of the IDE scenario: one statement added at the top of <c>Up</c>, as a developer adjusting
        /// a scaffolded migration does.
        /// </summary>
        public static (int Position, string Inserted) Edit(string migrationText)
        {
            const string Up = "protected override void Up(MigrationBuilder migrationBuilder)\n        {\n";
            var position = migrationText.IndexOf(Up, StringComparison.Ordinal);
            if (position < 0)
            {
                throw new InvalidOperationException("No Up method in the edited migration.");
            }

            const string Inserted = "            migrationBuilder.AddColumn<string>(\n                name: \"EditedNote\",\n                table: \"Customers\",\n                type: \"nvarchar(max)\",\n                nullable: true);\n\n";
            return (position + Up.Length, Inserted);
        }
    }
}
