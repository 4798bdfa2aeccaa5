using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using BlueGreen.Analyzers.Benchmarks.Generation;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/BlueGreen.Analyzers.Benchmarks -- &lt;mode&gt;
    /// <list type="bullet">
    /// <item>generate [--migrations 400] [--out DIR] [--repo DIR] [--manifest false]: writes a buildable EF Core 10 SQL Server project.</item>
    /// <item>stats [--migrations 100,400]: sizes and mix of generated histories.</item>
    /// <item>check [--migrations 100]: compiles a history in memory and checks BG0001 reports exactly its unsafe drops.</item>
    /// <item>measure [--migrations 100,400] [--runs 3] [--manifest false]: the analyzers' own time and allocations, cold and after an edit.</item>
    /// <item>breakdown [--migrations 400] [--allocations true]: where the analyzers' time goes, phase by phase; with --allocations, what the cold check allocates, by type.</item>
    /// <item>profile [--migrations 400] [--scenario cold|edit] [--iterations 3] [--bound true|false] [--manifest false]: a workload for profile.sh.</item>
    /// <item>anything else: BenchmarkDotNet (e.g. --filter '*' --job short).</item>
    /// </list>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var mode = args.Length > 0 ? args[0] : string.Empty;
            var modes = new[] { "generate", "stats", "check", "measure", "breakdown", "profile" };
            var options = modes.Contains(mode) ? Options(args.Skip(1).ToArray()) : new Dictionary<string, string>();
            switch (mode)
            {
                case "generate":
                    return Generate(
                        Sizes(options, 400)[0],
                        options.TryGetValue("out", out var folder) ? folder : Path.Combine(Path.GetTempPath(), "bluegreen-history"),
                        options.TryGetValue("repo", out var repo) ? repo : ProjectWriter.FindRepositoryRoot(AppContext.BaseDirectory),
                        Flag(options, "manifest"));
                case "stats":
                    foreach (var size in Sizes(options, 100, 400))
                    {
                        PrintStats(HistoryGenerator.Generate(size));
                    }

                    return 0;
                case "check":
                    return Sizes(options, 100).All(Check) ? 0 : 1;
                case "measure":
                    Measurement.Run(Sizes(options, 100, 400), options.TryGetValue("runs", out var runs) ? int.Parse(runs, CultureInfo.InvariantCulture) : 3, Flag(options, "manifest"));
                    return 0;
                case "breakdown":
                    foreach (var size in Sizes(options, 400))
                    {
                        Breakdown.Run(size, Flag(options, "allocations"));
                    }

                    return 0;
                case "profile":
                    Profile.Run(
                        Sizes(options, 400)[0],
                        options.TryGetValue("scenario", out var scenario) ? scenario : "cold",
                        options.TryGetValue("iterations", out var iterations) ? int.Parse(iterations, CultureInfo.InvariantCulture) : 3,
                        !options.TryGetValue("bound", out var bound) || bool.Parse(bound),
                        Flag(options, "manifest"));
                    return 0;
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return 0;
            }
        }

        private static int Generate(int migrations, string folder, string repositoryRoot, bool manifest)
        {
            var history = HistoryGenerator.Generate(migrations);
            var project = ProjectWriter.Write(history, Path.GetFullPath(folder), Path.GetFullPath(repositoryRoot), manifest);
            Console.WriteLine(project);
            PrintStats(history);
            return 0;
        }

        private static void PrintStats(GeneratedHistory history)
        {
            var designers = history.Designers.Select(file => file.Lines).ToList();
            var migrations = history.Files.Where(file => file.Kind == FileKind.Migration).Select(file => file.Lines).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"migrations={history.Migrations} files={history.Files.Count} lines={history.Lines} designer-lines={designers.Sum()} (first {designers[0]}, last {designers[^1]}) migration-lines={migrations.Sum()} unsafe-drops={history.UnsafeDrops.Count} two-step-removals={history.TwoStepRemovals}"));
            Console.WriteLine("  mix: " + string.Join(", ", history.Kinds.OrderByDescending(pair => pair.Value).Select(pair => pair.Key + "=" + pair.Value)));
        }

        private static bool Check(int migrations)
        {
            var workload = Workload.Create(migrations);
            var compilation = workload.Compile();
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors.Take(20))
            {
                Console.WriteLine(error);
            }

            var reported = Analysis.Run(compilation, Workload.BlueGreenAnalyzers).Diagnostics
                .Where(diagnostic => diagnostic.Id == "BG0001")
                .Select(diagnostic => Path.GetFileNameWithoutExtension(diagnostic.Location.SourceTree!.FilePath) + " " + diagnostic.Properties["Table"] + "." + diagnostic.Properties["Column"])
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
            var expected = workload.History.UnsafeDrops.Select(drop => drop.MigrationId + " " + drop.Table + "." + drop.Column).OrderBy(line => line, StringComparer.Ordinal).ToList();
            var ok = errors.Count == 0 && reported.SequenceEqual(expected);
            Console.WriteLine(FormattableString.Invariant($"migrations={migrations} compiler-errors={errors.Count} BG0001 reported={reported.Count} expected={expected.Count}: {(ok ? "OK" : "MISMATCH")}"));
            foreach (var line in reported.Except(expected))
            {
                Console.WriteLine("  unexpected: " + line);
            }

            foreach (var line in expected.Except(reported))
            {
                Console.WriteLine("  missing:    " + line);
            }

            return ok;
        }

        private static bool Flag(Dictionary<string, string> options, string name) => options.TryGetValue(name, out var value) && bool.Parse(value);

        private static List<int> Sizes(Dictionary<string, string> options, params int[] defaults) =>
            options.TryGetValue("migrations", out var value)
                ? value.Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToList()
                : defaults.ToList();

        private static Dictionary<string, string> Options(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var index = 0; index + 1 < args.Length; index += 2)
            {
                if (!args[index].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("Expected --name value, got " + args[index]);
                }

                options[args[index].Substring(2)] = args[index + 1];
            }

            return options;
        }
    }
}
