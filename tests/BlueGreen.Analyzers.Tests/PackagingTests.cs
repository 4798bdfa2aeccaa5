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
using Microsoft.CodeAnalysis.CodeFixes;
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

        /// <summary>
        /// The docs agree with the code: the rule page's header gives the descriptor's severity, the page and the README row
        /// name the same code fixes, every fix title a provider declares for the rule among them, and "none" where no
        /// provider fixes it (the marking fix every migration rule offers is listed once, under the table).
        /// </summary>
        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Every_rule_page_header_and_README_row_match_the_descriptor_and_the_fix_providers(string id)
        {
            var descriptor = AllDescriptors.Single(candidate => candidate.Id == id);
            var page = File.ReadAllText(Repository.Path("docs", "rules", id + ".md"));
            Assert.Matches($@"(?m)^\| Severity \| {descriptor.DefaultSeverity} \|$", page);

            var pageFixes = Regex.Match(page, @"(?m)^\| Code fix(es)? \| (?<fixes>[^|\r\n]+) \|$") is { Success: true } header ? header.Groups["fixes"].Value.Trim() : "none";
            var readme = File.ReadAllText(Repository.Path("README.md"));
            var readmeFixes = Regex.Match(readme, $@"(?m)^\| {id} \| \w+ \| [^|]+ \| (?<fixes>[^|]+) \|").Groups["fixes"].Value.Trim();
            Assert.Equal(pageFixes, readmeFixes);

            var providers = FixProviders.Where(provider => provider.FixableDiagnosticIds.Contains(id) && provider is not MarkShippedCodeFixProvider).ToList();
            if (id == Rules.Descriptors.ShipRequested.Id)
            {
                providers.Add(new MarkShippedCodeFixProvider());
            }

            Assert.True(providers.Count == 0 == pageFixes.StartsWith("none", StringComparison.Ordinal), $"docs/rules/{id}.md says '{pageFixes}', the code has {providers.Count} fix providers");
            foreach (var provider in providers)
            {
                // A provider fixing several rules may give each its own title (BG0007, BG0009): one of its titles per rule.
                var titles = provider.GetType().GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(field => field.IsLiteral && field.Name.EndsWith("Title", StringComparison.Ordinal))
                    .Select(field => (string)field.GetRawConstantValue()!)
                    .ToList();
                Assert.True(titles.Count == 0 || titles.Any(title => pageFixes.Contains(title, StringComparison.Ordinal)), $"docs/rules/{id}.md names none of {provider.GetType().Name}'s fixes ({string.Join("; ", titles)}): '{pageFixes}'");
            }
        }

        private static readonly CodeFixProvider[] FixProviders = typeof(SplitDropColumnCodeFixProvider).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToArray();
    }
}
