using System;
using System.IO;
using System.Threading.Tasks;

namespace BlueGreen.Analyzers.EndToEnd.Infrastructure
{
    /// <summary>
    /// One copy of the consumer: <c>Root</c> holds nuget.config and the empty Directory.Build files,
    /// <c>Root/Storefront</c> (<see cref="Directory"/>) the app; other projects may go beside it.
    /// </summary>
    public sealed class ConsumerApp
    {
        public ConsumerApp(string root)
        {
            Root = root;
            Directory = Path.Combine(root, "Storefront");
        }

        public string Root { get; }

        public string Directory { get; }

        public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

        public string Read(string relative) => File.ReadAllText(PathOf(relative));

        public void Write(string relative, string text)
        {
            var path = PathOf(relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>Replaces <paramref name="oldText"/>, which must occur exactly once.</summary>
        public void Replace(string relative, string oldText, string newText)
        {
            var text = Read(relative);
            if (text.Contains("\r\n", StringComparison.Ordinal))
            {
                // A checkout with CRLF line ends: the edits keep them.
                oldText = oldText.Replace("\n", "\r\n", StringComparison.Ordinal);
                newText = newText.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            var at = text.IndexOf(oldText, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{oldText}' does not occur exactly once in {relative}:\n{text}");
            }

            Write(relative, text.Substring(0, at) + newText + text.Substring(at + oldText.Length));
        }

        /// <summary>The 1-based line and column of the first occurrence of <paramref name="text"/>, as the compiler reports them.</summary>
        public (int Line, int Column) PositionOf(string relative, string text)
        {
            var content = File.ReadAllText(PathOf(relative));
            var at = content.IndexOf(text, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{text}' is not in {relative}");
            }

            var lineStart = content.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
            var line = 1;
            for (var i = 0; i < lineStart; i++)
            {
                line += content[i] == '\n' ? 1 : 0;
            }

            return (line, at - lineStart + 1);
        }

        public Task<ProcessResult> BuildAsync(params string[] arguments) => DotNet.BuildAsync(Directory, arguments);
    }
}
