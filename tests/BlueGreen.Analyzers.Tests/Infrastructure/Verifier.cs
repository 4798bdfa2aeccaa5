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

        /// <summary>Makes the fix provider when its parameterless constructor will not do (a fix with an injected clock).</summary>
        public System.Func<TCodeFix>? CodeFix { get; set; }

        protected override System.Collections.Generic.IEnumerable<CodeFixProvider> GetCodeFixProviders() =>
            CodeFix is { } make ? new CodeFixProvider[] { make() } : base.GetCodeFixProviders();

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
