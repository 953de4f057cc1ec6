namespace TextLens.Analyzers.Matching;

/// <summary>
/// The rules of the pattern syntax shared by every lexicon (framing terms, gazetteer aliases, attribution cues):
/// not empty, at most <see cref="MaxLength"/> characters, and <c>*</c> only as the last character, after a word.
/// </summary>
internal static class PatternSyntax
{
    /// <summary>The longest pattern accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Checks a pattern; returns <see langword="null"/> when it is valid, else what is wrong.</summary>
    public static string? Check(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return "The pattern is empty.";
        }

        if (text.Length > MaxLength)
        {
            return $"The pattern is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed.";
        }

        var body = text.AsSpan().Trim();
        var star = body.IndexOf('*');
        if (star >= 0 && star != body.Length - 1)
        {
            return "'*' may only end the pattern (a prefix of its last word), not stand inside it.";
        }

        if (star >= 0)
        {
            var stem = body[..^1];
            if (stem.IsEmpty || char.IsWhiteSpace(stem[^1]) || stem[^1] == '-')
            {
                return "'*' must follow the start of a word (\"separatist*\"), not stand alone.";
            }
        }

        return null;
    }

    /// <summary>Whether the pattern ends with the prefix marker <c>*</c>.</summary>
    public static bool IsPrefix(string text) => text.AsSpan().TrimEnd().EndsWith("*", StringComparison.Ordinal);

    /// <summary>The pattern without surrounding space and without its trailing <c>*</c>.</summary>
    public static string Body(string text)
    {
        var body = text.AsSpan().Trim();
        return (body.EndsWith("*", StringComparison.Ordinal) ? body[..^1] : body).ToString();
    }
}
