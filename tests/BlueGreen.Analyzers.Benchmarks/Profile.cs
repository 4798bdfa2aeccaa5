using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// A workload for a sampling profiler (profile.sh): the analyzers' shared computation
    /// (<c>CompilationAnalysis.Get</c>, internal, called through reflection) repeated on the same history, either
    /// cold (fresh syntax trees each time) or after edits (each compilation one edit away from the previous
    /// one). The compilation is bound first (<c>--bound true</c>, as in a build, where the compiler binds it) or
    /// not (as in the IDE after an edit, where the analyzer is first to ask for most symbols).
    /// </summary>
    internal static class Profile
    {
        public static void Run(int size, string scenario, int iterations, bool bound, bool manifest)
        {
            var assembly = typeof(DropColumnAnalyzer).Assembly;
            var get = (assembly.GetType("BlueGreen.Analyzers.Rules.CompilationAnalysis") ?? assembly.GetType("BlueGreen.Analyzers.Checking.CompilationAnalysis", throwOnError: true)!)
                .GetMethod("Get", BindingFlags.Public | BindingFlags.Static)!;
            var workload = Workload.Create(size, manifest);
            object Analyze(Compilation compilation) => get.GetParameters().Length == 3
                ? get.Invoke(null, new object[] { compilation, workload.Options, CancellationToken.None })!
                : get.Invoke(null, new object[] { compilation, CancellationToken.None })!;

            Console.WriteLine($"profile: N={size} ({workload.History.Lines:N0} lines), {scenario}, {iterations} iterations, compilation bound first: {bound}, manifest: {manifest}");
            if (scenario == "edit")
            {
                var compilation = workload.CompileFresh();
                Analyze(compilation);

                // profile.sh leaves out every sample before this pause: the cold analysis that fills the caches.
                System.Threading.Thread.Sleep(2000);
                for (var iteration = 0; iteration < iterations; iteration++)
                {
                    compilation = workload.Edit(compilation);
                    Bind(compilation, bound);
                    Marker("analyze", () => Analyze(compilation));
                }
            }
            else
            {
                for (var iteration = 0; iteration < iterations; iteration++)
                {
                    var compilation = workload.CompileFresh();
                    Bind(compilation, bound);
                    Marker("analyze", () => Analyze(compilation));
                }
            }
        }

        private static void Bind(CSharpCompilation compilation, bool bound)
        {
            if (bound)
            {
                compilation.GetDiagnostics();
            }
        }

        private static void Marker(string what, Action action)
        {
            var cpu = CpuClock.ThreadNanoseconds();
            action();
            Console.WriteLine(FormattableString.Invariant($"  {what}: {(CpuClock.ThreadNanoseconds() - cpu) / 1e6:F1} ms CPU"));
        }
    }
}
