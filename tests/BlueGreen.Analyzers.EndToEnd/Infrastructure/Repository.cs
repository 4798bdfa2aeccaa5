using System;
using System.IO;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    internal static class Repository
    {
        /// <summary>The repository root: the folder of BlueGreen.Analyzers.sln above the test binaries.</summary>
        public static string Root { get; } = FindRoot();

        public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "BlueGreen.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("BlueGreen.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
