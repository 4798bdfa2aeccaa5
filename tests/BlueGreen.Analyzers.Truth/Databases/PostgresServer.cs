using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Npgsql;

namespace BlueGreen.Analyzers.Truth.Databases
{
    /// <summary>
    /// A real PostgreSQL server for the test run: Debian's <c>postgresql</c> package (installed with apt-get
    /// when missing and the tests run as root), a new cluster in a temporary directory, listening on
    /// 127.0.0.1 on a free port, stopped and deleted when the test process exits. Never skipped: when it
    /// cannot start, every PostgreSQL test fails with the reason.
    /// </summary>
    internal sealed class PostgresServer
    {
        private static readonly Lazy<PostgresServer> Shared = new Lazy<PostgresServer>(Start, LazyThreadSafetyMode.ExecutionAndPublication);
        private static int _databases;

        private readonly string _directory;
        private readonly string _binaries;
        private readonly string? _runAs;

        private PostgresServer(string directory, string binaries, string? runAs, int port)
        {
            _directory = directory;
            _binaries = binaries;
            _runAs = runAs;
            Port = port;
        }

        public int Port { get; }

        public static PostgresServer Instance => Shared.Value;

        /// <summary>A new empty database, dropped when disposed.</summary>
        public string CreateDatabase()
        {
            var name = "truth_" + Environment.ProcessId + "_" + Interlocked.Increment(ref _databases);
            using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
            return name;
        }

        public void DropDatabase(string name)
        {
            using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }

        // No pooling: every database is used by one test and then dropped.
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false;Timeout=30;Command Timeout=60";

        private static PostgresServer Start()
        {
            var binaries = FindBinaries() ?? Install();
            var directory = Path.Combine(Path.GetTempPath(), "bluegreen-pg-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(directory);

            // initdb and postgres refuse to run as root: the package's own 'postgres' user runs them.
            var runAs = Environment.UserName == "root" ? "postgres" : null;
            if (runAs is not null)
            {
                Run("chown", null, "-R", runAs, directory);
            }

            var data = Path.Combine(directory, "data");
            Run(Path.Combine(binaries, "initdb"), runAs, "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");

            var port = FreePort();
            var server = new PostgresServer(directory, binaries, runAs, port);

            // Durability is of no use to a database that lives for one test run; speed is.
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            Run(Path.Combine(binaries, "pg_ctl"), runAs, "-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            return server;
        }

        private void Stop()
        {
            try
            {
                Run(Path.Combine(_binaries, "pg_ctl"), _runAs, "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }

            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>The directory holding initdb and pg_ctl: Debian keeps them out of PATH, under /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
        private static string? FindBinaries()
        {
            var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Concat(Directory.Exists("/usr/lib/postgresql")
                    ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(path => path, StringComparer.Ordinal).Select(path => Path.Combine(path, "bin"))
                    : Enumerable.Empty<string>());
            return candidates.FirstOrDefault(path => path.Length > 0 && File.Exists(Path.Combine(path, "initdb")) && File.Exists(Path.Combine(path, "pg_ctl")));
        }

        private static string Install()
        {
            if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException(
                    "PostgreSQL is not installed (no initdb/pg_ctl on PATH or under /usr/lib/postgresql) and the tests cannot install it: "
                    + "install Debian's 'postgresql' package (apt-get install postgresql), or run the tests as root on Debian.");
            }

            Run("apt-get", null, "update");
            Run("apt-get", null, "install", "-y", "--no-install-recommends", "postgresql");
            return FindBinaries() ?? throw new InvalidOperationException("apt-get installed postgresql, but initdb and pg_ctl were not found under /usr/lib/postgresql.");
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static void Run(string program, string? runAs, params string[] arguments)
        {
            var start = new ProcessStartInfo(runAs is null ? program : "runuser")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (runAs is not null)
            {
                start.ArgumentList.Add("-u");
                start.ArgumentList.Add(runAs);
                start.ArgumentList.Add("--");
                start.ArgumentList.Add(program);
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(600_000))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{program} {string.Join(" ", arguments)} did not finish in 10 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(" ", arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
            }
        }
    }
}
