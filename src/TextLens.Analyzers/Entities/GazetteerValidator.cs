namespace TextLens.Entities;

/// <summary>
/// Checks a loaded gazetteer for problems that do not stop it from loading but would distort counts: an
/// alias that is also a common English word and is not case-sensitive (<c>US</c> would count every
/// <c>us</c>), a spelling variant repeated within one entity, an alias of one character.
/// </summary>
public static class GazetteerValidator
{
    /// <summary>Code of a warning: a single-word alias that is a common English word but matches case-insensitively.</summary>
    public const string CommonWordCode = "common-word-alias";

    /// <summary>Code of a warning: two names of one entity that match the same text (after case, diacritic and hyphen folding).</summary>
    public const string DuplicateCode = "duplicate-alias";

    /// <summary>Code of a warning: an alias of a single character.</summary>
    public const string ShortCode = "short-alias";

    /// <summary>Returns every warning, in file order.</summary>
    public static IReadOnlyList<GazetteerWarning> Validate(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var warnings = new List<GazetteerWarning>();
        foreach (var e in gazetteer.Entities)
        {
            var seen = new Dictionary<string, List<(string Text, bool CaseSensitive)>>(StringComparer.Ordinal);
            foreach (var (text, caseSensitive, _, position) in GazetteerReader.AllNames(e))
            {
                var key = GazetteerAlias.Key(text, gazetteer.FoldDiacritics);
                if (!seen.TryGetValue(key, out var earlier))
                {
                    seen[key] = earlier = [];
                }

                // Two case-sensitive spellings that differ in case ("US", "Us") match different text; anything else clashes.
                var clash = earlier.Find(p => !(caseSensitive && p.CaseSensitive && !string.Equals(p.Text, text, StringComparison.Ordinal)));
                if (clash.Text is not null)
                {
                    warnings.Add(Warn(DuplicateCode, position, e, text,
                        $"'{text}' matches the same text as '{clash.Text}' of the same entity (case, diacritics and hyphens are folded); remove one."));
                }

                earlier.Add((text, caseSensitive));

                if (!caseSensitive && !key.Contains(' ', StringComparison.Ordinal) && EnglishWords.IsCommon(key))
                {
                    warnings.Add(Warn(CommonWordCode, position, e, text,
                        $"'{text}' is also the common English word '{key}'; matched case-insensitively it would count every '{key}'. " +
                        "Set \"caseSensitive\": true (it then matches as written or in all capitals)."));
                }

                if (key.Length == 1)
                {
                    warnings.Add(Warn(ShortCode, position, e, text, $"'{text}' is a single character; it will match initials and list markers."));
                }
            }
        }

        return warnings;
    }

    private static GazetteerWarning Warn(string code, GazetteerPosition position, GazetteerEntity entity, string alias, string message) =>
        new(code, position.Origin, position.Line, position.Column, position.Path, entity.Id, alias, message);
}

/// <summary>A problem found by <see cref="GazetteerValidator"/>.</summary>
/// <param name="Code">What kind of problem (<see cref="GazetteerValidator.CommonWordCode"/>, ...).</param>
/// <param name="Origin">The gazetteer file (or <c>embedded:name</c>).</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="Path">JSON path of the value (<c>$.entities[12].aliases[3]</c>).</param>
/// <param name="EntityId">The entity.</param>
/// <param name="Alias">The alias or name at fault.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record GazetteerWarning(string Code, string Origin, int Line, int Column, string Path, string EntityId, string Alias, string Message)
{
    /// <summary>Formats as <c>origin:line:column: warning code: path: message</c>.</summary>
    public override string ToString() => $"{Origin}:{Line}:{Column}: warning {Code}: {Path}: {Message}";
}
