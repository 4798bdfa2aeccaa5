using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BlueGreen.Analyzers.Benchmarks.Infrastructure
{
    /// <summary>
    /// CPU time of the current thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)). Unlike wall-clock time it
    /// does not grow when other processes compete for the cores, which on a shared 2-core machine they do.
    /// Elsewhere it falls back to wall-clock time.
    /// </summary>
    internal static class CpuClock
    {
        private const int ClockThreadCpuTimeId = 3;

        public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux();

        /// <summary>Nanoseconds of CPU time this thread has used (or of wall-clock time, where not available).</summary>
        public static long ThreadNanoseconds()
        {
            if (IsThreadCpuTime && clock_gettime(ClockThreadCpuTimeId, out var time) == 0)
            {
                return time.Seconds * 1_000_000_000L + time.Nanoseconds;
            }

            return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
        }

        /// <summary>CPU time of the whole process (all threads: the compiler's, the GC's, the JIT's).</summary>
        public static TimeSpan ProcessCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int clock_gettime(int clockId, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
