using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// Where a model method declares the one property that maps a column: what a code fix copies from one designer into
    /// the same type's block of another (<see cref="TargetModel.TypeBody"/>). The names are known at once; the statement is
    /// found in the method when first asked for (<see cref="ModelSource"/>), as only fixes need it.
    /// </summary>
    internal sealed class ColumnDeclaration
    {
        private readonly ModelSource _source;
        private PropertyDefinition? _declared;
        private bool _found;

        public ColumnDeclaration(ModelSource source, PropertyDefinition property)
        {
            _source = source;
            PropertyName = property.Name;
            ClrType = property.ClrType;
            TypePath = property.TypePath;
        }

        /// <summary>The root of the statement's chain: <c>b.Property&lt;T&gt;("Name")</c>, <c>b.PrimitiveCollection&lt;T&gt;("Name")</c>...; null if the method no longer has it.</summary>
        public InvocationExpressionSyntax? Invocation => Declared()?.Invocation;

        /// <summary>The whole statement, with the chain that configures the property; null if the method no longer has it.</summary>
        public ExpressionStatementSyntax? Statement => Declared()?.Statement;

        public string PropertyName { get; }

        /// <summary>The CLR type as written (<c>T</c> of <c>Property&lt;T&gt;</c> or <c>typeof(T)</c>); null when not written.</summary>
        public string? ClrType { get; }

        /// <summary>
        /// The type whose block declares the property: the entity's name (<c>Fixtures.Customer</c>), then for each owned or
        /// complex type on the way the navigation or complex property (<c>Fixtures.Customer/Home/Location</c>).
        /// </summary>
        public string TypePath { get; }

        private PropertyDefinition? Declared()
        {
            if (!_found)
            {
                _declared = _source.Property(TypePath, PropertyName);
                _found = true;
            }

            return _declared;
        }
    }
}
