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
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0201: the index is built with CREATE INDEX CONCURRENTLY, which lets writes go on: the migration's own CreateIndex
    /// gets the annotation EF's Npgsql provider reads there (and runs the statement outside the migration's transaction, as
    /// PostgreSQL requires). The designer and the snapshot are left alone: the annotation on the model's index would change
    /// nothing already scaffolded, and a snapshot that has it while the code's model does not makes the next
    /// <c>migrations add</c> drop and re-create the index. Where other operations share the migration, the concurrent
    /// index would make it half-applied on a failure (BG0202): a second fix then also moves it to a migration of its own
    /// right after this one (<see cref="MigrationSplit"/>). That one adds files, so it is never the default: dotnet format
    /// writes them but also adds <c>&lt;Compile&gt;</c> items for them to the project file, which an SDK-style project then
    /// rejects as duplicates (NETSDK1022; see docs/hosts.md). On SQL Server the index is built online instead (the same
    /// edit, another annotation).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateIndexConcurrentlyCodeFixProvider))]
    [Shared]
    public sealed class CreateIndexConcurrentlyCodeFixProvider : MigrationCodeFixProvider
    {
        public const string Title = "Create the index concurrently";
        public const string Key = "BG0201.CreateConcurrently";
        public const string OwnMigrationTitle = "Create the index concurrently in a migration of its own";
        public const string OwnMigrationKey = "BG0201.OwnMigration";
        private const string Annotation = "Npgsql:CreatedConcurrently";

        // SQL Server (an edition .editorconfig says builds online): the same edit with the annotation IsCreatedOnline() writes,
        // which EF's SqlServerMigrationsSqlGenerator renders as WITH (ONLINE = ON). An online build holds its locks only
        // briefly and runs inside the transaction, so it needs no migration of its own.
        public const string OnlineTitle = "Create the index online";
        public const string OnlineKey = "BG0201.CreateOnline";
        private const string OnlineAnnotation = "SqlServer:Online";

        private static readonly FixOption InPlace = new FixOption(Key, "create_concurrently", Title);
        private static readonly FixOption OwnMigration = new FixOption(OwnMigrationKey, "own_migration", OwnMigrationTitle);
        private static readonly FixOption Online = new FixOption(OnlineKey, "create_online", OnlineTitle);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.IndexWithoutConcurrently.Id);

        private protected override async Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken)
        {
            if (data.Provider == Provider.SqlServer)
            {
                return new[] { Online };
            }

            if (await MigrationSyntax.OperationAtAsync<CreateIndex>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (_, create))
            {
                return None;
            }

            return await MigrationSplit.FindAsync(document, create, cancellationToken).ConfigureAwait(false) is not null
                ? new[] { InPlace, OwnMigration }
                : new[] { InPlace };
        }

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<CreateIndex>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (_, create)
                || MigrationSyntax.Statement(create) is not { } statement)
            {
                return;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var concurrently = Annotated(statement, text, key == OnlineKey ? OnlineAnnotation : Annotation);
            if (key == OwnMigrationKey)
            {
                // Moved with the annotation; where no migration fits after this one any more (a Fix All), built in place.
                if (await MigrationSplit.FindAsync(document, create, cancellationToken).ConfigureAwait(false) is { } split
                    && await split.MoveAsync(edits, "Create" + MigrationCode.Identifier(create.Name), concurrently, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (await edits.ForAsync(create.Syntax, cancellationToken).ConfigureAwait(false) is { } code)
            {
                code.Change(concurrently);
            }
        }

        /// <summary>
        /// The change that makes the statement (the call with the annotations chained to it) build the index concurrently: an
        /// annotation saying false turned to true, else one more annotation, on a line of its own below the call, as EF
        /// writes annotations.
        /// </summary>
        private static TextChange Annotated(ExpressionStatementSyntax statement, SourceText text, string annotation)
        {
            var expression = Invocations.StatementExpression(statement) ?? statement.Expression;
            if (OperationReader.AnnotationValue(Invocations.Chain(expression), annotation) is { } value)
            {
                return new TextChange(value.Span, "true");
            }

            var indent = MigrationEdits.LineIndentation(text, statement.SpanStart);
            return new TextChange(new TextSpan(expression.Span.End, 0), MigrationEdits.NewLineOf(text) + indent + "    " + MigrationCode.Annotation(annotation, true));
        }
    }
}
