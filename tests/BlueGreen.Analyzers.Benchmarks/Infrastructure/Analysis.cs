using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Benchmarks.Infrastructure
{
    internal sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, TimeSpan ReportedExecutionTime);

    /// <summary>Runs analyzers over a whole compilation through <see cref="CompilationWithAnalyzers"/>, as a build does.</summary>
    internal static class Analysis
    {
        /// <summary>
        /// Single-threaded analysis (as csc -parallel-), failing on any analyzer exception. With
        /// <paramref name="logExecutionTime"/>, also the analyzers' execution time as the driver reports it to
        /// <c>-p:ReportAnalyzer=true</c>.
        /// </summary>
        public static AnalysisResult Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime = false, AnalyzerOptions? analyzerOptions = null)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: logExecutionTime);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (!exceptions.IsEmpty || diagnostics.Any(diagnostic => diagnostic.Id == "AD0001"))
            {
                throw new AggregateException("An analyzer threw.", exceptions.Append(new InvalidOperationException(string.Join(Environment.NewLine, diagnostics.Where(d => d.Id == "AD0001")))));
            }

            var executionTime = TimeSpan.Zero;
            if (logExecutionTime)
            {
                foreach (var analyzer in analyzers)
                {
                    executionTime += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                }
            }

            return new AnalysisResult(diagnostics, executionTime);
        }

        /// <summary>
        /// The analyzers' diagnostics in one document, as the IDE computes them for the document being edited: only
        /// that tree is bound by the driver (the analyzers still compute what they need from the whole compilation).
        /// </summary>
        public static AnalysisResult RunOnDocument(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime = false, AnalyzerOptions? analyzerOptions = null)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: logExecutionTime);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            if (!exceptions.IsEmpty || diagnostics.Any(diagnostic => diagnostic.Id == "AD0001"))
            {
                throw new AggregateException("An analyzer threw.", exceptions);
            }

            var executionTime = TimeSpan.Zero;
            if (logExecutionTime)
            {
                foreach (var analyzer in analyzers)
                {
                    executionTime += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                }
            }

            return new AnalysisResult(diagnostics, executionTime);
        }

        public static ImmutableArray<DiagnosticAnalyzer> Measured(ImmutableArray<DiagnosticAnalyzer> analyzers, Meter meter) =>
            analyzers.Select(analyzer => (DiagnosticAnalyzer)new MeasuringAnalyzer(analyzer, meter)).ToImmutableArray();
    }
}
