using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BlueGreen.Analyzers.Rules;
using BlueGreen.Analyzers.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.CodeFixes
{
    /// <summary>
    /// BG0005: lets the running version's inserts, which leave the new column out, succeed: a database default of the CLR
    /// type's default (what EF itself scaffolds for a required column added to an existing table); or, only where the new
    /// version maps the column as nullable, a nullable column (else the new version would read the NULLs the running
    /// version leaves).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiredColumnCodeFixProvider))]
    [Shared]
    public sealed class AddRequiredColumnCodeFixProvider : MigrationCodeFixProvider
    {
        public const string AddDefaultTitle = "Add a default value";
        public const string MakeNullableTitle = "Make the column nullable";
        public const string AddDefaultKey = "BG0005.AddDefault";
        public const string MakeNullableKey = "BG0005.MakeNullable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.AddRequiredColumn.Id);

        private protected override Task<IReadOnlyList<FixOption>> OptionsAsync(Document document, Diagnostic diagnostic, FixData data, CancellationToken cancellationToken)
        {
            var options = new List<FixOption>();
            if (MigrationCode.ClrDefault(data.ClrType) is not null)
            {
                options.Add(new FixOption(AddDefaultKey, "add_default", AddDefaultTitle));
            }

            if (data.GreenAllowsNull)
            {
                options.Add(new FixOption(MakeNullableKey, "make_nullable", MakeNullableTitle));
            }

            return Task.FromResult<IReadOnlyList<FixOption>>(options);
        }

        private protected override async Task FixAsync(SolutionEdits edits, Document document, Diagnostic diagnostic, FixData data, string key, CancellationToken cancellationToken)
        {
            if (await MigrationSyntax.OperationAtAsync<AddColumn>(document, diagnostic, cancellationToken).ConfigureAwait(false) is not var (_, add)
                || await edits.ForAsync(add.Syntax, cancellationToken).ConfigureAwait(false) is not { } code)
            {
                return;
            }

            // Named or positional, the argument EF's parameter "nullable" receives.
            var nullable = OperationReader.Argument(add, "nullable")?.FirstAncestorOrSelf<ArgumentSyntax>();
            var last = add.Syntax.ArgumentList.Arguments.LastOrDefault();
            if (key == MakeNullableKey)
            {
                if (nullable is not null)
                {
                    code.Replace(nullable.Expression, "true");
                }
                else if (last is not null)
                {
                    code.AddArgumentAfter(last, "nullable: true");
                }
            }
            else if (MigrationCode.ClrDefault(data.ClrType) is { } defaultValue && last is not null)
            {
                // EF writes defaultValue right after nullable; named, it may follow positional arguments.
                code.AddArgumentAfter(nullable ?? last, "defaultValue: " + defaultValue);
            }
        }
    }
}
