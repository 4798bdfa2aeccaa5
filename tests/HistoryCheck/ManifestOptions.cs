using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// The release manifest given on the command line, passed as a build would pass it: an additional file marked with
    /// the BlueGreenManifest metadata, so any file name works (not only ShippedMigrations.md).
    /// </summary>
    internal static class ManifestOptions
    {
        public static AnalyzerOptions For(string? manifest) =>
            manifest is null
                ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
                : new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new ManifestText(Path.GetFullPath(manifest))), new MarkedAsManifest());

        private sealed class ManifestText : AdditionalText
        {
            public ManifestText(string path)
            {
                Path = path;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }

        private sealed class MarkedAsManifest : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions => Options.None;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

            /// <summary>Only the manifest is an additional file here.</summary>
            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Manifest;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options None = new Options(null);
                public static readonly Options Manifest = new Options("true");

                private readonly string? _manifest;

                private Options(string? manifest)
                {
                    _manifest = manifest;
                }

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
                {
                    value = key == "build_metadata.AdditionalFiles.BlueGreenManifest" ? _manifest : null;
                    return value is not null;
                }
            }
        }
    }
}
