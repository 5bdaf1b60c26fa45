using System.Collections.Immutable;
using Marsad.Documents;

namespace Marsad.Analysis;

/// <summary>
/// Splits tokens into sentences: a sentence ends after terminal punctuation (. ! ? ؟ …) not inside a
/// number, and at every line break (news paragraphs are one or more sentences, never less).
/// </summary>
public static class SentenceSplitter
{
    public static ImmutableArray<TextSpan> Split(string text, IReadOnlyList<Token> tokens)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        var start = -1;
        var lastEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (start >= 0 && HasLineBreak(text, lastEnd, t.Start))
            {
                result.Add(new TextSpan(start, lastEnd));
                start = -1;
            }

            if (start < 0)
            {
                start = t.Start;
            }

            lastEnd = t.End;
            if (t.Kind == TokenKind.Punctuation && IsTerminal(t.Norm) && !IsAbbreviationDot(text, tokens, i))
            {
                // Terminal marks and closing quotes/brackets glued after them ("؟»", "!\"", ".)") end the sentence together.
                while (i + 1 < tokens.Count && IsTerminalOrClosing(tokens[i + 1]) && tokens[i + 1].Start == tokens[i].End)
                {
                    i++;
                }

                lastEnd = tokens[i].End;
                result.Add(new TextSpan(start, lastEnd));
                start = -1;
            }
        }

        if (start >= 0)
        {
            result.Add(new TextSpan(start, lastEnd));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// "د. أحمد", "U.N. said": a period glued to a one-letter word, with a word following on the same line, marks an
    /// abbreviation, not a sentence end — unless the letter follows a number (2021م. is a year marker that can end a sentence).
    /// </summary>
    private static bool IsAbbreviationDot(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (tokens[i].Norm != "." || i == 0 || i + 1 >= tokens.Count)
        {
            return false;
        }

        var prev = tokens[i - 1];
        var next = tokens[i + 1];
        if (!prev.IsWord || prev.Norm.Length != 1 || prev.End != tokens[i].Start || !(next.IsWord || next.Kind == TokenKind.Number))
        {
            return false;
        }

        if (i >= 2 && tokens[i - 2].Kind == TokenKind.Number)
        {
            return false;
        }

        return !HasLineBreak(text, tokens[i].End, next.Start);
    }

    private static bool IsTerminal(string norm) => norm is "." or "!" or "?" or "…";

    private static bool IsTerminalOrClosing(Token t) =>
        t.Kind == TokenKind.Punctuation && (IsTerminal(t.Norm) || t.Norm is "\"" or "'" or ")" or "]");

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
