using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// One operation of a migration's Up moved to a migration of its own that runs right after it (see
    /// <see cref="FollowingMigrations"/>), with the statement of Down that undoes it, so that each migration's Down still
    /// undoes its Up: how BG0201's and BG0202's fixes give an operation EF runs outside the transaction a migration of its
    /// own. Found only where the move keeps what the migrations do: the operation is a statement of Up's body beside at
    /// least one other, and what runs after it in Up could not depend on it or change what it works on (see
    /// <see cref="CanRunLast"/>), since it now runs after all of them.
    /// </summary>
    internal sealed class MigrationSplit
    {
        /// <summary>What may run before a moved index without depending on it or changing the columns it indexes.</summary>
        private static readonly HashSet<string> IndependentOfIndex = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddColumn", "AlterColumn", "CreateTable", "CreateIndex", "AddForeignKey", "AddPrimaryKey", "AddUniqueConstraint",
            "AddCheckConstraint", "DropForeignKey", "DropCheckConstraint", "InsertData", "UpdateData", "DeleteData",
            "EnsureSchema", "CreateSequence", "AlterSequence", "RestartSequence", "AlterTable", "AlterDatabase",
        };

        private static readonly string[] DropIndexParameters = { "name", "table", "schema" };

        private readonly Compilation _compilation;
        private readonly MigrationHistory _history;
        private readonly MigrationEntry _migration;
        private readonly ExpressionStatementSyntax _statement;
        private readonly SchemaOperation _operation;
        private readonly StatementSyntax? _undo;

        private MigrationSplit(Compilation compilation, MigrationHistory history, MigrationEntry migration, ExpressionStatementSyntax statement, SchemaOperation operation, StatementSyntax? undo)
        {
            _operation = operation;
            _compilation = compilation;
            _history = history;
            _migration = migration;
            _statement = statement;
            _undo = undo;
        }

        /// <summary>The move of a concurrent <see cref="CreateIndex"/> or a <see cref="RawSql"/> out of its migration; null where it cannot be made.</summary>
        public static async Task<MigrationSplit?> FindAsync(Document document, SchemaOperation operation, CancellationToken cancellationToken)
        {
            if (MigrationSyntax.Statement(operation) is not { Parent: BlockSyntax { Parent: MethodDeclarationSyntax up } body } statement
                || body.Statements.Count < 2
                || !CanRunLast(operation, body.Statements.Skip(body.Statements.IndexOf(statement) + 1))
                || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return null;
            }

            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                if (history.Migrations.FirstOrDefault(migration => migration.Up == up) is { } migration)
                {
                    if (Undo(operation, migration.Down) is not (true, var undo))
                    {
                        return null;
                    }

                    var split = new MigrationSplit(compilation, history, migration, statement, operation, undo);
                    return FollowingMigrations.For(compilation, history, migration, split.MayPass) is not null ? split : null;
                }
            }

            return null;
        }

        /// <summary>
        /// Queues the move: the statement (with <paramref name="change"/>, a change inside it, made on the way) leaves Up for
        /// the Up of a new migration named <paramref name="name"/>, its undoing statement leaves Down for the new Down. False,
        /// and nothing changed, when no other migration fits after this one or the move would leave Up empty (a Fix All
        /// moving every operation of a migration leaves it the first).
        /// </summary>
        public async Task<bool> MoveAsync(SolutionEdits edits, string name, TextChange? change, CancellationToken cancellationToken)
        {
            var body = (BlockSyntax)_statement.Parent!;
            if (edits.After(_compilation, _history, _migration, MayPass) is not { } following
                || !following.Passed.All(MayPass)
                || following.TakenFromUp + 1 >= body.Statements.Count
                || await edits.ForAsync(_statement, cancellationToken).ConfigureAwait(false) is not { } upCode
                || (_undo is not null && await edits.ForAsync(_undo, cancellationToken).ConfigureAwait(false) is null)
                || !following.TryAdd(name, _statement.SpanStart, new[] { Relative(_statement, change) }, _undo is null ? Array.Empty<MigrationCall>() : new[] { Relative(_undo, null) }))
            {
                return false;
            }

            following.TakenFromUp++;
            upCode.Remove(_statement);
            if (_undo is not null)
            {
                (await edits.ForAsync(_undo, cancellationToken).ConfigureAwait(false))!.Remove(_undo);
            }

            return true;
        }

        /// <summary>
        /// Whether the moved operation may also run after a later migration: one with the same target model (it changes no
        /// model, as one split from this migration) whose every operation could run before it (see <see cref="CanRunLast"/>).
        /// </summary>
        private bool MayPass(MigrationEntry later) =>
            later.Up?.Body is { } body
            && CanRunLast(_operation, body.Statements)
            && later.TargetModelMethod?.Body is { } model
            && _migration.TargetModelMethod?.Body is { } own
            && SyntaxFactory.AreEquivalent(model, own, topLevel: false);

        /// <summary>
        /// Whether the operation can run after the statements that follow it in Up: raw SQL, whose effects are unknown, only
        /// when none follows; an index when only operations follow that neither name an index nor drop or rename a table or
        /// column (what would make the moved CREATE INDEX fail or index something else), nor run SQL.
        /// </summary>
        private static bool CanRunLast(SchemaOperation operation, IEnumerable<StatementSyntax> later) => operation switch
        {
            RawSql => !later.Any(),
            CreateIndex => later.All(statement => Operation(statement) is { } method && IndependentOfIndex.Contains(method)),
            _ => false,
        };

        /// <summary>
        /// The statement of Down that undoes the operation: an index's DropIndex (found: true, null when Down drops no such
        /// index); for raw SQL, Down's first statement when it is SQL run outside the transaction too (the one statement of
        /// Down as likely to undo it as to be undone first). Not found where Down runs SQL or renames an index before the
        /// DropIndex (running it first could change what they do).
        /// </summary>
        private static (bool Found, StatementSyntax? Undo) Undo(SchemaOperation operation, MethodDeclarationSyntax? down)
        {
            var statements = down?.Body?.Statements ?? default;
            switch (operation)
            {
                case RawSql:
                    return statements.Count > 0 && OperationReader.Read(down, CancellationToken.None).Operations.FirstOrDefault() is RawSql { SuppressTransaction: true } sql
                        && MigrationSyntax.Statement(sql) == statements[0]
                        ? (true, statements[0])
                        : (true, null);

                case CreateIndex create:
                    foreach (var statement in statements)
                    {
                        if (Operation(statement) is not { } method || method is "Sql" or "RenameIndex"
                            || Invocations.Chain(Invocations.StatementExpression(statement)!)[0] is not { } call)
                        {
                            return (false, null);
                        }

                        var arguments = new Arguments(call.ArgumentList, DropIndexParameters);
                        if (method == "DropIndex" && statement is ExpressionStatementSyntax { Parent: BlockSyntax }
                            && arguments.String("name") is { IsKnown: true } name && name.Value == create.Name
                            && arguments.String("table") is { IsKnown: true } table && (table.Value is null || table.Value == create.Table.Name))
                        {
                            return (true, statement);
                        }
                    }

                    return (true, null);

                default:
                    return (false, null);
            }
        }

        /// <summary>The MigrationBuilder method a statement calls (<c>CreateIndex</c> in <c>b.CreateIndex(...).Annotation(...)</c>); null for any other statement.</summary>
        private static string? Operation(StatementSyntax statement) =>
            Invocations.StatementExpression(statement) is InvocationExpressionSyntax expression && Invocations.Chain(expression) is { Count: > 0 } chain
                ? Invocations.MethodName(chain[0])
                : null;

        /// <summary>A statement's text, with a change inside it, copied without the indentation of its line.</summary>
        private static MigrationCall Relative(StatementSyntax statement, TextChange? change)
        {
            var text = statement.SyntaxTree.GetText();
            var span = statement.Span;
            var code = change is { } inside && span.Contains(inside.Span)
                ? text.ToString(TextSpan.FromBounds(span.Start, inside.Span.Start)) + inside.NewText + text.ToString(TextSpan.FromBounds(inside.Span.End, span.End))
                : text.ToString(span);
            var indent = MigrationEdits.LineIndentation(text, span.Start);
            var lines = code.Replace("\r\n", "\n").Split('\n');
            return MigrationCall.Copied(string.Join("\n", lines.Select((line, i) => i > 0 && line.StartsWith(indent, StringComparison.Ordinal) ? line.Substring(indent.Length) : line)));
        }
    }
}
