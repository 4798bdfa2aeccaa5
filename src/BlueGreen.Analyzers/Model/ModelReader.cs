using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Reads the model a designer's <c>BuildTargetModel</c> or a snapshot's <c>BuildModel</c> builds, into the
    /// columns each table maps, following EF's mapping conventions (as EF Core 3.1 to 10 write and read them)
    /// rather than only what is spelled out:
    /// <list type="bullet">
    /// <item>owned types sharing their owner's table get <c>Navigation_Property</c> columns, nested owners chained;
    /// owned types with a table of their own (<c>OwnsMany</c>, or <c>ToTable</c>) keep their names and key;</item>
    /// <item>complex types (EF 8+) get <c>Property_Nested_Name</c> columns in their entity's table;</item>
    /// <item>JSON-mapped owned and complex types (<c>ToJson</c>, complex collections) are one column;</item>
    /// <item>TPH derived types live in their base's table; a derived type with a table of its own (TPT, and EF 5
    /// and 6 which had no strategy annotation) maps its own properties there, plus the key; TPC concrete types map
    /// every inherited property too;</item>
    /// <item>entity splitting (<c>SplitToTable</c>) puts the listed properties in the fragment table, plus the key;</item>
    /// <item>table-specific column names (<c>ToTable("X", t =&gt; t.Property("P").HasColumnName("c"))</c>);</item>
    /// <item>views, functions and SQL queries map no table; <c>ExcludeFromMigrations</c> tables are mapped but not
    /// managed by migrations.</item>
    /// </list>
    /// Entities are matched by the names used in the same file only, so hand-edited entity names in old designers
    /// do not matter: models are compared by tables and columns. What cannot be told from the file makes the
    /// tables it touches "uncertain" (<see cref="Mapping.Unknown"/>), never "not mapped".
    /// <para>
    /// Two steps: <see cref="DefinitionReader"/> reads the statements into <see cref="TypeDefinition"/>s as written,
    /// then <see cref="ColumnPlacer"/> applies EF's conventions to put their properties in tables.
    /// </para>
    /// </summary>
    internal static class ModelReader
    {
        /// <param name="entities">Entities already read from identical code in other designers of the history, and the tables placed from them; null: read all.</param>
        public static TargetModel Read(MethodDeclarationSyntax? method, CancellationToken cancellationToken, EntityDefinitions? entities = null)
        {
            if (method?.Body is not { } body)
            {
                return TargetModel.Empty;
            }

            var parameters = method.ParameterList.Parameters;
            var modelBuilder = parameters.Count == 1 ? parameters[0].Identifier.ValueText : "modelBuilder";
            var definition = DefinitionReader.Read(body, modelBuilder, cancellationToken, entities);
            return ColumnPlacer.Place(definition, new ModelSource(body, modelBuilder), cancellationToken, entities?.Tables);
        }
    }
}
