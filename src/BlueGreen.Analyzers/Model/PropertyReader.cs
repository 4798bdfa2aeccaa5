using System.Collections.Generic;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>Reads a property's declaration and its fluent chain (column name, IsRequired, annotations) into a <see cref="PropertyDefinition"/>.</summary>
    internal static class PropertyReader
    {
        /// <summary>A statement whose chain starts with <c>Property</c>, <c>PrimitiveCollection</c> or <c>IndexerProperty</c> on the type's builder.</summary>
        /// <param name="statement">The statement in the file; null when the lambda has no block.</param>
        /// <param name="syntax">Keep the declaring statement (<see cref="PropertyDefinition.Statement"/>).</param>
        public static void Read(TypeDefinition type, List<InvocationExpressionSyntax> chain, ExpressionStatementSyntax? statement, bool syntax)
        {
            var root = chain[0];
            if (Name(root) is not { } name)
            {
                type.Uncertain = true;
                return;
            }

            var clrType = ClrType(root);
            var property = Declare(type, name, inBlock: statement is not null);
            if (syntax && property.DeclaredOnce)
            {
                property.Invocation = root;
                property.Statement = statement;
            }

            if (clrType is not null)
            {
                property.ClrType = clrType;
            }

            foreach (var call in chain)
            {
                ReadPropertyCall(type, property, call);
            }
        }

        /// <summary><c>Property&lt;T&gt;("Name")</c>, <c>Property(typeof(T), "Name")</c>, <c>Property("Name")</c>: the name; null when it cannot be told.</summary>
        private static string? Name(InvocationExpressionSyntax root)
        {
            var arguments = root.ArgumentList.Arguments;
            return arguments.Count is 1 or 2 ? Arguments.Fold(arguments[arguments.Count - 1].Expression).Value : null;
        }

        private static string? ClrType(InvocationExpressionSyntax root)
        {
            var arguments = root.ArgumentList.Arguments;
            return Invocations.TypeArgument(root)
                ?? (arguments.Count == 2 && arguments[0].Expression is TypeOfExpressionSyntax typeOf ? Invocations.TypeText(typeOf.Type) : null);
        }

        private static PropertyDefinition Declare(TypeDefinition type, string name, bool inBlock)
        {
            if (type.Properties.TryGetValue(name, out var property))
            {
                // Declared twice: neither statement alone says all about it.
                property.DeclaredOnce = false;
                property.Invocation = null;
                property.Statement = null;
                return property;
            }

            property = new PropertyDefinition(name, type.Path) { DeclaredOnce = inBlock };
            type.Properties.Add(name, property);
            type.PropertyOrder.Add(property);
            return property;
        }

        private static void ReadPropertyCall(TypeDefinition type, PropertyDefinition property, InvocationExpressionSyntax call)
        {
            var arguments = call.ArgumentList.Arguments;
            switch (Invocations.MethodName(call))
            {
                case "HasColumnName" when arguments.Count == 1:
                    SetColumn(type, property, Arguments.Fold(arguments[0].Expression));
                    break;
                case "HasAnnotation" when arguments.Count == 2:
                    ReadPropertyAnnotation(type, property, Arguments.Fold(arguments[0].Expression).Value, arguments[1].Expression);
                    break;
                case "IsRequired":
                    property.Required = BuilderSyntax.BoolArgument(call, absent: true);
                    break;
                case "HasColumnType" when arguments.Count == 1:
                    property.StoreType = Arguments.Fold(arguments[0].Expression).Value;
                    break;
                case "HasMaxLength" when arguments.Count == 1:
                    property.MaxLength = BuilderSyntax.IntLiteral(arguments[0].Expression);
                    break;
                case "HasDefaultValue" or "HasDefaultValueSql" or "HasComputedColumnSql" or "ValueGeneratedOnAdd" or "ValueGeneratedOnAddOrUpdate" or "UseIdentityColumn" or "UseSerialColumn":
                    property.HasDefault = true;
                    break;
            }
        }

        private static void ReadPropertyAnnotation(TypeDefinition type, PropertyDefinition property, string? annotation, ExpressionSyntax value)
        {
            switch (annotation)
            {
                case "Relational:ColumnName":
                    // EF 2.x and 3.x designers spell a column name as an annotation.
                    SetColumn(type, property, Arguments.Fold(value));
                    break;
                case "Relational:DefaultValue" or "Relational:DefaultValueSql" or "Relational:ComputedColumnSql" or "Sqlite:Autoincrement":
                    property.HasDefault = true;
                    break;
                case ModelAnnotations.KeptInDatabase:
                    // Not a literal: whether the version maps the column cannot be told.
                    var kept = BuilderSyntax.BoolLiteral(value);
                    type.Uncertain |= kept is null;
                    property.Kept = kept == true;
                    break;
            }
        }

        private static void SetColumn(TypeDefinition type, PropertyDefinition property, Folded column)
        {
            type.Uncertain |= !column.IsKnown;

            // HasColumnName(null) restores the convention.
            property.Column = column.Value;
        }
    }
}
