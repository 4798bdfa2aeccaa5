using System.Text.RegularExpressions;
using System.Threading.Tasks;
using BlueGreen.Analyzers.EndToEnd.Infrastructure;
using Xunit;

namespace BlueGreen.Analyzers.EndToEnd
{
    /// <summary>The packed analyzers on a compiler older than the SDK's, as in older SDKs and IDEs.</summary>
    [Collection(PackedConsumerCollection.Name)]
    public class CompilerCompatibilityTests
    {
        private static readonly Regex ToolsetCompiler = new(
            @"microsoft\.net\.compilers\.toolset[\\/]4\.14\.0[\\/]tasks[\\/]netcore[\\/]bincore[\\/]csc\.dll",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly PackedConsumer consumer;

        public CompilerCompatibilityTests(PackedConsumer consumer)
        {
            this.consumer = consumer;
        }

        [Fact]
        public async Task Microsoft_Net_Compilers_Toolset_4_14_loads_the_analyzers_and_reports_BG0001()
        {
            var app = consumer.CreateApp("toolset-4.14");

            // The .NET 10 SDK sets RoslynCompilerType=Core and points CSharpCoreTargetsPath at its own compiler,
            // overriding the props of toolset packages older than that property (4.14 is one): without this line
            // the SDK's compiler would run and the test would prove nothing.
            app.Replace("Storefront.csproj", "    <Nullable>enable</Nullable>\n", "    <Nullable>enable</Nullable>\n    <RoslynCompilerType>Custom</RoslynCompilerType>\n");
            app.Replace(
                "Storefront.csproj",
                "  </ItemGroup>\n",
                "    <PackageReference Include=\"Microsoft.Net.Compilers.Toolset\" Version=\"4.14.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n");

            // Normal verbosity shows the compiler's command line.
            var build = await app.BuildAsync("-v:n");

            Expect.Succeeded(build);
            Assert.True(ToolsetCompiler.IsMatch(build.Output), $"The build did not run the compiler of Microsoft.Net.Compilers.Toolset 4.14.0:\n{build}");
            Expect.AnalyzerLoadedCleanly(build);
            Expect.OneBG0001AtTheUnsafeDrop(app, build, "warning");
        }
    }
}
