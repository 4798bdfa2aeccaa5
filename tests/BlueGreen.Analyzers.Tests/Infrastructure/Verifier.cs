using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>Analyzer and code fix tests over compilations that reference EF Core.</summary>
    internal sealed class Test<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }

        public static Task VerifyAnalyzerAsync(params string[] sources)
        {
            var test = new Test<TAnalyzer, TCodeFix>();
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            return test.RunAsync(CancellationToken.None);
        }
    }
}
