using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    /// <summary>Runs the real <c>dotnet</c> CLI as a child process, with a timeout, capturing its output.</summary>
    internal static class DotNet
    {
        /// <summary>One build, format or restore; generous because a machine with a cold package cache downloads first.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>The <c>dotnet</c> running these tests (the CLI sets DOTNET_HOST_PATH), else the one on PATH.</summary>
        public static string Executable { get; } = FindExecutable();

        /// <summary>Arguments every build gets: no reused MSBuild nodes, no compiler server, plain console logger.</summary>
        private static readonly string[] BuildSwitches = { "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false" };

        public static Task<ProcessResult> BuildAsync(string workingDirectory, params string[] arguments) =>
            RunAsync(workingDirectory, DefaultTimeout, new[] { "build" }.Concat(BuildSwitches).Concat(arguments).ToArray());

        public static Task<ProcessResult> PackAsync(string workingDirectory, params string[] arguments) =>
            RunAsync(workingDirectory, DefaultTimeout, new[] { "pack" }.Concat(BuildSwitches).Concat(arguments).ToArray());

        public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
            RunAsync(workingDirectory, DefaultTimeout, arguments);

        public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // Under `dotnet test` this process inherits the outer CLI's MSBuild variables; the child finds its own.
            foreach (var name in startInfo.Environment.Keys.ToList())
            {
                if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
                {
                    startInfo.Environment.Remove(name);
                }
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            startInfo.Environment["NUGET_XMLDOC_MODE"] = "skip";

            var commandLine = "dotnet " + string.Join(" ", arguments.Select(Quote));
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start " + commandLine);
            process.StandardInput.Close();
            var standardOutput = process.StandardOutput.ReadToEndAsync();
            var standardError = process.StandardError.ReadToEndAsync();

            using var timeoutSource = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                var partial = new ProcessResult(commandLine, workingDirectory, -1, await Drain(standardOutput).ConfigureAwait(false), await Drain(standardError).ConfigureAwait(false), stopwatch.Elapsed);
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s (process tree killed):\n{partial}");
            }

            return new ProcessResult(commandLine, workingDirectory, process.ExitCode, await Drain(standardOutput).ConfigureAwait(false), await Drain(standardError).ConfigureAwait(false), stopwatch.Elapsed);
        }

        /// <summary>The rest of a stream; bounded, in case a grandchild process kept the pipe open.</summary>
        private static async Task<string> Drain(Task<string> read)
        {
            try
            {
                return await read.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return "(output not closed 30 s after the process ended)";
            }
        }

        private static string Quote(string argument) => argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : "\"" + argument + "\"";

        private static string FindExecutable()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>What a child process did; its <see cref="ToString"/> goes into every assertion message.</summary>
    public sealed class ProcessResult
    {
        private const int MaxShown = 40_000;

        public ProcessResult(string commandLine, string workingDirectory, int exitCode, string standardOutput, string standardError, TimeSpan elapsed)
        {
            CommandLine = commandLine;
            WorkingDirectory = workingDirectory;
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
            Elapsed = elapsed;
        }

        public string CommandLine { get; }

        public string WorkingDirectory { get; }

        public int ExitCode { get; }

        public string StandardOutput { get; }

        public string StandardError { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>Standard output and standard error together.</summary>
        public string Output => StandardOutput + "\n" + StandardError;

        public override string ToString() =>
            $"> {CommandLine}\n  in {WorkingDirectory}: exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n" +
            $"--- stdout ---\n{Shorten(StandardOutput)}\n--- stderr ---\n{Shorten(StandardError)}\n--- end ---";

        private static string Shorten(string text) =>
            text.Length <= MaxShown ? text : text.Substring(0, MaxShown / 4) + $"\n[... {text.Length - MaxShown} characters left out ...]\n" + text.Substring(text.Length - (MaxShown * 3 / 4));
    }
}
