using System.Linq;
using System.Threading;
using BlueGreen.Analyzers.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>A hand-written <c>BuildTargetModel</c> body in a minimal designer class, read as the analyzer reads it.</summary>
    internal static class DesignerBody
    {
        public static TargetModel Read(string body) => ModelReader.Read(Method(body), CancellationToken.None);

        /// <summary>The <c>BuildTargetModel</c> method holding <paramref name="body"/>.</summary>
        public static MethodDeclarationSyntax Method(string body)
        {
            var tree = CSharpSyntaxTree.ParseText("class Designer { protected override void BuildTargetModel(ModelBuilder modelBuilder) {\n" + body + "\n} }");
            return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        }
    }
}
