using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Releases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// A history as a workspace project, compiled once: the base its mutants are made from. A mutant changes one file,
    /// so its compilation is the base one with that tree replaced (or removed); every other tree, and what the
    /// analyzers cached about it, is shared with the base.
    /// </summary>
    internal sealed class MutationSubject
    {
        public const string ManifestPath = "/history/ShippedMigrations.md";

        public static readonly ImmutableArray<CodeFixProvider> FixProviders = typeof(CodeFixes.SplitDropColumnCodeFixProvider).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        private MutationSubject(string name, Project project, Compilation compilation, IReadOnlyList<MutableFile> files)
        {
            Name = name;
            Project = project;
            Compilation = compilation;
            Files = files;
            var migrations = HistoryBuilder.Build(compilation, CancellationToken.None).SelectMany(history => history.Migrations).ToList();
            Ids = migrations.Select(migration => migration.Id).Distinct().ToList();
            Fingerprints = migrations.GroupBy(migration => migration.Id).ToDictionary(group => group.Key, group => Fingerprint.Of(group.First()), StringComparer.Ordinal);
            Strings = files.SelectMany(file => file.Tokens).Where(token => token.IsKind(SyntaxKind.StringLiteralToken)).Select(token => token.ValueText).Distinct().ToList();
        }

        public string Name { get; }

        public Project Project { get; }

        public Compilation Compilation { get; }

        public IReadOnlyList<MutableFile> Files { get; }

        /// <summary>The migration ids, in order, and the fingerprint the baselining fix would record for each.</summary>
        public IReadOnlyList<string> Ids { get; }

        public IReadOnlyDictionary<string, string> Fingerprints { get; }

        /// <summary>The string literals: table, column, entity and annotation names.</summary>
        public IReadOnlyList<string> Strings { get; }

        /// <summary>A corpus history (Histories/&lt;name&gt;).</summary>
        public static Task<MutationSubject> LoadAsync(string history) => CreateAsync(history, CorpusHistory.Get(history).Compilation);

        /// <summary>The trees of <paramref name="compilation"/> as a workspace project, with its options and references.</summary>
        public static async Task<MutationSubject> CreateAsync(string name, Compilation compilation)
        {
            var trees = compilation.SyntaxTrees.ToList();
            var project = new AdhocWorkspace().AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                name,
                compilation.AssemblyName!,
                LanguageNames.CSharp,
                compilationOptions: compilation.Options,
                parseOptions: trees[0].Options,
                metadataReferences: compilation.References));
            foreach (var tree in trees)
            {
                project = project.AddDocument(Path.GetFileName(tree.FilePath), await tree.GetTextAsync(), filePath: tree.FilePath).Project;
            }

            var projectCompilation = (await project.GetCompilationAsync())!;
            var files = new List<MutableFile>();
            foreach (var document in project.Documents)
            {
                // The workspace keeps each document's tree: the one in the compilation, which a mutant replaces.
                var tree = (await document.GetSyntaxTreeAsync())!;
                if (!projectCompilation.ContainsSyntaxTree(tree))
                {
                    throw new InvalidOperationException(document.Name + ": the workspace re-parsed it");
                }

                files.Add(new MutableFile(document.Id, document.Name, tree));
            }

            return new MutationSubject(name, project, projectCompilation, files.OrderBy(file => file.Name, StringComparer.Ordinal).ToList());
        }

        /// <summary>
        /// Analyzes a mutant with every analyzer: in the changed file (or another when a file is removed or only the
        /// manifest differs) and the manifest; or, <paramref name="thorough"/>ly, in the whole compilation, then applying
        /// every code action every fix provider offers for each of its diagnostics, and each provider's Fix All. Returns
        /// what went wrong: exceptions, and fixes whose output no longer parses.
        /// </summary>
        /// <param name="counts">Counts what was exercised: diagnostics by id, code actions applied by provider.</param>
        public async Task<List<MutantFailure>> RunAsync(Mutation mutation, bool thorough, ConcurrentDictionary<string, int> counts, CancellationToken cancellationToken)
        {
            var failures = new List<MutantFailure>();
            var solution = Project.Solution;
            var compilation = Compilation;
            SyntaxTree? changed = null;
            if (mutation.File is { } file)
            {
                if (mutation.RemovesFile)
                {
                    solution = solution.RemoveDocument(file.Id);
                    compilation = compilation.RemoveSyntaxTrees(file.Tree);
                }
                else
                {
                    solution = solution.WithDocumentText(file.Id, SourceText.From(mutation.Apply()));
                    changed = (await solution.GetDocument(file.Id)!.GetSyntaxTreeAsync(cancellationToken))!;
                    compilation = compilation.ReplaceSyntaxTree(file.Tree, changed);
                }
            }

            var additionalFiles = ImmutableArray<AdditionalText>.Empty;
            if (mutation.Manifest is { } manifest)
            {
                var text = SourceText.From(manifest);
                solution = solution.GetProject(Project.Id)!.AddAdditionalDocument(Path.GetFileName(ManifestPath), text, filePath: ManifestPath).Project.Solution;
                additionalFiles = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ManifestPath, text));
            }

            var diagnostics = await AnalyzeAsync(compilation, additionalFiles, thorough ? null : changed ?? compilation.SyntaxTrees.First(), failures, cancellationToken);
            foreach (var diagnostic in diagnostics)
            {
                counts.AddOrUpdate(diagnostic.Id, 1, (_, count) => count + 1);
            }

            if (thorough)
            {
                await FixAsync(solution, diagnostics, failures, counts, cancellationToken);
            }

            return failures;
        }

        /// <summary>
        /// Every analyzer's diagnostics; each exception an analyzer threw (callback or AD0001) is a failure. With
        /// <paramref name="tree"/>, as an IDE does for the open file: that tree's diagnostics and the additional files'
        /// (the checker's compilation-wide work runs whichever tree asks first), which spares binding the designers' big
        /// lambdas; without, as a build does: every tree's.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
            Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, SyntaxTree? tree, List<MutantFailure> failures, CancellationToken cancellationToken)
        {
            var exceptions = new ConcurrentQueue<(Exception Exception, DiagnosticAnalyzer Analyzer)>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((exception, analyzer)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var analyzers = compilation.WithAnalyzers(HistoryProject.Analyzers, options);
            ImmutableArray<Diagnostic> diagnostics;
            if (tree is null)
            {
                diagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            }
            else
            {
                var builder = ImmutableArray.CreateBuilder<Diagnostic>();
                builder.AddRange(await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken));
                foreach (var file in additionalFiles)
                {
                    builder.AddRange((await analyzers.GetAnalysisResultAsync(file, cancellationToken)).GetAllDiagnostics());
                }

                diagnostics = builder.ToImmutable();
            }

            // The checker's work is shared by every rule analyzer: one bug throws in each; it is reported once.
            foreach (var group in exceptions.GroupBy(pair => pair.Exception.GetType().FullName + pair.Exception.StackTrace))
            {
                failures.Add(MutantFailure.From(group.First().Exception, "analyzers", string.Join(", ", group.Select(pair => pair.Analyzer.GetType().Name))));
            }

            foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
            {
                failures.Add(new MutantFailure("AD0001 " + diagnostic.GetMessage(), diagnostic.ToString()));
            }

            return diagnostics;
        }

        /// <summary>
        /// Every code action of every provider for each diagnostic it fixes, then each provider's Fix All (project scope)
        /// for each kind of action it offered, as the light bulb's "Fix all occurrences in project" does.
        /// </summary>
        private static async Task FixAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, List<MutantFailure> failures, ConcurrentDictionary<string, int> counts, CancellationToken cancellationToken)
        {
            var fixAll = new Dictionary<(CodeFixProvider Provider, string Key), Document>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree is not { } tree
                    || solution.GetDocumentIdsWithFilePath(tree.FilePath).FirstOrDefault() is not { } documentId)
                {
                    continue;
                }

                var document = solution.GetDocument(documentId)!;
                foreach (var provider in FixProviders.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var name = provider.GetType().Name;
                    var where = $"{name} on {diagnostic.Id} at {Path.GetFileName(tree.FilePath)}{diagnostic.Location.GetLineSpan().Span.Start}";
                    var actions = new List<CodeAction>();
                    try
                    {
                        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
                    }
                    catch (Exception exception)
                    {
                        failures.Add(MutantFailure.From(exception, name + " RegisterCodeFixesAsync", where));
                        continue;
                    }

                    // Fixes not applied by default come inside a group of one (see FixChoice).
                    foreach (var action in actions.SelectMany(action => action.NestedActions.IsEmpty ? new[] { action } : (IEnumerable<CodeAction>)action.NestedActions))
                    {
                        var key = action.EquivalenceKey ?? action.Title;
                        fixAll.TryAdd((provider, key), document);
                        await ApplyAsync(solution, action, $"{name} '{key}'", $"{where}, '{action.Title}'", name, failures, counts, cancellationToken);
                    }
                }
            }

            var diagnosticProvider = new FixedDiagnostics(diagnostics);
            foreach (var ((provider, key), document) in fixAll)
            {
                var name = provider.GetType().Name;
                var fix = $"{name} Fix All '{key}'";
                CodeAction? action;
                try
                {
                    action = provider.GetFixAllProvider() is { } fixAllProvider
                        ? await fixAllProvider.GetFixAsync(new FixAllContext(document, provider, FixAllScope.Project, key, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken))
                        : null;
                }
                catch (Exception exception)
                {
                    failures.Add(MutantFailure.From(exception, fix + " GetFixAsync", fix));
                    continue;
                }

                if (action is not null)
                {
                    await ApplyAsync(solution, action, fix, fix, name + " Fix All", failures, counts, cancellationToken);
                }
            }
        }

        /// <param name="fix">The provider and the kind of action: what groups repeats of one bug.</param>
        /// <param name="where">Which diagnostic, and the action's title.</param>
        private static async Task ApplyAsync(
            Solution solution, CodeAction action, string fix, string where, string counter, List<MutantFailure> failures, ConcurrentDictionary<string, int> counts, CancellationToken cancellationToken)
        {
            ImmutableArray<CodeActionOperation> operations;
            try
            {
                operations = await action.GetOperationsAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                failures.Add(MutantFailure.From(exception, fix + " GetOperationsAsync", where));
                return;
            }

            foreach (var apply in operations.OfType<ApplyChangesOperation>())
            {
                counts.AddOrUpdate(counter, 1, (_, count) => count + 1);
                foreach (var changes in apply.ChangedSolution.GetChanges(solution).GetProjectChanges())
                {
                    foreach (var id in changes.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                    {
                        if (Errors(await changes.OldProject.GetDocument(id)!.GetSyntaxTreeAsync(cancellationToken)).Count == 0
                            && Errors(await changes.NewProject.GetDocument(id)!.GetSyntaxTreeAsync(cancellationToken)) is { Count: > 0 } errors)
                        {
                            failures.Add(Unparsable(fix + ": a changed document no longer parses", where, errors));
                        }
                    }

                    foreach (var id in changes.GetAddedDocuments())
                    {
                        if (Errors(await changes.NewProject.GetDocument(id)!.GetSyntaxTreeAsync(cancellationToken)) is { Count: > 0 } errors
                            && await ParsesAsync(changes.OldProject, cancellationToken))
                        {
                            failures.Add(Unparsable(fix + ": an added document does not parse", where, errors));
                        }
                    }
                }
            }
        }

        private static async Task<bool> ParsesAsync(Project project, CancellationToken cancellationToken)
        {
            foreach (var document in project.Documents)
            {
                if (Errors(await document.GetSyntaxTreeAsync(cancellationToken)).Count > 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static List<Diagnostic> Errors(SyntaxTree? tree) =>
            tree is null ? new List<Diagnostic>() : tree.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();

        /// <summary>The first syntax error a fix made, in the lines around it.</summary>
        private static MutantFailure Unparsable(string signature, string where, List<Diagnostic> errors)
        {
            var first = errors[0];
            var text = first.Location.SourceTree!.GetText();
            var line = first.Location.GetLineSpan().StartLinePosition.Line;
            var region = new StringBuilder();
            for (var i = Math.Max(0, line - 3); i <= Math.Min(text.Lines.Count - 1, line + 3); i++)
            {
                region.Append(i == line ? "  >>" : "    ").Append(i + 1).Append(" | ").AppendLine(text.Lines[i].ToString());
            }

            return new MutantFailure(signature, $"{where}\n{Path.GetFileName(first.Location.SourceTree.FilePath)}: {first}\n{region}");
        }
    }

    /// <summary>What went wrong on a mutant: a signature (to group repeats of one bug) and the details.</summary>
    internal sealed class MutantFailure
    {
        public MutantFailure(string signature, string details)
        {
            Signature = signature;
            Details = details;
        }

        public string Signature { get; }

        public string Details { get; }

        /// <summary>The exception's type, its top frame in BlueGreen code and <paramref name="phase"/> make the signature.</summary>
        public static MutantFailure From(Exception exception, string phase, string where)
        {
            var frames = (exception.StackTrace ?? string.Empty).Split('\n').Select(frame => frame.Trim()).Where(frame => frame.Length > 0).ToList();
            var ours = frames.FirstOrDefault(frame => frame.Contains("BlueGreen.Analyzers", StringComparison.Ordinal) && !frame.Contains(".Tests.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "(no stack)";
            var inFile = ours.IndexOf(" in ", StringComparison.Ordinal);
            return new MutantFailure(
                $"{exception.GetType().Name} {(inFile < 0 ? ours : ours.Substring(0, inFile))} ({phase})",
                $"{where}\n{exception.GetType().FullName}: {exception.Message}\n      {string.Join("\n      ", frames.Take(8))}");
        }
    }

    /// <summary>The diagnostics Fix All collects: those of one analysis, by document (project-wide ones have no location in a tree).</summary>
    internal sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(diagnostic => diagnostic.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(diagnostic => diagnostic.Location.SourceTree is null));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    /// <summary>An additional file (the release manifest) held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
