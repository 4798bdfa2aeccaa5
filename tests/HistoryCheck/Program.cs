using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// dotnet run --project tests/HistoryCheck -- &lt;folder of migrations&gt; [--manifest &lt;file&gt;] [--facts]
    /// <para>
    /// Compiles every .cs file under the folder with stubs for what its project declared, runs every BlueGreen analyzer,
    /// and prints the diagnostics, the drops, renames and NOT NULL adds no diagnostic was reported at, and a summary;
    /// with --facts, under each of them what EF's own model of the previous and of the migration's designer maps
    /// (docs/public-histories.md). Exit code 0; 2 when an analyzer threw; 1 on a usage error.
    /// </para>
    /// </summary>
    public static class Program
    {
        private const string Usage = "usage: dotnet run --project tests/HistoryCheck -- <folder of migrations> [--manifest <file>] [--facts]";

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Rules.DropColumnAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        public static int Main(string[] args)
        {
            if (Options.Parse(args) is not { } options)
            {
                Console.Error.WriteLine(Usage);
                return 1;
            }

            var folder = FolderCompilation.Compile(FolderCompilation.Parse(options.Folder));
            var exceptions = new ConcurrentBag<Exception>();
            var analyzerOptions = new CompilationWithAnalyzersOptions(
                ManifestOptions.For(options.Manifest),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = folder.Compilation.WithAnalyzers(Analyzers, analyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var census = Census.Take(folder.Compilation);
            var facts = options.Facts ? ModelFacts.Load(folder.Compilation) : null;

            var report = new Report(Path.GetFullPath(options.Folder), Console.Out, census, facts);
            report.Header(folder, options.Facts);
            report.Diagnostics(diagnostics);
            report.Silent(diagnostics);
            report.Summary(diagnostics, exceptions, folder.Errors);
            return exceptions.IsEmpty && !diagnostics.Any(diagnostic => diagnostic.Id == "AD0001") ? 0 : 2;
        }

        private sealed record Options(string Folder, string? Manifest, bool Facts)
        {
            public static Options? Parse(string[] args)
            {
                string? folder = null;
                string? manifest = null;
                var facts = false;
                for (var index = 0; index < args.Length; index++)
                {
                    switch (args[index])
                    {
                        case "--manifest" when index + 1 < args.Length && manifest is null:
                            manifest = args[++index];
                            break;
                        case "--facts":
                            facts = true;
                            break;
                        case var path when !path.StartsWith("--", StringComparison.Ordinal) && folder is null:
                            folder = path;
                            break;
                        default:
                            return null;
                    }
                }

                return folder is not null && Directory.Exists(folder) && (manifest is null || File.Exists(manifest)) ? new Options(folder, manifest, facts) : null;
            }
        }
    }
}
