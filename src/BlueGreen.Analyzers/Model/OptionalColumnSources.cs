using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// The statements of a model-building method that can map a required property to a nullable column: those of TPH
    /// hierarchies (a derived type's columns are nullable for its siblings' rows), owned and complex types (optional
    /// objects), and mapping strategies (which decide whether a derived type shares its base's table). Where two models'
    /// statements of this kind are the same, no property changes requiredness between them while its column stays
    /// nullable, whatever else changed: the checks of requiredness in the model alone (BG0005, BG0006, BG0012) then need
    /// neither model, and a history's designers are the bulk of its code.
    /// </summary>
    /// <remarks>
    /// Found by searching the method's text for the builder calls that make such mappings, not by walking its syntax: a
    /// walk would create a node object for every call of every designer, which is what reading the model costs. A name
    /// that merely contains one (an entity called <c>OwnsOneThing</c>) only makes a statement compared that need not be.
    /// </remarks>
    internal sealed class OptionalColumnSources
    {
        // The builder calls (or the prefixes of several: OwnsOne/OwnsMany, ComplexProperty/ComplexCollection,
        // UseTph/Tpt/TpcMappingStrategy) after which a required property's column may be nullable.
        public static readonly string[] Markers = { "HasBaseType", "HasDiscriminator", "Owns", "Complex", "MappingStrategy" };

        private readonly List<StatementSyntax> _statements;

        private OptionalColumnSources(List<StatementSyntax> statements)
        {
            _statements = statements;
        }

        /// <summary>The statements of <paramref name="method"/>'s body that mention such a call, in order.</summary>
        public static OptionalColumnSources Read(MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            var found = new List<StatementSyntax>();
            if (method.Body is not { } body || body.Statements.Count == 0)
            {
                return new OptionalColumnSources(found);
            }

            var statements = body.Statements;
            var next = 0;
            foreach (var position in TextSearch.Positions(method.SyntaxTree.GetText(cancellationToken), body.Span, Markers, cancellationToken))
            {
                // Statements are in text order: the first one ending after the marker holds it (or none does).
                while (next < statements.Count && statements[next].Span.End <= position)
                {
                    next++;
                }

                if (next == statements.Count)
                {
                    break;
                }

                if (statements[next].SpanStart <= position && (found.Count == 0 || found[found.Count - 1] != statements[next]))
                {
                    found.Add(statements[next]);
                }
            }

            return new OptionalColumnSources(found);
        }

        /// <summary>Whether both lists hold the same statements, compared as code (names, arguments, order; not layout).</summary>
        public bool SameAs(OptionalColumnSources other)
        {
            if (_statements.Count != other._statements.Count)
            {
                return false;
            }

            for (var index = 0; index < _statements.Count; index++)
            {
                if (!SyntaxFactory.AreEquivalent(_statements[index], other._statements[index], topLevel: false))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
