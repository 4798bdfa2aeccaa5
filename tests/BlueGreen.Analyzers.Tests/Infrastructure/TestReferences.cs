using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace BlueGreen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The references test compilations see: .NET 10 reference assemblies and EF Core, all from this
    /// project's own packages, so no test downloads anything.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>A reference set that resolves to nothing: the references come from <see cref="All"/>.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net10.0");

        public static readonly ImmutableArray<MetadataReference> All = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(new[]
            {
                typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
                typeof(Microsoft.EntityFrameworkCore.DeleteBehavior).Assembly,
                typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).Assembly,
                typeof(Microsoft.EntityFrameworkCore.SqlServerModelBuilderExtensions).Assembly,
                typeof(Microsoft.EntityFrameworkCore.NpgsqlModelBuilderExtensions).Assembly,
                typeof(System.ComponentModel.DataAnnotations.Schema.ColumnAttribute).Assembly,
            }.Distinct().Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location)))
            .ToImmutableArray();
    }
}
