using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// A build's view: the whole compilation analyzed through <see cref="CompilationWithAnalyzers"/> (which binds
    /// every tree again, as a compiler run does), next to the compiler alone and the analyzer driver with a no-op
    /// analyzer, on the same generated history. Every iteration gets fresh syntax trees, parsed in the iteration
    /// setup (not measured; new tree objects over one parse, see Workload.FreshTrees), so the analyzer's per-tree cache is cold in the cold benchmarks. The after-edit ones
    /// first analyze the whole compilation (setup, warming the cache), then measure the analysis of the
    /// compilation after a one-statement edit to one migration's <c>Up</c>.
    /// Single-threaded (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>), as csc -parallel-.
    /// </summary>
    [MemoryDiagnoser]
    public class BuildBenchmarks
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> NoOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

        private Workload _workload = null!;
        private CSharpCompilation _compilation = null!;
        private CSharpCompilation _edited = null!;

        [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.All))]
        public int Migrations { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _workload = Workload.Create(Migrations);
            _ = Workload.References;
            _ = _workload.FreshTrees();
        }

        [IterationSetup(Targets = new[] { nameof(CompilerOnly), nameof(DriverNoOpCold), nameof(BlueGreenCold) })]
        public void FreshTrees() => _compilation = _workload.CompileFresh();

        [IterationSetup(Targets = new[] { nameof(DriverNoOpAfterEdit), nameof(BlueGreenAfterEdit) })]
        public void AnalyzeThenEdit()
        {
            _compilation = _workload.CompileFresh();
            Analysis.Run(_compilation, Workload.BlueGreenAnalyzers);
            _edited = _workload.Edit(_compilation);
        }

        [Benchmark(Baseline = true, Description = "Compiler: GetDiagnostics")]
        public int CompilerOnly() => _compilation.GetDiagnostics().Length;

        [Benchmark(Description = "Driver + no-op analyzer, cold")]
        public int DriverNoOpCold() => Analysis.Run(_compilation, NoOp).Diagnostics.Length;

        [Benchmark(Description = "Driver + BlueGreen, cold")]
        public int BlueGreenCold() => Analysis.Run(_compilation, Workload.BlueGreenAnalyzers).Diagnostics.Length;

        [Benchmark(Description = "Driver + no-op analyzer, after edit")]
        public int DriverNoOpAfterEdit() => Analysis.Run(_edited, NoOp).Diagnostics.Length;

        [Benchmark(Description = "Driver + BlueGreen, after edit")]
        public int BlueGreenAfterEdit() => Analysis.Run(_edited, Workload.BlueGreenAnalyzers).Diagnostics.Length;
    }
}
