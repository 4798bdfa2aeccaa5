using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Where a model method declares the one property that maps a column: what a code fix copies from one designer into
    /// the same type's block of another (<see cref="TargetModel.TypeBody"/>).
    /// </summary>
    internal sealed class ColumnDeclaration
    {
        public ColumnDeclaration(InvocationExpressionSyntax invocation, ExpressionStatementSyntax statement, string propertyName, string? clrType, string typePath)
        {
            Invocation = invocation;
            Statement = statement;
            PropertyName = propertyName;
            ClrType = clrType;
            TypePath = typePath;
        }

        /// <summary>The root of the statement's chain: <c>b.Property&lt;T&gt;("Name")</c>, <c>b.PrimitiveCollection&lt;T&gt;("Name")</c>...</summary>
        public InvocationExpressionSyntax Invocation { get; }

        /// <summary>The whole statement, with the chain that configures the property.</summary>
        public ExpressionStatementSyntax Statement { get; }

        public string PropertyName { get; }

        /// <summary>The CLR type as written (<c>T</c> of <c>Property&lt;T&gt;</c> or <c>typeof(T)</c>); null when not written.</summary>
        public string? ClrType { get; }

        /// <summary>
        /// The type whose block declares the property: the entity's name (<c>Fixtures.Customer</c>), then for each owned or
        /// complex type on the way the navigation or complex property (<c>Fixtures.Customer/Home/Location</c>).
        /// </summary>
        public string TypePath { get; }
    }
}
