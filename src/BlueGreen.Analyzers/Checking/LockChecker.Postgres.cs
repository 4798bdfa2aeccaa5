using System.Collections.Generic;
using System.Linq;
using BlueGreen.Analyzers.Schema;
using BlueGreen.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BlueGreen.Analyzers.Checking
{
    /// <summary>PostgreSQL's locks and rewrites (BG0201, BG0203 to BG0206), for the version <c>.editorconfig</c> names (<see cref="DatabaseTarget"/>).</summary>
    internal static partial class LockChecker
    {
        /// <summary>BG0201, BG0203 to BG0206: what EF's Npgsql provider makes PostgreSQL do to a table that holds rows.</summary>
        private static void CheckPostgres(HistoryModels models, int index, int position, SchemaOperation operation, TableKey table, List<Finding> findings)
        {
            var migration = models.History.Migrations[index];
            switch (operation)
            {
                // Before 8.2 PostgreSQL has no CONCURRENTLY: nothing builds the index without the lock, and nothing to say but
                // what a suppression says (a maintenance window).
                case CreateIndex { Concurrently: false } create when models.Target.PostgresBuildsConcurrently:
                    findings.Add(new IndexBuiltUnderLock(migration, create.Syntax.GetLocation(), table, create.Name, Provider.Npgsql));
                    break;

                case AddColumn add when RewritingDefault(add, models.Target) is var (shown, isVolatile):
                    findings.Add(new DefaultRewrite(migration, add.Syntax.GetLocation(), table, add.Column, shown, isVolatile));
                    break;

                case AlterColumn alter:
                    CheckAlterColumn(models, index, position, alter, findings);
                    break;

                // Npgsql writes ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY / CHECK (...), never NOT VALID: the existing
                // rows are checked at once, under SHARE ROW EXCLUSIVE on both tables, or ACCESS EXCLUSIVE for a check.
                case ConstraintChange { Method: "AddForeignKey" or "AddCheckConstraint" } change when Text(change, "name") is { } name:
                    findings.Add(new ConstraintValidatedUnderLock(migration, change.Syntax.GetLocation(), table, name,
                        change.Method == "AddForeignKey" ? Text(change, "principalTable") ?? "?" : null));
                    break;
            }
        }

        /// <summary>BG0204 and BG0205: what Npgsql's ALTER COLUMN makes PostgreSQL do to every row.</summary>
        private static void CheckAlterColumn(HistoryModels models, int index, int position, AlterColumn alter, List<Finding> findings)
        {
            // Npgsql drops and re-adds a column whose computed SQL changes: no conversion, and not this family's business.
            if (OperationReader.Argument(alter, "computedColumnSql") is not null || OperationReader.Argument(alter, "oldComputedColumnSql") is not null)
            {
                return;
            }

            // Npgsql writes TYPE when the store type's text changes, comparing what the operation says it was.
            if (alter.Old.StoreType is { } oldType && alter.Definition.StoreType is { } newType && oldType != newType
                && PostgresRewrites.TypeChangeRewrites(oldType, newType) == true)
            {
                findings.Add(new TypeChangeRewrite(models.History.Migrations[index], alter.Syntax.GetLocation(), alter.Table, alter.Column, oldType, newType));
            }

            // Npgsql writes SET NOT NULL only when the operation says the column was nullable (oldNullable: true).
            // Before PostgreSQL 12 a validated CHECK does not spare SET NOT NULL its scan: the recipe's constraint changes nothing.
            if (alter.Definition.Nullable == false && alter.Old.Nullable == true
                && !(models.Target.PostgresSkipsNotNullScanOnCheck && NotNullChecked(models, index, position, alter.Table, alter.Column)))
            {
                var updatesNulls = OperationReader.Argument(alter, "defaultValue") is { } value && !value.IsKind(SyntaxKind.NullLiteralExpression)
                    || Text(alter, "defaultValueSql") is not null;
                findings.Add(new NotNullScan(models.History.Migrations[index], alter.Syntax.GetLocation(), alter.Table, alter.Column, updatesNulls));
            }
        }

        /// <summary>
        /// Whether a migration up to this point added a check that the column IS NOT NULL (raw SQL or AddCheckConstraint):
        /// the recipe of BG0205, whose validated constraint lets PostgreSQL 12 and later set NOT NULL without a scan.
        /// </summary>
        private static bool NotNullChecked(HistoryModels models, int index, int position, TableKey table, string column)
        {
            for (var i = 0; i <= index; i++)
            {
                models.CancellationToken.ThrowIfCancellationRequested();
                var operations = models.History.Migrations[i].UpOperations(models.CancellationToken).Operations;
                for (var j = 0; j < (i == index ? position : operations.Count); j++)
                {
                    var checks = operations[j] switch
                    {
                        RawSql sql when Names(sql.Tokens, table.Name) => ChecksNotNull(sql.Tokens, column),
                        ConstraintChange { Method: "AddCheckConstraint" } check when check.Table.Equals(table) && Text(check, "sql") is { } sql => ChecksNotNull(SqlTokenizer.Tokenize(sql), column),
                        _ => false,
                    };
                    if (checks)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool ChecksNotNull(IReadOnlyList<SqlToken> tokens, string column)
        {
            for (var i = 0; i + 3 < tokens.Count; i++)
            {
                if (Same(tokens[i], column) && tokens[i + 1].Is("IS") && tokens[i + 2].Is("NOT") && tokens[i + 3].Is("NULL"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Names(IReadOnlyList<SqlToken> tokens, string name) => tokens.Any(token => Same(token, name));

        // Only PostgreSQL's histories get here: its unquoted names fold to lower case, as BG0011 reads them.
        private static bool Same(SqlToken token, string name) => token.IsIdentifier && SqlName.Denotes(token, name, Provider.Npgsql);

        /// <summary>
        /// BG0203: the default of an added column that makes PostgreSQL write every row: a volatile function (a value per row);
        /// before 11, any default at all (11 records a non-volatile one in the catalog instead). Null when there is none.
        /// </summary>
        private static (string Shown, bool Volatile)? RewritingDefault(AddColumn add, DatabaseTarget target)
        {
            var sql = Text(add, "defaultValueSql");
            if (sql is not null && PostgresRewrites.VolatileCall(sql) is { } function)
            {
                return (function, true);
            }

            if (!target.PostgresRewritesForAnyDefault)
            {
                return null;
            }

            if (sql is not null)
            {
                return (sql, false);
            }

            // defaultValue: null (or default) is no default; anything else is one, whatever its value.
            return OperationReader.Argument(add, "defaultValue") is { } value
                && !value.IsKind(SyntaxKind.NullLiteralExpression) && !value.IsKind(SyntaxKind.DefaultLiteralExpression) && !value.IsKind(SyntaxKind.DefaultExpression)
                ? (value.ToString(), false)
                : null;
        }
    }
}
