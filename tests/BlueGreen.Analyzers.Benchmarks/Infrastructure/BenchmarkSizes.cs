using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BlueGreen.Analyzers.Benchmarks.Infrastructure
{
    /// <summary>
    /// The history sizes the benchmarks run on: 100 and 400 migrations, or the comma-separated list in the
    /// environment variable BLUEGREEN_BENCH_SIZES (e.g. one size per run, to keep each run short).
    /// </summary>
    public static class BenchmarkSizes
    {
        public static IEnumerable<int> All()
        {
            var sizes = Environment.GetEnvironmentVariable("BLUEGREEN_BENCH_SIZES");
            return string.IsNullOrWhiteSpace(sizes)
                ? new[] { 100, 400 }
                : sizes.Split(',').Select(size => int.Parse(size.Trim(), CultureInfo.InvariantCulture)).ToArray();
        }
    }
}
