using System.Text;

namespace TextLens.Text;

/// <summary>Collapses runs of white space, line breaks included, for labels, contexts and lexicon entries.</summary>
internal static class WhiteSpaceRuns
{
    /// <summary>The text with every run of white space replaced by one space, and none at either end.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
