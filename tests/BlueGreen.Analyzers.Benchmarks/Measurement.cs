using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// The analyzers' own cost, which wall-clock benchmarks cannot isolate (analyzing a compilation includes
    /// compiling it): every callback of the BlueGreen analyzers is timed and its allocations counted
    /// (<see cref="MeasuringAnalyzer"/>), next to the driver's execution time for them (what
    /// -p:ReportAnalyzer=true prints) and the compiler's own cost on the same input (parse + emit).
    /// Single-threaded throughout. The primary figures are CPU time (<see cref="CpuClock"/>): on a shared
    /// machine, wall-clock time measures the neighbours too.
    /// </summary>
    internal static class Measurement
    {
        private sealed record Sample(
            double CompilerCpuSeconds,
            double CompilerWallSeconds,
            double ColdCpuMs,
            double ColdWallMs,
            double ColdReportedMs,
            long ColdBytes,
            double EditCpuMs,
            double EditWallMs,
            double EditReportedMs,
            long EditBytes,
            double DocumentColdCpuMs,
            long DocumentColdBytes,
            double DocumentEditCpuMs,
            long DocumentEditBytes,
            double ColdGcPauseMs,
            double EditGcPauseMs,
            long EditCalls);

        public static void Run(IReadOnlyList<int> sizes, int runs, bool manifest)
        {
            Console.WriteLine(manifest ? "with a release manifest (ShippedMigrations.md) listing all migrations but the last 5" : "without a release manifest: every migration is its own release");
            Console.WriteLine(CpuClock.IsThreadCpuTime ? "times: CPU time of the measuring thread(s); wall-clock time in brackets" : "times: wall-clock (no thread CPU clock on this OS)");
            // The first analysis in a process pays for JIT compilation of the analyzer (and of the driver): that is
            // paid once per compiler server, or once per build without one. It is measured apart, on a small history.
            Console.WriteLine(FormattableString.Invariant($"the meter's own cost: {Meter.CostPerCallNanoseconds() / 1000.0:F2} us of CPU per callback it wraps (counted in the figures below; an empty callback, measured)"));
            var warmup = Once(Workload.Create(20));
            Console.WriteLine(FormattableString.Invariant($"warm-up (N=20, first analysis in this process, includes JIT): BlueGreen cold {warmup.ColdCpuMs:F1} ms, then {warmup.EditCpuMs:F1} ms after an edit"));

            var results = new List<(int Size, long Lines, Sample Median)>();
            foreach (var size in sizes)
            {
                var workload = Workload.Create(size, manifest);
                var samples = new List<Sample>();
                for (var run = 0; run < runs; run++)
                {
                    var s = Once(workload, manifest);
                    samples.Add(s);
                    Console.WriteLine(FormattableString.Invariant(
                        $"N={size} run {run + 1}/{runs}: compiler (parse + emit) {s.CompilerCpuSeconds:F2} s [{s.CompilerWallSeconds:F2} s] | cold: BlueGreen {s.ColdCpuMs:F1} ms [{s.ColdWallMs:F1} ms, driver reports {s.ColdReportedMs:F1} ms], {s.ColdBytes / 1048576.0:F1} MB | after edit: BlueGreen {s.EditCpuMs:F1} ms [{s.EditWallMs:F1} ms, driver reports {s.EditReportedMs:F1} ms], {s.EditBytes / 1048576.0:F2} MB, {s.EditCalls} callbacks"));
                    Console.WriteLine(FormattableString.Invariant(
                        $"    GC pauses while BlueGreen's callbacks ran: cold {s.ColdGcPauseMs:F1} ms, after edit {s.EditGcPauseMs:F1} ms"));
                    Console.WriteLine(FormattableString.Invariant(
                        $"    one document (IDE): cold {s.DocumentColdCpuMs:F1} ms, {s.DocumentColdBytes / 1048576.0:F1} MB | after edit {s.DocumentEditCpuMs:F1} ms, {s.DocumentEditBytes / 1048576.0:F2} MB"));
                }

                results.Add((size, workload.History.Lines, Median(samples)));
            }

            Console.WriteLine();
            Console.WriteLine("Build: the whole compilation analyzed (medians)");
            Console.WriteLine("| migrations | lines | compiler: parse + emit | BlueGreen cold | share of compiler | allocated cold | BlueGreen after edit | allocated after edit | after edit / cold |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (size, lines, median) in results)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"| {size} | {lines:N0} | {median.CompilerCpuSeconds:F2} s | {median.ColdCpuMs:F1} ms | {median.ColdCpuMs / 10 / median.CompilerCpuSeconds:F2} % | {median.ColdBytes / 1048576.0:F1} MB | {median.EditCpuMs:F1} ms | {median.EditBytes / 1048576.0:F2} MB | {100 * median.EditCpuMs / median.ColdCpuMs:F1} % |"));
            }

            Console.WriteLine();
            Console.WriteLine("IDE: the edited document analyzed alone (the driver binds that document only; the analyzers bind what they ask for)");
            Console.WriteLine("| migrations | BlueGreen cold | allocated cold | BlueGreen after edit | allocated after edit | after edit / cold |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var (size, _, median) in results)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"| {size} | {median.DocumentColdCpuMs:F1} ms | {median.DocumentColdBytes / 1048576.0:F1} MB | {median.DocumentEditCpuMs:F1} ms | {median.DocumentEditBytes / 1048576.0:F2} MB | {100 * median.DocumentEditCpuMs / median.DocumentColdCpuMs:F1} % |"));
            }

            Console.WriteLine();
            for (var index = 1; index < results.Count; index++)
            {
                var (small, large) = (results[0], results[index]);
                var lineGrowth = (double)large.Lines / small.Lines;
                var timeGrowth = large.Median.ColdCpuMs / small.Median.ColdCpuMs;
                var byteGrowth = (double)large.Median.ColdBytes / small.Median.ColdBytes;
                var editGrowth = large.Median.EditCpuMs / small.Median.EditCpuMs;
                Console.WriteLine(FormattableString.Invariant(
                    $"growth {small.Size} -> {large.Size}: lines x{lineGrowth:F2}; BlueGreen cold time x{timeGrowth:F2} = {timeGrowth / lineGrowth:F2} of the input's growth; cold allocations x{byteGrowth:F2} = {byteGrowth / lineGrowth:F2}; after-edit time x{editGrowth:F2}"));
            }
        }

        private static Sample Once(Workload workload, bool manifest = false)
        {
            Collect();

            // The compiler alone on this input: what csc does without analyzers (parse, bind, lower, emit).
            var cpu = CpuClock.ProcessCpu();
            var watch = Stopwatch.StartNew();
            var trees = workload.Parse();
            using (var peStream = new MemoryStream())
            {
                var emitted = Workload.Compile(trees).Emit(peStream);
                if (!emitted.Success)
                {
                    throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics.Take(10)));
                }
            }

            var compilerCpu = (CpuClock.ProcessCpu() - cpu).TotalSeconds;
            var compilerWall = watch.Elapsed.TotalSeconds;
            Collect();

            // Cold: trees the analyzer has never seen (the emit above used another compilation, no analyzer).
            var meter = new Meter();
            var analyzers = Analysis.Measured(Workload.BlueGreenAnalyzers, meter);
            var compilation = Workload.Compile(trees);
            var cold = Analysis.Run(compilation, analyzers, logExecutionTime: true, analyzerOptions: workload.Options);
            var coldMeter = (Cpu: meter.Cpu.TotalMilliseconds, Wall: meter.Elapsed.TotalMilliseconds, Bytes: meter.AllocatedBytes, Gc: meter.GcPauses.TotalMilliseconds);
            if (!manifest && cold.Diagnostics.Count(diagnostic => diagnostic.Id == "BG0001") != workload.History.UnsafeDrops.Count)
            {
                throw new InvalidOperationException("BG0001 did not report the history's unsafe drops.");
            }

            // After an edit to one migration's Up: a new compilation sharing every other tree.
            var edited = workload.Edit(compilation);
            Collect();
            meter.Reset();
            var after = Analysis.Run(edited, analyzers, logExecutionTime: true, analyzerOptions: workload.Options);
            var editMeter = (Cpu: meter.Cpu.TotalMilliseconds, Wall: meter.Elapsed.TotalMilliseconds, Bytes: meter.AllocatedBytes, Gc: meter.GcPauses.TotalMilliseconds, Calls: meter.Calls);
            GC.KeepAlive(compilation);

            // The IDE's view: the edited document alone, cold (fresh trees), then after the edit.
            Collect();
            var document = workload.CompileFresh();
            meter.Reset();
            Analysis.RunOnDocument(document, workload.EditedTree(document), analyzers, analyzerOptions: workload.Options);
            var documentCold = (Cpu: meter.Cpu.TotalMilliseconds, Bytes: meter.AllocatedBytes);
            var editedDocument = workload.Edit(document);
            Collect();
            meter.Reset();
            Analysis.RunOnDocument(editedDocument, workload.EditedTree(editedDocument), analyzers, analyzerOptions: workload.Options);
            GC.KeepAlive(document);

            return new Sample(
                compilerCpu,
                compilerWall,
                coldMeter.Cpu,
                coldMeter.Wall,
                cold.ReportedExecutionTime.TotalMilliseconds,
                coldMeter.Bytes,
                editMeter.Cpu,
                editMeter.Wall,
                after.ReportedExecutionTime.TotalMilliseconds,
                editMeter.Bytes,
                documentCold.Cpu,
                documentCold.Bytes,
                meter.Cpu.TotalMilliseconds,
                meter.AllocatedBytes,
                coldMeter.Gc,
                editMeter.Gc,
                editMeter.Calls);
        }

        private static Sample Median(List<Sample> samples)
        {
            double M(Func<Sample, double> value)
            {
                var sorted = samples.Select(value).OrderBy(x => x).ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            }

            return new Sample(
                M(s => s.CompilerCpuSeconds),
                M(s => s.CompilerWallSeconds),
                M(s => s.ColdCpuMs),
                M(s => s.ColdWallMs),
                M(s => s.ColdReportedMs),
                (long)M(s => s.ColdBytes),
                M(s => s.EditCpuMs),
                M(s => s.EditWallMs),
                M(s => s.EditReportedMs),
                (long)M(s => s.EditBytes),
                M(s => s.DocumentColdCpuMs),
                (long)M(s => s.DocumentColdBytes),
                M(s => s.DocumentEditCpuMs),
                (long)M(s => s.DocumentEditBytes),
                M(s => s.ColdGcPauseMs),
                M(s => s.EditGcPauseMs),
                (long)M(s => s.EditCalls));
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
