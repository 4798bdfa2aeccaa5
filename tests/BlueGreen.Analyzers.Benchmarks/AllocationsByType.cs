using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// What a phase allocates, by type: the runtime's allocation sampling events (one per ~100 KB allocated, naming the
    /// type of the object that crossed the mark), summed while started. A sample, not a count: types that make up less
    /// than a percent or so are noise. It tells whether the analyzer's own objects or the syntax nodes it realizes dominate.
    /// </summary>
    internal sealed class AllocationsByType : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentDictionary<string, long> _bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private volatile bool _started;

        public void Start()
        {
            // The listener's session starts asynchronously: give it time before the phase begins.
            Thread.Sleep(500);
            _bytes.Clear();
            _started = true;
        }

        public void StopAndPrint(int top)
        {
            _started = false;

            // Events are dispatched on a thread of their own: let the last ones arrive.
            Thread.Sleep(1000);
            var total = _bytes.Values.Sum();
            Console.WriteLine($"   allocations by type (sampled, {total / 1e6:F1} MB in all):");
            foreach (var pair in _bytes.OrderByDescending(pair => pair.Value).Take(top))
            {
                Console.WriteLine($"     {100.0 * pair.Value / total,5:F1} %  {pair.Key}");
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_started || eventData.EventName != "GCAllocationTick_V4" || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
