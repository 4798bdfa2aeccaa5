using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Truth.Oracle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace BlueGreen.Analyzers.Truth.Analysis
{
    /// <summary>
    /// A history as the IDE holds it: a workspace project the analyzers run on and the code fixes change, whose files
    /// the oracle then compiles and runs as they are.
    /// </summary>
    internal sealed class HistoryWorkspace
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(BlueGreen.Analyzers.Rules.DropColumnAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        public static readonly ImmutableArray<CodeFixProvider> Fixes = typeof(BlueGreen.Analyzers.CodeFixes.MigrationCodeFixProvider).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        private HistoryWorkspace(string name, Project project)
        {
            Name = name;
            Project = project;
        }

        public string Name { get; }

        public Project Project { get; }

        public static HistoryWorkspace FromCorpus(string history) =>
            Load(history, Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Histories", history), "*.cs")
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => (Path.GetFileName(file), File.ReadAllText(file))));

        public static HistoryWorkspace Load(string name, IEnumerable<(string FileName, string Text)> files)
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                name,
                "Fixtures",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: CompiledHistory.References));
            foreach (var (fileName, text) in HistorySources.WithContext(files))
            {
                project = project.AddDocument(fileName, SourceText.From(text), folders: new[] { "Migrations" }, filePath: "/history/Migrations/" + fileName).Project;
            }

            return new HistoryWorkspace(name, project);
        }

        public HistoryWorkspace With(Project project) => new HistoryWorkspace(Name, project);

        /// <summary>The release manifest, as a project's ShippedMigrations.md.</summary>
        public HistoryWorkspace WithManifest(string text)
        {
            var project = Project;
            foreach (var document in project.AdditionalDocuments.Where(document => document.Name == "ShippedMigrations.md").ToList())
            {
                project = project.RemoveAdditionalDocument(document.Id);
            }

            return With(project.AddAdditionalDocument("ShippedMigrations.md", SourceText.From(text), filePath: "/history/ShippedMigrations.md").Project);
        }

        /// <summary>
        /// The history as it was when <paramref name="migrationId"/> was the newest migration: the later ones removed, and the
        /// snapshot's model made that migration's target model (what EF's snapshot was then).
        /// </summary>
        public HistoryWorkspace TruncatedAfter(string migrationId)
        {
            var project = Project;
            string? targetModel = null;
            foreach (var document in project.Documents.ToList())
            {
                var id = MigrationId(document.Name);
                if (id is not null && string.CompareOrdinal(id, migrationId) > 0)
                {
                    project = project.RemoveDocument(document.Id);
                }
                else if (id == migrationId && document.Name.EndsWith(".Designer.cs", StringComparison.Ordinal))
                {
                    targetModel = Body(document, "BuildTargetModel");
                }
            }

            var snapshot = project.Documents.Single(document => Body(document, "BuildModel") is not null);
            var root = (CSharpSyntaxNode)snapshot.GetSyntaxRootAsync().Result!;
            var buildModel = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == "BuildModel");
            var text = snapshot.GetTextAsync().Result;
            var truncated = text.WithChanges(new TextChange(buildModel.Body!.Span, targetModel ?? throw new InvalidOperationException(migrationId + " has no designer")));
            return With(project.GetDocument(snapshot.Id)!.WithText(truncated).Project);
        }

        private static string? MigrationId(string fileName)
        {
            var name = fileName.EndsWith(".Designer.cs", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - ".Designer.cs".Length) : fileName.EndsWith(".cs", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 3) : null;
            return name is not null && name.Length > 15 && char.IsDigit(name[0]) && name[14] == '_' ? name : null;
        }

        private static string? Body(Document document, string method) =>
            document.GetSyntaxRootAsync().Result!.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .FirstOrDefault(candidate => candidate.Identifier.ValueText == method)?.Body?.ToString();

        /// <summary>The files as they are now, for the oracle to compile.</summary>
        public IEnumerable<(string FileName, string Text)> Files() =>
            Project.Documents.Select(document => (document.Name, document.GetTextAsync().Result.ToString()));

        public CompiledHistory Compile() => CompiledHistory.Compile(Name, Files());

        /// <summary>The analyzers' diagnostics; fails on compiler errors and analyzer exceptions (AD0001).</summary>
        public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
        {
            var compilation = (await Project.GetCompilationAsync(CancellationToken.None))!;
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, Name + ": " + string.Join(Environment.NewLine, errors));
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                Project.AnalyzerOptions,
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
            return diagnostics;
        }
    }

    /// <summary>The files of a history, with a stub for the DbContext the migrations name when the files do not declare it.</summary>
    internal static class HistorySources
    {
        private static readonly System.Text.RegularExpressions.Regex ContextName = new System.Text.RegularExpressions.Regex(@"\[DbContext\(typeof\((?:[\w.]+\.)?(\w+)\)\)\]");
        private static readonly System.Text.RegularExpressions.Regex ClassName = new System.Text.RegularExpressions.Regex(@"\bclass\s+(\w+)");

        public static List<(string FileName, string Text)> WithContext(IEnumerable<(string FileName, string Text)> files)
        {
            var sources = files.ToList();
            var declared = new HashSet<string>(sources.SelectMany(source => ClassName.Matches(source.Text).Select(match => match.Groups[1].Value)), StringComparer.Ordinal);
            foreach (var context in sources.SelectMany(source => ContextName.Matches(source.Text).Select(match => match.Groups[1].Value)).Distinct().Where(name => !declared.Contains(name)).ToList())
            {
                // Scaffolded folders name their context; the designers hold the models, so an empty context will do.
                sources.Add((context + ".cs", $$"""
                    namespace Fixtures
                    {
                        public class {{context}} : Microsoft.EntityFrameworkCore.DbContext
                        {
                            public {{context}}(Microsoft.EntityFrameworkCore.DbContextOptions options) : base(options) { }
                        }
                    }
                    """));
            }

            return sources;
        }
    }
}
