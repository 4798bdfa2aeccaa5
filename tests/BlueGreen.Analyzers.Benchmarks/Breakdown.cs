using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using BlueGreen.Analyzers.Benchmarks.Infrastructure;
using BlueGreen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Benchmarks
{
    /// <summary>
    /// Where the analyzers' time goes: the phases of <c>CompilationAnalysis.Compute</c> called one by one
    /// (through reflection: they are internal), on a compilation the compiler has already bound (as in a build,
    /// where the analyzers' callbacks run while or after the compiler binds) and on the compilation after the
    /// IDE edit; and the symbol calls of <c>HistoryBuilder.Build</c> replayed one kind at a time.
    /// </summary>
    internal static class Breakdown
    {
        private static readonly Assembly Analyzers = typeof(DropColumnAnalyzer).Assembly;
        private static readonly Type TreeFacts = Type("History.TreeFacts");
        private static readonly MethodInfo GetFacts = TreeFacts.GetMethod("Get", BindingFlags.Public | BindingFlags.Static)!;
        private static readonly PropertyInfo Classes = TreeFacts.GetProperty("Classes")!;
        private static readonly FieldInfo Models = TreeFacts.GetField("_models", BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static readonly FieldInfo Operations = TreeFacts.GetField("_operations", BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static readonly MethodInfo Build = Type("History.HistoryBuilder").GetMethod("Build")!;
        private static readonly MethodInfo MetadataName = Type("History.HistoryBuilder").GetMethod("MetadataName", BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo Check = Type("Checking.CompatibilityChecker").GetMethod("Check")!;
        private static readonly MethodInfo ReadModel = Type("Model.ModelReader").GetMethod("Read")!;
        private static readonly MethodInfo ReadOperations = Type("Schema.OperationReader").GetMethod("Read")!;

        public static void Run(int size, bool allocations = false)
        {
            // JIT everything first, on a small history.
            Phases(Workload.Create(20), print: false, allocations: false);
            Phases(Workload.Create(size), print: true, allocations);
        }

        private static void Phases(Workload workload, bool print, bool allocations)
        {
            var trees = workload.Parse();
            var compilation = Workload.Compile(trees);
            Measure(print, "compiler binds everything (GetDiagnostics; context, not part of the phases below)", () => compilation.GetDiagnostics());

            if (print)
            {
                Console.WriteLine($"-- cold (N={workload.History.Migrations}, {workload.History.Lines:N0} lines, {trees.Length} trees), on the bound compilation:");
            }

            Measure(print, $"1. TreeFacts.Get on all {trees.Length} trees (root, class declarations with a base list)", () =>
            {
                foreach (var tree in trees)
                {
                    GetFacts.Invoke(null, new object[] { tree, CancellationToken.None });
                }
            });

            IList histories = null!;
            Measure(print, "2. HistoryBuilder.Build (symbols of every candidate class)", () => histories = (IList)Build.Invoke(null, new object[] { compilation, CancellationToken.None })!);
            var migrations = histories.Cast<object>().Sum(history => ((ICollection)history.GetType().GetProperty("Migrations")!.GetValue(history)!).Count);
            using var byType = allocations ? new AllocationsByType() : null;
            byType?.Start();
            Measure(print, $"3. CompatibilityChecker.Check, first time ({migrations} migrations: reads every Up, and the designers judgments need)", () => CheckAll(histories, compilation));
            byType?.StopAndPrint(top: 30);
            byType?.Start();
            Measure(print, "4. CompatibilityChecker.Check again (everything read is cached: the replay alone)", () => CheckAll(histories, compilation));
            byType?.StopAndPrint(top: 30);
            for (var again = 0; again < 4; again++)
            {
                Measure(print, "   and again", () => CheckAll(histories, compilation));
            }

            var designersRead = trees.Count(tree => ((ICollection)Models.GetValue(GetFacts.Invoke(null, new object[] { tree, CancellationToken.None }))!).Count > 0);
            var methodsRead = trees.Sum(tree => ((ICollection)Operations.GetValue(GetFacts.Invoke(null, new object[] { tree, CancellationToken.None }))!).Count);
            if (print)
            {
                Console.WriteLine($"   read: {methodsRead} Up methods (OperationReader), {designersRead} of {workload.History.Designers.Count()} designers + snapshot (ModelReader) -- one per migration whose Up drops a column");
            }

            // The cost of one read, uncached.
            var designerTrees = trees.Where(tree => tree.FilePath.EndsWith(".Designer.cs", StringComparison.Ordinal)).ToList();
            var lastDesigner = Method(designerTrees[^1], "BuildTargetModel");
            Measure(print, $"   ModelReader.Read of the last designer ({designerTrees[^1].GetText().Lines.Count} lines), x10", () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    ReadModel.Invoke(null, Arguments(ReadModel, lastDesigner, CancellationToken.None));
                }
            });
            var ups = trees.Where(tree => !tree.FilePath.EndsWith(".Designer.cs", StringComparison.Ordinal)).Select(tree => Method(tree, "Up")).Where(method => method is not null).ToList();
            Measure(print, $"   OperationReader.Read of all {ups.Count} Up methods", () =>
            {
                foreach (var up in ups)
                {
                    ReadOperations.Invoke(null, Arguments(ReadOperations, up, CancellationToken.None));
                }
            });

            Symbols(print, "5. HistoryBuilder's symbol calls replayed on a clone of the compilation (fresh symbols, nothing bound yet)", compilation.Clone());

            // The IDE scenario: the compilation after an edit to one Up. Every other tree is shared and cached.
            var edited = workload.Edit(compilation);
            if (print)
            {
                Console.WriteLine("-- after the edit (a new compilation, its symbols not bound yet, as in the IDE):");
            }

            Measure(print, "1. TreeFacts.Get on all trees (all cached but the edited one)", () =>
            {
                foreach (var tree in edited.SyntaxTrees)
                {
                    GetFacts.Invoke(null, new object[] { tree, CancellationToken.None });
                }
            });
            Measure(print, "2. HistoryBuilder.Build", () => histories = (IList)Build.Invoke(null, new object[] { edited, CancellationToken.None })!);
            Measure(print, "3. CompatibilityChecker.Check (reads the edited Up only)", () => CheckAll(histories, edited));
            Symbols(print, "4. HistoryBuilder's symbol calls replayed on a clone of the edited compilation", edited.Clone());
        }

        /// <summary>HistoryBuilder.Build's calls, one kind at a time, with how often each is made.</summary>
        private static void Symbols(bool print, string title, Compilation compilation)
        {
            if (print)
            {
                Console.WriteLine(title + ":");
            }

            var declarations = compilation.SyntaxTrees
                .SelectMany(tree => ((IEnumerable<ClassDeclarationSyntax>)Classes.GetValue(GetFacts.Invoke(null, new object[] { tree, CancellationToken.None }))!))
                .ToList();
            var names = new List<string>();
            Measure(print, $"   MetadataName x{declarations.Count}", () => names = declarations.Select(declaration => (string)MetadataName.Invoke(null, new object[] { declaration })!).ToList());
            var types = new List<INamedTypeSymbol>();
            Measure(print, $"   Compilation.GetTypeByMetadataName x{names.Count}", () => types = names.Select(name => compilation.GetTypeByMetadataName(name)).OfType<INamedTypeSymbol>().ToList());
            var migrationType = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration")!;
            Measure(print, $"   base type chain (DerivesFrom) x{types.Count}", () =>
            {
                foreach (var type in types)
                {
                    for (var current = type.BaseType; current is not null && !SymbolEqualityComparer.Default.Equals(current, migrationType); current = current.BaseType)
                    {
                    }
                }
            });
            Measure(print, $"   GetAttributes + constructor arguments x{types.Count}", () =>
            {
                foreach (var type in types)
                {
                    foreach (var attribute in type.GetAttributes())
                    {
                        _ = attribute.AttributeClass;
                        _ = attribute.ConstructorArguments.Length;
                    }
                }
            });
            Measure(print, $"   DeclaringSyntaxReferences + GetSyntax + member scan (Up, Down, BuildTargetModel) x{types.Count}", () =>
            {
                foreach (var type in types)
                {
                    foreach (var reference in type.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is ClassDeclarationSyntax declaration)
                        {
                            _ = declaration.Members.OfType<MethodDeclarationSyntax>().Count(method => method.Identifier.ValueText is "Up" or "Down" or "BuildTargetModel");
                        }
                    }
                }
            });
        }

        /// <summary>The checker on every history, BG0011's scan of <paramref name="compilation"/>'s code included where it takes one.</summary>
        private static void CheckAll(IList histories, Compilation compilation)
        {
            foreach (var history in histories)
            {
                var releases = DefaultReleases(history);
                // Older versions take fewer parameters; the later ones (the database target, what the caller knows) are optional.
                Check.Invoke(null, Check.GetParameters().Length >= 4
                    ? Arguments(Check, history, releases, compilation, CancellationToken.None)
                    : new[] { history, releases, CancellationToken.None });
            }
        }

        /// <summary>Every migration its own release (no manifest), whichever form the checker's release parameter has.</summary>
        private static object DefaultReleases(object history)
        {
            var type = Check.GetParameters()[1].ParameterType;
            return type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static) is { } property
                ? property.GetValue(null)!
                : type.GetMethod("Default", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new[] { history })!;
        }

        private static MethodDeclarationSyntax? Method(SyntaxTree tree, string name) =>
            tree.GetRoot().DescendantNodes(node => node is not MethodDeclarationSyntax).OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == name);

        /// <summary>The arguments given, then the defaults of any optional parameters the method has beyond them.</summary>
        private static object?[] Arguments(MethodInfo method, params object?[] given) =>
            given.Concat(method.GetParameters().Skip(given.Length).Select(parameter => parameter.HasDefaultValue ? parameter.DefaultValue : null)).ToArray();

        /// <summary>Prints the CPU time (wall-clock in brackets) and allocations of an action run on this thread.</summary>
        private static void Measure(bool print, string what, Action action)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = CpuClock.ThreadNanoseconds();
            var watch = Stopwatch.StartNew();
            action();
            Report(print, what, TimeSpan.FromTicks((CpuClock.ThreadNanoseconds() - cpu) / 100), watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes);
        }

        private static void Report(bool print, string what, TimeSpan cpu, TimeSpan elapsed, long bytes)
        {
            if (print)
            {
                Console.WriteLine(FormattableString.Invariant($"   {cpu.TotalMilliseconds,9:F1} ms [{elapsed.TotalMilliseconds,9:F1} ms] {bytes / 1048576.0,8:F2} MB  {what}"));
            }
        }

        private static Type Type(string name) => Analyzers.GetType("BlueGreen.Analyzers." + name, throwOnError: true)!;
    }
}
