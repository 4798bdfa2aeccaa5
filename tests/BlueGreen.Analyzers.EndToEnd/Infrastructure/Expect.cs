using System;
using System.Text.RegularExpressions;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    internal static class Expect
    {
        private static readonly Regex TooNew = new(@"CS9057: Analyzer assembly '[^'\r\n]*BlueGreen\.Analyzers", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static void Succeeded(ProcessResult result) =>
            Assert.True(result.ExitCode == 0, $"Expected success:\n{result}");

        public static void Failed(ProcessResult result) =>
            Assert.True(result.ExitCode != 0, $"Expected failure:\n{result}");

        /// <summary>The analyzers loaded and ran without crashing: no AD0001, no CS8032, no CS9057 about them.</summary>
        public static void AnalyzerLoadedCleanly(ProcessResult result)
        {
            Assert.False(result.Output.Contains("AD0001", StringComparison.Ordinal), $"An analyzer threw (AD0001):\n{result}");
            Assert.False(result.Output.Contains("CS8032", StringComparison.Ordinal), $"An analyzer could not be loaded (CS8032):\n{result}");
            Assert.False(TooNew.IsMatch(result.Output), $"The compiler refused BlueGreen.Analyzers as built for a newer compiler (CS9057):\n{result}");
        }

        /// <summary>Exactly one BG0001, at the DropColumn of the unsafe migration, with the given severity.</summary>
        public static BuildDiagnostic OneBG0001AtTheUnsafeDrop(ConsumerApp app, ProcessResult result, string severity)
        {
            var reported = BuildDiagnostic.Parse(result.Output, "BG0001");
            Assert.True(reported.Count == 1, $"Expected one BG0001, got {reported.Count}:\n{result}");
            var diagnostic = reported[0];
            var (line, column) = app.PositionOf(PackedConsumer.UnsafeMigrationFile, "migrationBuilder.DropColumn(");
            Assert.True(
                diagnostic.Severity == severity
                    && diagnostic.File == app.PathOf(PackedConsumer.UnsafeMigrationFile)
                    && diagnostic.Line == line
                    && diagnostic.Column == column,
                $"Expected {severity} BG0001 at {app.PathOf(PackedConsumer.UnsafeMigrationFile)}({line},{column}), got {diagnostic}:\n{result}");
            return diagnostic;
        }

        public static void NoBG0001(ProcessResult result) =>
            Assert.False(result.Output.Contains("BG0001", StringComparison.Ordinal), $"Expected no BG0001:\n{result}");
    }
}
