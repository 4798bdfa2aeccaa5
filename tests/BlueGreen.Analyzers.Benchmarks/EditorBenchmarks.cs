using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// The IDE's view: the diagnostics of the one document being edited (the migration in the middle of the
    /// history), through <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, System.Threading.CancellationToken)"/>.
    /// The driver binds that document only, so the BlueGreen analyzers' own work (a whole history, however small the
    /// document) is most of what is measured. Cold: fresh syntax trees (Workload.FreshTrees), nothing cached. After edit: the same
    /// document analyzed once on compilation C (setup), then measured on C with one statement added to that
    /// migration's <c>Up</c>. Baseline: a no-op analyzer registering the same actions, cold.
    /// </summary>
    [MemoryDiagnoser]
    public class EditorBenchmarks
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> NoOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

        private Workload _workload = null!;
        private CSharpCompilation _compilation = null!;

        [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.All))]
        public int Migrations { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _workload = Workload.Create(Migrations);
            _ = Workload.References;
            _ = _workload.FreshTrees();
        }

        [IterationSetup(Targets = new[] { nameof(NoOpCold), nameof(BlueGreenCold) })]
        public void FreshTrees() => _compilation = _workload.CompileFresh();

        [IterationSetup(Targets = new[] { nameof(NoOpAfterEdit), nameof(BlueGreenAfterEdit) })]
        public void AnalyzeThenEdit()
        {
            var compilation = _workload.CompileFresh();
            Analysis.RunOnDocument(compilation, _workload.EditedTree(compilation), Workload.BlueGreenAnalyzers);
            _compilation = _workload.Edit(compilation);
        }

        [Benchmark(Baseline = true, Description = "Document, no-op analyzer, cold")]
        public int NoOpCold() => Analysis.RunOnDocument(_compilation, _workload.EditedTree(_compilation), NoOp).Diagnostics.Length;

        [Benchmark(Description = "Document, BlueGreen, cold")]
        public int BlueGreenCold() => Analysis.RunOnDocument(_compilation, _workload.EditedTree(_compilation), Workload.BlueGreenAnalyzers).Diagnostics.Length;

        [Benchmark(Description = "Document, no-op analyzer, after edit")]
        public int NoOpAfterEdit() => Analysis.RunOnDocument(_compilation, _workload.EditedTree(_compilation), NoOp).Diagnostics.Length;

        [Benchmark(Description = "Document, BlueGreen, after edit")]
        public int BlueGreenAfterEdit() => Analysis.RunOnDocument(_compilation, _workload.EditedTree(_compilation), Workload.BlueGreenAnalyzers).Diagnostics.Length;
    }
}
