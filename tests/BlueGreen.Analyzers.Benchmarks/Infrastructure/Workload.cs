using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using BlueGreen.Analyzers.Benchmarks.Generation;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Benchmarks.Infrastructure
{
    /// <summary>
    /// A generated history as compiler input: its texts, fresh syntax trees on demand (so the analyzer's
    /// per-tree cache starts cold), the compilation over them, and the one-statement edit of the IDE scenario.
    /// </summary>
    internal sealed class Workload
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        /// <summary>Single-threaded, like csc -parallel-: per-analyzer times then add up to wall-clock time.</summary>
        public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);

        /// <summary>Every analyzer of the BlueGreen.Analyzers assembly.</summary>
        public static readonly ImmutableArray<DiagnosticAnalyzer> BlueGreenAnalyzers = typeof(DropColumnAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        private readonly List<(string Path, SourceText Text)> _sources;
        private ImmutableArray<SyntaxTree> _parsed;

        private Workload(GeneratedHistory history, bool manifest)
        {
            History = history;
            var additionalFiles = manifest
                ? ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/generated/ShippedMigrations.md", history.Manifest()))
                : ImmutableArray<AdditionalText>.Empty;
            Options = new AnalyzerOptions(additionalFiles);

            // The in-memory texts drop EF's byte order mark (a file's BOM is not part of its text).
            _sources = history.Files
                .Select(file => (Path: "/generated/" + file.Path, Text: SourceText.From(file.Text.TrimStart('\uFEFF'), Encoding.UTF8)))
                .ToList();
            EditPath = "/generated/" + history.EditTarget.Path;
        }

        public GeneratedHistory History { get; }

        public string EditPath { get; }

        /// <summary>The analyzers' options: the release manifest as an additional file, when the workload has one.</summary>
        public AnalyzerOptions Options { get; }

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        public static Workload Create(int migrations, bool manifest = false) => new Workload(HistoryGenerator.Generate(migrations), manifest);

        /// <summary>New syntax trees: nothing the analyzer cached for earlier trees applies to them.</summary>
        public ImmutableArray<SyntaxTree> Parse() =>
            _sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path)).ToImmutableArray();

        /// <summary>
        /// New syntax tree objects without parsing again: each shares the green nodes of one parse made once, with
        /// new red nodes, and keeps its source text (as the IDE's and the compiler's trees do: a tree made from a node
        /// alone has none). For the analyzer (whose cache is keyed by tree object) and for the compiler they are as new
        /// as a fresh parse; only the parse itself is saved.
        /// </summary>
        public ImmutableArray<SyntaxTree> FreshTrees()
        {
            if (_parsed.IsDefault)
            {
                _parsed = Parse();
            }

            // A parsed tree given another path is a copy with new red nodes over the same green nodes and text.
            return _parsed.Select(tree => tree.WithFilePath(tree.FilePath + "~").WithFilePath(tree.FilePath)).ToImmutableArray();
        }

        /// <summary>A compilation over <see cref="FreshTrees"/>: nothing cached for it anywhere.</summary>
        public CSharpCompilation CompileFresh() => Compile(FreshTrees());

        public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
            CSharpCompilation.Create("Contoso.Commerce", trees, References, CompilationOptions);

        public CSharpCompilation Compile() => Compile(Parse());

        /// <summary>
        /// The compilation after the IDE scenario's edit: one statement added to <c>Up</c> of the migration in the
        /// middle of the history, the tree re-parsed incrementally as the IDE does; every other tree is shared.
        /// </summary>
        /// <summary>The tree of the migration the IDE scenario edits, in a compilation of this workload.</summary>
        public SyntaxTree EditedTree(Compilation compilation) => compilation.SyntaxTrees.Single(candidate => candidate.FilePath == EditPath);

        public CSharpCompilation Edit(CSharpCompilation compilation)
        {
            var tree = compilation.SyntaxTrees.Single(candidate => candidate.FilePath == EditPath);
            var text = tree.GetText();
            var (position, inserted) = GeneratedHistory.Edit(text.ToString());
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), inserted)));
            return compilation.ReplaceSyntaxTree(tree, edited);
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            // .NET 10 reference assemblies, plus EF Core and what its public API mentions, from this program's own folder.
            var folder = Path.GetDirectoryName(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location)!;
            var packages = Directory.GetFiles(folder, "*.dll")
                .Where(path =>
                {
                    var name = Path.GetFileName(path);
                    return name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                        || name == "Microsoft.Data.SqlClient.dll";
                })
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
            return Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Concat(packages).ToImmutableArray();
        }
    }

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
