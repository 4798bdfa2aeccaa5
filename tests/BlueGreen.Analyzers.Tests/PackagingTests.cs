using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using BlueGreen.Analyzers.CodeFixes;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace BlueGreen.Analyzers.Tests
{
    /// <summary>What makes the package load everywhere it promises, and its rules documented.</summary>
    public class PackagingTests
    {
        private static readonly Assembly[] Shipped = { typeof(DropColumnAnalyzer).Assembly, typeof(SplitDropColumnCodeFixProvider).Assembly };

        private static readonly DiagnosticDescriptor[] AllDescriptors = typeof(DropColumnAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .ToArray();

        public static IEnumerable<object[]> Descriptors() => AllDescriptors.Select(descriptor => new object[] { descriptor.Id });

        [Fact]
        public void Analyzer_assemblies_reference_Roslyn_no_newer_than_4_8()
        {
            // Newer references make the .NET 8 SDK and VS 2022 17.8 refuse to load the analyzers (CS8032).
            foreach (var assembly in Shipped)
            {
                var roslyn = assembly.GetReferencedAssemblies().Where(reference => reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(roslyn);
                Assert.All(roslyn, reference => Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{assembly.GetName().Name} references {reference}"));
            }
        }

        [Fact]
        public void Analyzer_assemblies_target_netstandard_2_0()
        {
            foreach (var assembly in Shipped)
            {
                var framework = assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();
                Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
            }
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Every_rule_has_a_doc_page_a_README_row_and_a_release_entry(string id)
        {
            var descriptor = AllDescriptors.Single(candidate => candidate.Id == id);
            Assert.Equal($"https://github.com/bluegreen-analyzers/BlueGreen.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Repository.Path("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");

            var readme = File.ReadAllText(Repository.Path("README.md"));
            var row = Regex.Match(readme, $@"^\| {id} \| (?<severity>\w+) \| (?<title>[^|]+) \|", RegexOptions.Multiline);
            Assert.True(row.Success, $"README.md has no rule table row for {id}");
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value);
            Assert.Equal(descriptor.Title.ToString(), row.Groups["title"].Value.Trim());

            var releases = File.ReadAllText(Repository.Path("AnalyzerReleases.Unshipped.md")) + File.ReadAllText(Repository.Path("AnalyzerReleases.Shipped.md"));
            Assert.Matches($@"(?m)^{id}\s*\|", releases);
        }
    }
}
