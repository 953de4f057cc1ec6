using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TextLens.Cli;

/// <summary>
/// Corpus text made safe to print on a terminal: control characters (C0, DEL and C1, which start escape sequences
/// that can move the cursor, retitle the window or rewrite earlier lines) and the bidirectional overrides are shown
/// as <c>\xHH</c> / <c>\uHHHH</c> instead of being sent raw. Used for every piece of text, outlet name and label the
/// console prints in tables, KWIC lines and messages.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every control character shown as an escape; the same instance when there is none.</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                sb.Append(c);
            }
            else if (c <= '\u00FF')
            {
                sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary><see cref="Printable"/>, then escaped for Spectre markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Printable(text));

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
