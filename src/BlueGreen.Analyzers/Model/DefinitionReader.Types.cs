using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>The calls of a type's lambda that configure more than a property: table annotations, key, discriminator, owned and complex types.</summary>
    internal sealed partial class DefinitionReader
    {
        private static void ReadTypeAnnotation(TypeDefinition type, string? annotation, ExpressionSyntax value)
        {
            switch (annotation)
            {
                // EF 2.x and hand-written forms of ToTable, ToView, mapping strategies and ToJson.
                case "Relational:TableName":
                    var table = type.Table ?? new TableDefinition();
                    table.HasName = true;
                    table.Name = Arguments.Fold(value).Value;
                    type.Uncertain |= !Arguments.Fold(value).IsKnown;
                    type.Table = table;
                    break;
                case "Relational:Schema":
                    var schemaTable = type.Table ?? new TableDefinition();
                    schemaTable.SchemaSpecified = true;
                    schemaTable.Schema = Arguments.Fold(value).Value;
                    type.Uncertain |= !Arguments.Fold(value).IsKnown;
                    type.Table = schemaTable;
                    break;
                case "Relational:ViewName":
                    type.HasView = Arguments.Fold(value).Value is not null;
                    break;
                case "Relational:FunctionName":
                case "Relational:SqlQuery":
                    type.HasView = true;
                    break;
                case "Relational:MappingStrategy":
                    type.Strategy = Arguments.Fold(value).Value;
                    break;
                case "Relational:ContainerColumnName":
                    type.JsonColumn = Arguments.Fold(value);
                    break;
                case "Relational:IsTableExcludedFromMigrations":
                    var excludedTable = type.Table ?? new TableDefinition();
                    excludedTable.Excluded = value.IsKind(SyntaxKind.TrueLiteralExpression);
                    type.Table = excludedTable;
                    break;
            }
        }

        /// <summary>
        /// <c>b.HasDiscriminator&lt;string&gt;("Discriminator").HasValue("Blog")</c> on a hierarchy's root,
        /// <c>b.HasDiscriminator().HasValue("RssBlog")</c> on the types derived from it.
        /// </summary>
        private static void ReadDiscriminator(TypeDefinition type, List<InvocationExpressionSyntax> chain)
        {
            var arguments = chain[0].ArgumentList.Arguments;
            type.Discriminator = arguments.Count == 0 ? type.Discriminator ?? new Folded("Discriminator") : Arguments.Fold(arguments[0].Expression);
            foreach (var call in chain)
            {
                if (Invocations.MethodName(call) == "HasValue")
                {
                    // HasValue(1), HasValue(typeof(T), "x"): not a value this reader can compare with a string column.
                    var value = call.ArgumentList.Arguments;
                    type.DiscriminatorValue = value.Count == 1 ? Arguments.Fold(value[0].Expression) : Folded.Unknown;
                }
            }
        }

        private static void ReadKey(TypeDefinition type, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            type.Keyed = true;
            type.PrimaryKey.Clear();
            foreach (var argument in arguments)
            {
                var key = Arguments.Fold(argument.Expression);
                if (key.Value is { } keyName)
                {
                    type.PrimaryKey.Add(keyName);
                }
                else
                {
                    type.Uncertain = true;
                }
            }
        }

        private static void ReadRequiredNavigation(TypeDefinition type, string? navigation, List<InvocationExpressionSyntax> chain)
        {
            foreach (var call in chain)
            {
                if (Invocations.MethodName(call) == "IsRequired" && BuilderSyntax.BoolArgument(call, absent: true) == true && navigation is not null)
                {
                    type.RequiredNavigations.Add(navigation);
                }
            }
        }

        private static void ReadForeignKeyToOwner(TypeDefinition type, List<InvocationExpressionSyntax> chain, string? navigation)
        {
            if (type.Kind != TypeKind.Owned)
            {
                return;
            }

            var linksOwner = navigation is null;
            foreach (var call in chain)
            {
                var arguments = call.ArgumentList.Arguments;
                switch (Invocations.MethodName(call))
                {
                    case "WithOne" when navigation is not null:
                        linksOwner = arguments.Count == 1 && Arguments.Fold(arguments[0].Expression).Value == navigation;
                        break;
                    case "HasForeignKey" when linksOwner:
                        // HasForeignKey("CustomerId"), or HasForeignKey("Ns.Address", "CustomerId") in one-to-one form.
                        var first = navigation is null ? 0 : 1;
                        for (var i = first; i < arguments.Count; i++)
                        {
                            if (Arguments.Fold(arguments[i].Expression).Value is { } property)
                            {
                                type.OwnerForeignKey.Add(property);
                            }
                        }

                        break;
                }
            }
        }

        private void ReadOwned(TypeDefinition owner, bool many, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            // OwnsOne("Ns.Type", "Navigation", b1 => { ... }); the navigation is the string before the lambda.
            if (arguments.Count < 2 || arguments[arguments.Count - 1].Expression is not LambdaExpressionSyntax lambda
                || Arguments.Fold(arguments[arguments.Count - 2].Expression).Value is not { } navigation)
            {
                owner.Uncertain = true;
                return;
            }

            if (!owner.Owned.TryGetValue(navigation, out var owned))
            {
                owned = new TypeDefinition(TypeKind.Owned, navigation, owner) { Ownership = new Ownership(navigation, many) };
                owner.Owned.Add(navigation, owned);
            }

            ReadType(owned, lambda);
        }

        /// <summary>
        /// <c>ComplexProperty&lt;Dictionary&lt;string, object&gt;&gt;("Address", "Ns.Customer.Address#Address", b1 =&gt; ...)</c> (EF 8, 9),
        /// <c>ComplexProperty(typeof(Dictionary&lt;string, object&gt;), "Address", "...", b1 =&gt; ...)</c> and
        /// <c>ComplexCollection(typeof(List&lt;...&gt;), "Tags", "...", b1 =&gt; ...)</c> (EF 10).
        /// </summary>
        private void ReadComplex(TypeDefinition container, bool collection, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            if (arguments.Count < 2 || arguments[arguments.Count - 1].Expression is not LambdaExpressionSyntax lambda)
            {
                container.Uncertain = true;
                return;
            }

            var first = arguments[0].Expression is TypeOfExpressionSyntax ? 1 : 0;
            var name = Arguments.Fold(arguments[first].Expression).Value;
            if (name is null || first >= arguments.Count - 1)
            {
                container.Uncertain = true;
                return;
            }

            var complex = container.Complex.Find(candidate => candidate.Name == name);
            if (complex is null)
            {
                complex = new TypeDefinition(TypeKind.Complex, name, container) { IsCollection = collection };
                container.Complex.Add(complex);
            }

            ReadType(complex, lambda);
        }
    }
}
