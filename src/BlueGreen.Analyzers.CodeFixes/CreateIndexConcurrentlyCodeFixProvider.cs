using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0201: the index is built with CREATE INDEX CONCURRENTLY, which lets writes go on: the migration's own CreateIndex
    /// gets the annotation EF's Npgsql provider reads there (and runs the statement outside the migration's transaction, as
    /// PostgreSQL requires). The designer and the snapshot are left alone: the annotation on the model's index would change
    /// nothing already scaffolded, and a snapshot that has it while the code's model does not makes the next
    /// <c>migrations add</c> drop and re-create the index. On SQL Server the index is built online instead (the same edit,
    /// another annotation).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateIndexConcurrentlyCodeFixProvider))]
    [Shared]
    public sealed class CreateIndexConcurrentlyCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Create the index concurrently";
        public const string Key = "BG0201.CreateConcurrently";
        private const string Annotation = "Npgsql:CreatedConcurrently";

        // SQL Server (an edition .editorconfig says builds online): the same edit with the annotation IsCreatedOnline() writes,
        // which EF's SqlServerMigrationsSqlGenerator renders as WITH (ONLINE = ON).
        public const string OnlineTitle = "Create the index online";
        public const string OnlineKey = "BG0201.CreateOnline";
        private const string OnlineAnnotation = "SqlServer:Online";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.IndexWithoutConcurrently.Id);

        private protected override Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken) =>
            data.Provider == Provider.SqlServer ? Offer(new FixOption(OnlineKey, "create_online", OnlineTitle)) : Offer(new FixOption(Key, "create_concurrently", Title));

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<CreateIndex>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (_, create)
                || MigrationSyntax.Statement(create) is not { } statement
                || await edits.ForAsync(create.Syntax, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            // The statement is the call with the annotations chained to it: an annotation saying false is turned to true.
            var expression = Invocations.StatementExpression(statement) ?? statement.Expression;
            var annotation = key == OnlineKey ? OnlineAnnotation : Annotation;
            if (OperationReader.AnnotationValue(Invocations.Chain(expression), annotation) is { } value)
            {
                code.Replace(value, "true");
                return;
            }

            // Else one more annotation, on a line of its own below the call, as EF writes annotations.
            var indent = code.IndentationOfLine(statement.SpanStart);
            code.Insert(expression.Span.End, code.NewLineText + indent + "    " + MigrationCode.Annotation(annotation, true));
        }
    }
}
