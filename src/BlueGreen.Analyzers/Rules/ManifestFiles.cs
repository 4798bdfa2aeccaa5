using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Releases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BlueGreen.Analyzers.Rules
{
    /// <summary>
    /// Which of a project's additional files are release manifests: by name (<c>ShippedMigrations.md</c>), or marked with
    /// the BlueGreenManifest item metadata the package's props surface. The analyzer and the fixes that write the
    /// manifest find it here, the same way.
    /// </summary>
    internal static class ManifestFiles
    {
        /// <summary>The build metadata key of <c>&lt;AdditionalFiles BlueGreenManifest="true" /&gt;</c>.</summary>
        public const string Metadata = "build_metadata.AdditionalFiles.BlueGreenManifest";

        public static bool IsManifest(AdditionalText file, AnalyzerOptions options)
        {
            options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(Metadata, out var metadata);
            return Manifest.IsManifest(file.Path, metadata);
        }

        /// <summary>The manifests among a project's additional files, each parsed once per text version.</summary>
        public static List<Manifest> Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var manifests = new List<Manifest>();
            var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in options.AdditionalFiles)
            {
                // A manifest the user also lists by hand reaches the compiler twice: read it once.
                if (IsManifest(file, options) && paths.Add(file.Path) && file.GetText(cancellationToken) is { } text)
                {
                    manifests.Add(Manifest.Parse(file.Path, text));
                }
            }

            return manifests;
        }
    }
}
