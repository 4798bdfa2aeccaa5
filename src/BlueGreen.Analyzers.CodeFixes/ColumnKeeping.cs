using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.History;
using BlueGreen.Analyzers.Model;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// Keeps a column the new version no longer maps for the version still running (the first half of every two-step
    /// removal): a database default where the column would reject the new version's inserts or hand the running version a
    /// NULL it cannot read, written as an AlterColumn (and its inverse in Down); and, on SQLite, where the migration
    /// rebuilds the table from its designer, the column kept in that designer (its declaration copied from the designer
    /// that still maps it, marked as kept in the database only), or the rebuild drops it.
    /// </summary>
    internal static class ColumnKeeping
    {
        /// <summary>Whether the keep can be written: the CLR type for the default, and on SQLite the declaration to copy and the block to copy it into.</summary>
        public static async Task<bool> CanKeepAsync(Document document, FixData data, CancellationToken cancellationToken) =>
            (!data.NeedsDefault || MigrationCode.ClrDefault(data.ClrType) is not null)
            && (!data.KeepInDesigner || await DesignerPlanAsync(document, data, cancellationToken).ConfigureAwait(false) is not null);

        /// <summary>
        /// The default's AlterColumn in place of <paramref name="upStatement"/> (else at the end of Up) and its inverse in place of
        /// <paramref name="downStatement"/> (else at the start of Down); those statements are removed when no default is needed.
        /// </summary>
        public static async Task KeepAsync(SolutionEdits edits, Document document, MigrationSyntax migration, FixData data, StatementSyntax? upStatement, StatementSyntax? downStatement, CancellationToken cancellationToken)
        {
            if (data.Table is not { } table || data.Column is not { } column || migration.Up is null)
            {
                return;
            }

            var code = await edits.ForAsync(migration.Up, cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                return;
            }

            if (data.NeedsDefault && data.ClrType is { } clrType && MigrationCode.ClrDefault(clrType) is { } defaultValue)
            {
                var nullable = data.Nullable ?? false;
                var up = MigrationCode.AlterColumn(MigrationSyntax.Receiver(migration.Up), clrType, column, table, data.StoreType, nullable, defaultValue, oldNullable: nullable, oldDefaultValue: null);
                var down = MigrationCode.AlterColumn(MigrationSyntax.Receiver(migration.Down), clrType, column, table, data.StoreType, nullable, null, oldNullable: nullable, oldDefaultValue: defaultValue);
                Replace(code, upStatement, migration.Up.Body, atEnd: true, up);
                if (migration.Down is not null)
                {
                    Replace(code, downStatement, migration.Down.Body, atEnd: false, down);
                }
            }
            else
            {
                Remove(code, upStatement);
                Remove(code, downStatement);
            }

            if (data.KeepInDesigner && await DesignerPlanAsync(document, data, cancellationToken).ConfigureAwait(false) is { } plan
                && await edits.ForAsync(plan.Body, cancellationToken).ConfigureAwait(false) is { } designer)
            {
                designer.Insert(plan.Change.Span.Start, plan.Change.NewText ?? string.Empty);
            }
        }

        private static void Replace(MigrationEdits code, StatementSyntax? statement, BlockSyntax? body, bool atEnd, MigrationCall call)
        {
            if (statement is not null)
            {
                code.Replace(statement, call);
            }
            else if (body is not null)
            {
                code.Insert(body, atEnd, call);
            }
        }

        private static void Remove(MigrationEdits code, StatementSyntax? statement)
        {
            if (statement is not null)
            {
                code.Remove(statement);
            }
        }

        /// <summary>Where the column's declaration comes from and goes to.</summary>
        /// <param name="Body">The block of the migration's designer that gets the declaration.</param>
        /// <param name="Change">The declaration's insertion into the designer's text.</param>
        private sealed record DesignerPlan(BlockSyntax Body, TextChange Change);

        private static async Task<DesignerPlan?> DesignerPlanAsync(Document document, FixData data, CancellationToken cancellationToken)
        {
            if (data.Table is not { } table || data.Column is not { } column || data.DeclaringMigrationId is not { } declaringId
                || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return null;
            }

            foreach (var history in HistoryBuilder.Build(compilation, cancellationToken))
            {
                var migration = history.Migrations.FirstOrDefault(candidate => candidate.Id == data.MigrationId);
                var declaring = history.Migrations.FirstOrDefault(candidate => candidate.Id == declaringId);
                if (migration?.TargetModel(cancellationToken) is { } target
                    && declaring?.TargetModel(cancellationToken)?.Declaration(table, column) is { Statement: { } source } declaration
                    && target.TypeBody(declaration.TypePath) is { } body)
                {
                    var plan = new DesignerPlan(body, Insertion(body, declaration, source, data.NeedsDefault ? MigrationCode.ClrDefault(data.ClrType) : null));

                    // The declaration alone may not place the column where it was: configuration elsewhere in the designer
                    // (entity splitting, table-specific names) can decide its table. Only a designer that, read again,
                    // keeps exactly this column is written.
                    return KeepsColumn(body, plan.Change, table, column, cancellationToken) ? plan : null;
                }
            }

            return null;
        }

        private static bool KeepsColumn(BlockSyntax body, TextChange change, Schema.TableKey table, string column, CancellationToken cancellationToken)
        {
            var text = body.SyntaxTree.GetText(cancellationToken).WithChanges(change);
            var root = body.SyntaxTree.WithChangedText(text).GetRoot(cancellationToken);
            var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(candidate => candidate.Identifier.ValueText == "BuildTargetModel");
            return ModelReader.Read(method, cancellationToken).KeptColumns(table).Contains(column);
        }

        /// <summary>The declaration, placed where EF would list it (properties by name), at the block's indentation.</summary>
        private static TextChange Insertion(BlockSyntax body, ColumnDeclaration declared, ExpressionStatementSyntax source, string? defaultValue)
        {
            var indentation = body.Statements.Count > 0 ? Indent(body.Statements[0]) : Indent(body) + "    ";
            var newLine = MigrationEdits.NewLineOf(body.SyntaxTree.GetText());
            var declaration = Declaration(source, indentation, newLine, defaultValue);
            var (position, beforeStatement) = InsertionPoint(body, declared.PropertyName);
            return new TextChange(new TextSpan(position, 0), beforeStatement
                ? declaration + newLine + newLine + indentation
                : newLine + (body.Statements.Count > 0 ? newLine : string.Empty) + indentation + declaration);
        }

        /// <summary>
        /// Before the first property EF would list after it (the key's properties first, then the others by name), else after
        /// the last property.
        /// </summary>
        private static (int Position, bool BeforeStatement) InsertionPoint(BlockSyntax body, string propertyName)
        {
            var key = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in body.Statements)
            {
                if (Invocations.StatementExpression(statement) is InvocationExpressionSyntax call && Invocations.MethodName(call) == "HasKey")
                {
                    key.UnionWith(call.ArgumentList.Arguments.Select(argument => Arguments.Fold(argument.Expression).Value).OfType<string>());
                }
            }

            StatementSyntax? lastProperty = null;
            foreach (var statement in body.Statements)
            {
                if (Invocations.StatementExpression(statement) is not { } expression
                    || Invocations.Chain(expression) is not { Count: > 0 } chain
                    || Invocations.MethodName(chain[0]) != "Property"
                    || chain[0].ArgumentList.Arguments.Count == 0)
                {
                    continue;
                }

                var name = Arguments.Fold(chain[0].ArgumentList.Arguments[chain[0].ArgumentList.Arguments.Count - 1].Expression).Value;
                if (name is not null && !key.Contains(name) && string.CompareOrdinal(name, propertyName) > 0)
                {
                    return (statement.SpanStart, true);
                }

                lastProperty = statement;
            }

            return (lastProperty?.Span.End ?? body.OpenBraceToken.Span.End, false);
        }

        /// <summary>The copied declaration, at the target block's indentation, with the default and the kept-in-database marker chained.</summary>
        private static string Declaration(ExpressionStatementSyntax source, string targetIndent, string newLine, string? defaultValue)
        {
            var sourceIndent = Indent(source);
            var lines = source.Expression.ToString().Replace("\r\n", "\n").Split('\n')
                .Select((line, index) => index == 0 ? line : (line.StartsWith(sourceIndent, System.StringComparison.Ordinal) ? targetIndent + line.Substring(sourceIndent.Length) : line))
                .ToList();
            var continuation = targetIndent + "    ";
            var chain = Invocations.Chain(source.Expression);
            if (defaultValue is not null && !chain.Any(call => Invocations.MethodName(call) is "HasDefaultValue" or "HasDefaultValueSql"))
            {
                lines.Add(continuation + ".HasDefaultValue(" + defaultValue + ")");
            }

            lines.Add(continuation + ".HasAnnotation(" + MigrationCode.Literal(ModelAnnotations.KeptInDatabase) + ", true);");
            return string.Join(newLine, lines);
        }

        private static string Indent(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var line = text.Lines.GetLineFromPosition(node.SpanStart);
            var prefix = text.ToString(TextSpan.FromBounds(line.Start, node.SpanStart));
            return prefix.Substring(0, prefix.Length - prefix.TrimStart().Length);
        }
    }
}
