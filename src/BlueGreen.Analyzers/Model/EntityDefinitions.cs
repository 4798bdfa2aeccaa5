using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.Model
{
    /// <summary>
    /// The entity definitions of one history's designers and snapshot, each read once per distinct code. Every designer
    /// repeats the whole model and a migration changes a few entities of it, so the statements configuring an entity are
    /// most often the same text as in the designer before: their definition (syntax-free, see
    /// <see cref="DefinitionReader.Read"/>) is reused instead of walking them again. Texts are compared whole, never by
    /// hash alone. Lives for one compilation's analysis: it keeps the texts it compares with.
    /// </summary>
    internal sealed class EntityDefinitions
    {
        private const int BufferLength = 2048;

        private readonly object _gate = new object();
        private readonly Dictionary<(string Name, int Length), List<Entry>> _entries = new Dictionary<(string, int), List<Entry>>();
        private readonly char[] _left = new char[BufferLength];
        private readonly char[] _right = new char[BufferLength];

        /// <summary>
        /// The model <paramref name="body"/> configures, its entities taken from earlier reads where their code is the same;
        /// null when a statement configures an entity in a shape this does not group (a chain of several calls, a name that
        /// is not a constant) or the method declares a const local: the caller reads the method whole.
        /// </summary>
        public ModelDefinition? Read(BlockSyntax body, string modelBuilder, CancellationToken cancellationToken)
        {
            // A const local of the method can give an entity's names their value (Arguments.Fold): the same statements
            // would then not mean the same in another designer. EF declares none; such a method is read whole.
            foreach (var statement in body.Statements)
            {
                if (statement is LocalDeclarationStatementSyntax { IsConst: true })
                {
                    return null;
                }
            }

            // An entity takes one statement or more (EF writes its relationships in a second): the statements bound the entities.
            var statements = body.Statements.Count;
            var model = new ModelDefinition(statements);
            var groups = new Dictionary<string, Group>(statements, StringComparer.Ordinal);
            var order = new List<Group>(statements);
            foreach (var (statement, chain) in BuilderSyntax.ChainsOn(body, modelBuilder, cancellationToken))
            {
                if (chain.Count == 1 && Invocations.MethodName(chain[0]) == "Entity" && chain[0].ArgumentList.Arguments is { Count: 2 } arguments)
                {
                    if (Arguments.Fold(arguments[0].Expression).Value is not { } name || arguments[1].Expression is not LambdaExpressionSyntax lambda)
                    {
                        return null;
                    }

                    if (!groups.TryGetValue(name, out var group))
                    {
                        groups.Add(name, group = new Group(name));
                        order.Add(group);
                    }

                    group.Add(statement.Span, lambda);
                    continue;
                }

                foreach (var call in chain)
                {
                    if (Invocations.MethodName(call) == "Entity")
                    {
                        return null;
                    }

                    DefinitionReader.ReadModelSetting(model, call);
                }
            }

            var text = body.SyntaxTree.GetText(cancellationToken);
            foreach (var group in order)
            {
                var entity = Find(group, text, cancellationToken) ?? Add(group, text, cancellationToken);
                model.Entities.Add(group.Name, entity);
                model.Order.Add(entity);
            }

            return model;
        }

        private TypeDefinition? Find(Group group, SourceText text, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (!_entries.TryGetValue((group.Name, group.Length), out var candidates))
                {
                    return null;
                }

                foreach (var candidate in candidates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Same(candidate, group, text))
                    {
                        return candidate.Definition;
                    }
                }

                return null;
            }
        }

        private TypeDefinition Add(Group group, SourceText text, CancellationToken cancellationToken)
        {
            var definition = DefinitionReader.ReadEntityLambdas(group.Name, group.Lambdas, cancellationToken);
            lock (_gate)
            {
                if (!_entries.TryGetValue((group.Name, group.Length), out var candidates))
                {
                    _entries.Add((group.Name, group.Length), candidates = new List<Entry>(1));
                }

                candidates.Add(new Entry(text, group.Spans.ToArray(), definition));
            }

            return definition;
        }

        private bool Same(Entry entry, Group group, SourceText text)
        {
            if (entry.Spans.Length != group.Spans.Count)
            {
                return false;
            }

            for (var i = 0; i < entry.Spans.Length; i++)
            {
                if (!SameText(entry.Text, entry.Spans[i], text, group.Spans[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool SameText(SourceText left, TextSpan leftSpan, SourceText right, TextSpan rightSpan)
        {
            if (leftSpan.Length != rightSpan.Length)
            {
                return false;
            }

            for (var offset = 0; offset < leftSpan.Length; offset += BufferLength)
            {
                var count = Math.Min(BufferLength, leftSpan.Length - offset);
                left.CopyTo(leftSpan.Start + offset, _left, 0, count);
                right.CopyTo(rightSpan.Start + offset, _right, 0, count);
                if (!_left.AsSpan(0, count).SequenceEqual(_right.AsSpan(0, count)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The statements of one method configuring one entity, in order.</summary>
        private sealed class Group
        {
            public Group(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public List<TextSpan> Spans { get; } = new List<TextSpan>(2);

            public List<LambdaExpressionSyntax> Lambdas { get; } = new List<LambdaExpressionSyntax>(2);

            /// <summary>The statements' length in all: different lengths are different code, without reading a character.</summary>
            public int Length { get; private set; }

            public void Add(TextSpan span, LambdaExpressionSyntax lambda)
            {
                Spans.Add(span);
                Lambdas.Add(lambda);
                Length += span.Length;
            }
        }

        private sealed class Entry
        {
            public Entry(SourceText text, TextSpan[] spans, TypeDefinition definition)
            {
                Text = text;
                Spans = spans;
                Definition = definition;
            }

            public SourceText Text { get; }

            public TextSpan[] Spans { get; }

            public TypeDefinition Definition { get; }
        }
    }
}
