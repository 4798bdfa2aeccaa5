using System.Security.Cryptography;
using System.Text;
using BlueGreen.Analyzers.History;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlueGreen.Analyzers.Releases
{
    /// <summary>
    /// A fingerprint of a migration's operations (its Up and Down), blind to trivia and formatting, recorded in
    /// the manifest when a migration is marked shipped, so an edit after shipping is noticed (BG0010).
    /// </summary>
    internal static class Fingerprint
    {
        public static string Of(MigrationEntry migration)
        {
            var text = new StringBuilder();
            Append(text, migration.Up);
            text.Append('\n');
            Append(text, migration.Down);
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            var hex = new StringBuilder(Manifest.FingerprintPrefix);
            for (var i = 0; i < 12; i++)
            {
                hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static void Append(StringBuilder text, MethodDeclarationSyntax? method)
        {
            if (((Microsoft.CodeAnalysis.SyntaxNode?)method?.Body ?? method?.ExpressionBody) is not { } body)
            {
                return;
            }

            foreach (var token in body.DescendantTokens())
            {
                text.Append(token.Text).Append(' ');
            }
        }
    }
}
