using System.Net;
using System.Text;

namespace TextLens.Reports.Html;

/// <summary>
/// Writes well-formed, XHTML-compatible HTML: every element closed in order (checked), every attribute value
/// double-quoted and encoded, every piece of text encoded by <see cref="Encode"/>, the one encoder of the report.
/// Element and attribute names come from code, never from data.
/// </summary>
internal sealed class HtmlWriter
{
    private static readonly HashSet<string> LineAfter = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "header", "nav", "main", "section", "footer", "div", "p", "h1", "h2", "h3", "h4",
        "table", "thead", "tbody", "tr", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "details", "summary",
        "svg", "g", "text", "title", "meta", "style", "script", "caption", "line", "rect", "path", "circle", "polyline",
    };

    private readonly StringBuilder _sb;
    private readonly Stack<string> _open = new();

    public HtmlWriter(int capacity = 1 << 16) => _sb = new StringBuilder(capacity);

    /// <summary>Encodes text for an HTML text node or a double-quoted attribute value.</summary>
    /// <remarks>
    /// <see cref="WebUtility.HtmlEncode(string)"/> escapes <c>&lt; &gt; &amp; " '</c> (and writes Latin-1 letters and
    /// characters outside the BMP as numeric references). Before that, control characters other than tab and line
    /// ends, U+FFFE/U+FFFF and unpaired surrogates become U+FFFD: browsers treat them as parse errors and XML parsers
    /// reject them.
    /// </remarks>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return WebUtility.HtmlEncode(ReplaceControlCharacters(text));
    }

    private static string ReplaceControlCharacters(string text)
    {
        var i = 0;
        while (i < text.Length && IsAllowed(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var k = 0; k < s.Length; k++)
            {
                span[k] = IsAllowed(s, k) ? s[k] : '\uFFFD';
            }
        });
    }

    /// <summary>Whether the code unit at <paramref name="i"/> may appear as is: no control character, no noncharacter U+FFFE/U+FFFF, no unpaired surrogate.</summary>
    private static bool IsAllowed(string s, int i)
    {
        var c = s[i];
        if (c < ' ')
        {
            return c is '\t' or '\n' or '\r';
        }

        if (c < '\u007F')
        {
            return true;
        }

        if (c <= '\u009F' || c is '\uFFFE' or '\uFFFF')
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        }

        return !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(s[i - 1]));
    }

    /// <summary>Depth of open elements.</summary>
    public int Depth => _open.Count;

    /// <summary>Opens an element; attributes whose value is <see langword="null"/> are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        WriteStart(tag, attributes);
        _sb.Append('>');
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost element, which must be <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        if (_open.Count == 0 || !string.Equals(_open.Peek(), tag, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Closing <{tag}> but the open element is <{(_open.Count == 0 ? "none" : _open.Peek())}>.");
        }

        _open.Pop();
        _sb.Append("</").Append(tag).Append('>');
        if (LineAfter.Contains(tag))
        {
            _sb.Append('\n');
        }

        return this;
    }

    /// <summary>Writes an element without content as <c>&lt;tag ... /&gt;</c>: only for HTML void elements and SVG shapes.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        WriteStart(tag, attributes);
        _sb.Append(" />");
        if (LineAfter.Contains(tag))
        {
            _sb.Append('\n');
        }

        return this;
    }

    /// <summary>Writes an element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        Open(tag, attributes);
        Text(text);
        return Close(tag);
    }

    /// <summary>Writes encoded text.</summary>
    public HtmlWriter Text(string? text)
    {
        _sb.Append(Encode(text));
        return this;
    }

    /// <summary>
    /// Writes encoded text with a line-break opportunity (<c>&lt;wbr /&gt;</c>) inside every run of more than
    /// <paramref name="run"/> characters without white space, so an unbroken name (a URL, a hash, a hostile string)
    /// wraps in a table header instead of widening the table, while ordinary words never break.
    /// </summary>
    public HtmlWriter BreakableText(string? text, int run = 20)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        var start = 0;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                length = 0;
                continue;
            }

            if (++length > run && !char.IsLowSurrogate(text[i]))
            {
                Text(text[start..i]);
                _sb.Append("<wbr />");
                start = i;
                length = 1;
            }
        }

        return Text(text[start..]);
    }

    /// <summary>Writes markup from the report's own constants (style sheet, script, character references); never data.</summary>
    public HtmlWriter Trusted(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>The document written so far; every element must be closed.</summary>
    public override string ToString()
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException($"<{_open.Peek()}> is not closed.");
        }

        return _sb.ToString();
    }

    private void WriteStart(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
    }
}
