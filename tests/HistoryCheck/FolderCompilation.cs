using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlueGreen.Analyzers.HistoryCheck
{
    /// <summary>
    /// A folder of migrations compiled as if it were still in its project: its .cs files, the implicit usings of the SDK,
    /// and stubs for what the rest of the project declared (<see cref="Stubs"/>), found by compiling again until no
    /// stub is missing.
    /// </summary>
    internal sealed class FolderCompilation
    {
        /// <summary>Enough for a name found only once its namespace is stubbed, or a member once its type is.</summary>
        private const int MaxRounds = 6;

        private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(new[]
            {
                typeof(DbContext).Assembly,
                typeof(DeleteBehavior).Assembly,
                typeof(Migration).Assembly,
                typeof(SqliteDbContextOptionsBuilderExtensions).Assembly,
                typeof(SqlServerModelBuilderExtensions).Assembly,
                typeof(NpgsqlModelBuilderExtensions).Assembly,
                typeof(System.ComponentModel.DataAnnotations.Schema.ColumnAttribute).Assembly,
            }.Distinct().Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location)))
            .ToImmutableArray();

        // Projects made since .NET 6 compile with these global usings (ImplicitUsings); hand-written migrations and
        // helpers rely on them. A name they bring in never shadows the project's own: a name that resolves is not stubbed.
        private const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        private FolderCompilation(CSharpCompilation compilation, Stubs stubs, int rounds)
        {
            Compilation = compilation;
            Stubs = stubs;
            Rounds = rounds;
        }

        public CSharpCompilation Compilation { get; }

        public Stubs Stubs { get; }

        /// <summary>How many compilations it took to stub everything the compiler named.</summary>
        public int Rounds { get; }

        /// <summary>Errors the stubs did not remove (EF APIs an old history used and EF 10 no longer has, expressions over app types).</summary>
        public IReadOnlyList<Diagnostic> Errors =>
            Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();

        public static FolderCompilation Compile(IReadOnlyList<SyntaxTree> trees)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var fixedTrees = trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "HistoryCheck.ImplicitUsings.cs")).ToList();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
            var stubs = new Stubs();
            for (var round = 1; ; round++)
            {
                var stubTree = CSharpSyntaxTree.ParseText(stubs.Source(), parseOptions, Stubs.FileName);
                var compilation = CSharpCompilation.Create("HistoryCheck", fixedTrees.Append(stubTree), References, options);
                var learned = false;
                foreach (var error in compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
                {
                    learned |= stubs.Learn(error, compilation);
                }

                if (!learned || round == MaxRounds)
                {
                    return new FolderCompilation(compilation, stubs, round);
                }
            }
        }

        public static IReadOnlyList<SyntaxTree> Parse(string folder) =>
            Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), Path.GetFullPath(file)))
                .ToList();
    }
}
