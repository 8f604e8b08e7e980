using System.IO.Hashing;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Hashes a C# source as its token stream without comments and whitespace, so a comment-only or formatting-only
/// edit keeps the hash. Preprocessor directives (#if, #define, #pragma ...) and the text of inactive #if branches
/// do count (whitespace-normalised), since switching a symbol or editing a disabled branch can change the build.
/// </summary>
internal static class CSharpSyntaxHasher
{
    public static string Hash(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None));
        var hasher = new XxHash128();
        foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: false))
        {
            AppendTrivia(hasher, token.LeadingTrivia);
            Append(hasher, token.RawKind, token.Text);
            AppendTrivia(hasher, token.TrailingTrivia);
        }
        return Hex.Of(hasher);
    }

    private static void AppendTrivia(XxHash128 hasher, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            if (t.IsDirective && t.GetStructure() is { } directive)
                foreach (var token in directive.DescendantTokens(descendIntoTrivia: false))
                    Append(hasher, token.RawKind, token.Text);
            else if (t.IsKind(SyntaxKind.DisabledTextTrivia) || t.IsKind(SyntaxKind.PreprocessingMessageTrivia))
                Append(hasher, t.RawKind, string.Join(' ', t.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
    }

    private static void Append(XxHash128 hasher, int kind, string text)
    {
        Span<byte> header = stackalloc byte[4];
        BitConverter.TryWriteBytes(header, kind);
        hasher.Append(header);
        hasher.Append(Encoding.UTF8.GetBytes(text));
        hasher.Append([0]);
    }
}
