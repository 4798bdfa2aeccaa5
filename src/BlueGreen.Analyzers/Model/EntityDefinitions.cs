using System;
using System.Collections.Generic;
using System.Threading;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
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
    internal sealed partial class EntityDefinitions
    {
        private const int BufferLength = 2048;

        private readonly object _gate = new object();
        private readonly Dictionary<(string Name, int Length), List<Entry>> _entries = new Dictionary<(string, int), List<Entry>>();
        private readonly char[] _left = new char[BufferLength];
        private readonly char[] _right = new char[BufferLength];

        // The statements of the body read last. Designers are read in history order, mostly, and each is the one before with
        // a few entities changed: the statements in the text both bodies begin with, or end with, are the same statements,
        // known without walking their syntax again (a dozen nodes each, most of what reading a designer allocated).
        private Layout? _last;

        /// <summary>The columns of the tables placed from these definitions (<see cref="PlacedTables"/>).</summary>
        public PlacedTables Tables { get; } = new PlacedTables();

        /// <summary>
        /// The model <paramref name="body"/> configures, its entities taken from earlier reads where their code is the same;
        /// null when a statement configures an entity in a shape this does not group (a chain of several calls, a name that
        /// is not a constant) or the method declares a const local: the caller reads the method whole.
        /// </summary>
        public ModelDefinition? Read(BlockSyntax body, string modelBuilder, CancellationToken cancellationToken)
        {
            var text = body.SyntaxTree.GetText(cancellationToken);
            var statements = body.Statements;
            var count = statements.Count;
            var (first, last, shift, layout) = Shared(body, text, modelBuilder);

            // An entity takes one statement or more (EF writes its relationships in a second): the statements bound the entities.
            var model = new ModelDefinition(count);
            var groups = new Dictionary<string, Group>(count, StringComparer.Ordinal);
            var order = new List<Group>(count);
            var lines = new Line[count];
            var chain = new List<InvocationExpressionSyntax>();
            for (var index = 0; index < count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Line line;
                LambdaExpressionSyntax? lambda = null;
                if (index < first || index >= count - last)
                {
                    // The same statement as in the layout's body: its kind and entity are known, its syntax walked only if needed.
                    var known = layout!.Lines[index < first ? index : index + layout.Lines.Length - count];
                    line = new Line(known.Start + (index < first ? 0 : shift), known.Length, known.Entity, known.Setting);
                }
                else if (Walk(statements[index], body.SpanStart, modelBuilder, chain, out lambda) is { } walked)
                {
                    line = walked;
                }
                else
                {
                    return null;
                }

                lines[index] = line;
                if (line.Entity is { } name)
                {
                    if (!groups.TryGetValue(name, out var group))
                    {
                        groups.Add(name, group = new Group(name));
                        order.Add(group);
                    }

                    group.Add(new TextSpan(body.SpanStart + line.Start, line.Length), index, lambda, walked: index >= first && index < count - last);
                }
                else if (line.Setting && BuilderSyntax.ChainOn(statements[index], modelBuilder, chain))
                {
                    foreach (var call in chain)
                    {
                        DefinitionReader.ReadModelSetting(model, call);
                    }
                }
            }

            var definitions = new Dictionary<string, (TypeDefinition Definition, int Statements)>(order.Count, StringComparer.Ordinal);
            foreach (var group in order)
            {
                // All the entity's statements are the layout's, all of them: the same text, so the same definition (the text
                // was compared already, and would find the one the layout's body found).
                var entity = !group.Walked && layout is not null && layout.Definitions.TryGetValue(group.Name, out var known) && known.Statements == group.Count
                    ? known.Definition
                    : Find(group, text, cancellationToken) ?? (group.LambdasIn(statements, modelBuilder) is { } lambdas ? Add(group, lambdas, text, cancellationToken) : null);
                if (entity is null)
                {
                    return null;
                }

                model.Entities.Add(group.Name, entity);
                model.Order.Add(entity);
                definitions.Add(group.Name, (entity, group.Count));
            }

            Volatile.Write(ref _last, new Layout(text, body.Span, modelBuilder, lines, definitions));
            return model;
        }

        /// <summary>
        /// One statement not known from the layout: what it is to the model; null when the body cannot be grouped (see
        /// <see cref="Read"/>).
        /// </summary>
        private static Line? Walk(StatementSyntax statement, int bodyStart, string modelBuilder, List<InvocationExpressionSyntax> chain, out LambdaExpressionSyntax? lambda)
        {
            lambda = null;

            // A const local of the method can give an entity's names their value (Arguments.Fold): the same statements
            // would then not mean the same in another designer. EF declares none; such a method is read whole.
            if (statement is LocalDeclarationStatementSyntax { IsConst: true })
            {
                return null;
            }

            var start = statement.SpanStart - bodyStart;
            if (!BuilderSyntax.ChainOn(statement, modelBuilder, chain))
            {
                return new Line(start, statement.Span.Length, entity: null, setting: false);
            }

            if (EntityCall(chain) is { } arguments)
            {
                if (Arguments.Fold(arguments[0].Expression).Value is not { } name || arguments[1].Expression is not LambdaExpressionSyntax entityLambda)
                {
                    return null;
                }

                lambda = entityLambda;
                return new Line(start, statement.Span.Length, name, setting: false);
            }

            foreach (var call in chain)
            {
                if (Invocations.MethodName(call) == "Entity")
                {
                    return null;
                }
            }

            return new Line(start, statement.Span.Length, entity: null, setting: true);
        }

        /// <summary>The arguments of <c>modelBuilder.Entity("Name", b =&gt; ...)</c> called alone; null for any other chain.</summary>
        private static SeparatedSyntaxList<ArgumentSyntax>? EntityCall(List<InvocationExpressionSyntax> chain) =>
            chain.Count == 1 && Invocations.MethodName(chain[0]) == "Entity" && chain[0].ArgumentList.Arguments is { Count: 2 } arguments ? arguments : null;

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

        private TypeDefinition Add(Group group, List<LambdaExpressionSyntax> lambdas, SourceText text, CancellationToken cancellationToken)
        {
            var definition = DefinitionReader.ReadEntityLambdas(group.Name, lambdas, cancellationToken);
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

        /// <summary>The statements of one method configuring one entity, in order.</summary>
        private sealed class Group
        {
            public Group(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public List<TextSpan> Spans { get; } = new List<TextSpan>(2);

            // Each statement's index in the body, and its lambda when it was walked (else found again if the entity is read).
            private List<(int Index, LambdaExpressionSyntax? Lambda)> Statements { get; } = new List<(int, LambdaExpressionSyntax?)>(2);

            /// <summary>The statements' length in all: different lengths are different code, without reading a character.</summary>
            public int Length { get; private set; }

            /// <summary>How many statements configure the entity.</summary>
            public int Count => Statements.Count;

            /// <summary>Some statement was walked: not one known from the layout.</summary>
            public bool Walked { get; private set; }

            public void Add(TextSpan span, int index, LambdaExpressionSyntax? lambda, bool walked)
            {
                Spans.Add(span);
                Statements.Add((index, lambda));
                Length += span.Length;
                Walked |= walked;
            }

            /// <summary>
            /// The lambdas configuring the entity: those walked, and those of statements known from a layout found again (the
            /// layout walked the same text as an entity call); null if one is not (never expected: the body is then read whole).
            /// </summary>
            public List<LambdaExpressionSyntax>? LambdasIn(SyntaxList<StatementSyntax> statements, string modelBuilder)
            {
                var lambdas = new List<LambdaExpressionSyntax>(Statements.Count);
                var chain = new List<InvocationExpressionSyntax>(1);
                foreach (var (index, lambda) in Statements)
                {
                    if (lambda is not null)
                    {
                        lambdas.Add(lambda);
                    }
                    else if (BuilderSyntax.ChainOn(statements[index], modelBuilder, chain) && EntityCall(chain) is { } arguments && arguments[1].Expression is LambdaExpressionSyntax found)
                    {
                        lambdas.Add(found);
                    }
                    else
                    {
                        return null;
                    }
                }

                return lambdas;
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
