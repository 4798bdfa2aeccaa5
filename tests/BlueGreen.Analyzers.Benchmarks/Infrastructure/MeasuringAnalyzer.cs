using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Benchmarks.Infrastructure
{
    /// <summary>Time and bytes allocated inside analyzer callbacks, added up over one analysis.</summary>
    internal sealed class Meter
    {
        [ThreadStatic]
        private static int _depth;

        private long _ticks;
        private long _cpuNanoseconds;
        private long _bytes;
        private long _calls;
        private long _gcPauseTicks;

        /// <summary>Wall-clock time spent in the callbacks.</summary>
        public TimeSpan Elapsed => TimeSpan.FromSeconds((double)Interlocked.Read(ref _ticks) / Stopwatch.Frequency);

        /// <summary>CPU time of the threads running the callbacks, while in them (see <see cref="CpuClock"/>).</summary>
        public TimeSpan Cpu => TimeSpan.FromTicks(Interlocked.Read(ref _cpuNanoseconds) / 100);

        public long AllocatedBytes => Interlocked.Read(ref _bytes);

        public long Calls => Interlocked.Read(ref _calls);

        /// <summary>
        /// How long the runtime paused the process for garbage collection while a callback ran: the collections the whole
        /// process's allocations (the driver binding on other threads too) happen to trigger in that window. Part of the
        /// callbacks' wall-clock time, and of their CPU time when the callback's thread did the collecting.
        /// </summary>
        public TimeSpan GcPauses => TimeSpan.FromTicks(Interlocked.Read(ref _gcPauseTicks));

        /// <summary>
        /// What wrapping one callback costs the CPU figure by itself: the clocks read around it. An empty callback wrapped
        /// many times on this thread, its CPU time as the meter adds it up, divided by the calls.
        /// </summary>
        public static double CostPerCallNanoseconds()
        {
            const int Calls = 200_000;
            var meter = new Meter();
            Action<int> empty = _ => { };
            for (var call = 0; call < Calls; call++)
            {
                meter.Measure(empty, call);
            }

            return (double)Interlocked.Read(ref meter._cpuNanoseconds) / Calls;
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _ticks, 0);
            Interlocked.Exchange(ref _cpuNanoseconds, 0);
            Interlocked.Exchange(ref _bytes, 0);
            Interlocked.Exchange(ref _calls, 0);
            Interlocked.Exchange(ref _gcPauseTicks, 0);
        }

        /// <summary>
        /// Runs a callback, counting its time and the bytes this thread allocates meanwhile (the analyzer runs
        /// single-threaded here, so that is all it allocates, including symbols it makes the compiler bind).
        /// </summary>
        public void Measure<TContext>(Action<TContext> action, TContext context)
        {
            if (_depth > 0)
            {
                action(context);
                return;
            }

            _depth++;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = CpuClock.ThreadNanoseconds();
            var start = Stopwatch.GetTimestamp();
            var pauses = GC.GetTotalPauseDuration();
            try
            {
                action(context);
            }
            finally
            {
                Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
                Interlocked.Add(ref _cpuNanoseconds, CpuClock.ThreadNanoseconds() - cpu);
                Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
                Interlocked.Increment(ref _calls);
                Interlocked.Add(ref _gcPauseTicks, (GC.GetTotalPauseDuration() - pauses).Ticks);
                _depth--;
            }
        }
    }

    /// <summary>
    /// Runs an analyzer unchanged, through the same driver, timing every callback it registers. Only the
    /// registration kinds used by analyzers are forwarded; anything else fails loudly rather than go unmeasured.
    /// </summary>
    internal sealed class MeasuringAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private readonly Meter _meter;

        public MeasuringAnalyzer(DiagnosticAnalyzer inner, Meter meter)
        {
            _inner = inner;
            _meter = meter;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, _meter));

        private sealed class Context : AnalysisContext
        {
            private readonly AnalysisContext _context;
            private readonly Meter _meter;

            public Context(AnalysisContext context, Meter meter)
            {
                _context = context;
                _meter = meter;
            }

            public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _context.RegisterCompilationStartAction(start => _meter.Measure(inner => action(new StartContext(inner, _meter)), start));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
                _context.RegisterCompilationAction(context => _meter.Measure(action, context));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
                _context.RegisterSyntaxTreeAction(context => _meter.Measure(action, context));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
                _context.RegisterSemanticModelAction(context => _meter.Measure(action, context));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                _context.RegisterSymbolAction(context => _meter.Measure(action, context), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                throw new NotSupportedException("Code block start actions are not measured yet.");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
                _context.RegisterCodeBlockAction(context => _meter.Measure(action, context));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _context.RegisterSyntaxNodeAction(context => _meter.Measure(action, context), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _context.RegisterOperationAction(context => _meter.Measure(action, context), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
                _context.RegisterOperationBlockAction(context => _meter.Measure(action, context));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
                throw new NotSupportedException("Operation block start actions are not measured yet.");

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                throw new NotSupportedException("Symbol start actions are not measured yet.");

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
                _context.RegisterAdditionalFileAction(context => _meter.Measure(action, context));
        }

        private sealed class StartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _context;
            private readonly Meter _meter;

            public StartContext(CompilationStartAnalysisContext context, Meter meter)
                : base(context.Compilation, context.Options, context.CancellationToken)
            {
                _context = context;
                _meter = meter;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
                _context.RegisterCompilationEndAction(context => _meter.Measure(action, context));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
                _context.RegisterSemanticModelAction(context => _meter.Measure(action, context));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                _context.RegisterSymbolAction(context => _meter.Measure(action, context), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                throw new NotSupportedException("Code block start actions are not measured yet.");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
                _context.RegisterCodeBlockAction(context => _meter.Measure(action, context));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
                _context.RegisterSyntaxTreeAction(context => _meter.Measure(action, context));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _context.RegisterSyntaxNodeAction(context => _meter.Measure(action, context), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _context.RegisterOperationAction(context => _meter.Measure(action, context), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
                _context.RegisterOperationBlockAction(context => _meter.Measure(action, context));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
                throw new NotSupportedException("Operation block start actions are not measured yet.");

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                throw new NotSupportedException("Symbol start actions are not measured yet.");

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
                _context.RegisterAdditionalFileAction(context => _meter.Measure(action, context));
        }
    }

    /// <summary>
    /// The driver's own cost: registers what the BlueGreen analyzers register (a compilation start action and a
    /// semantic model action per tree) and does nothing in them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "NOOP0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
        }
    }
}
