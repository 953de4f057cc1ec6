using System.Globalization;

namespace TextLens;

/// <summary>
/// Metadata of a document. The well-known fields have properties; every other field read from the corpus is
/// kept in <see cref="Fields"/>. Grouping and filtering use <see cref="Get(string)"/>, which knows both.
/// </summary>
public sealed class DocumentMetadata
{
    private static readonly IReadOnlyDictionary<string, string> NoFields =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Metadata with no field set.</summary>
    public static DocumentMetadata Empty { get; } = new();

    /// <summary>The outlet (publisher, source) of the document.</summary>
    public string? Outlet { get; init; }

    /// <summary>The publication date, when it could be parsed.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The date exactly as it was written in the corpus, parsed or not.</summary>
    public string? RawDate { get; init; }

    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>The address of the article.</summary>
    public string? Url { get; init; }

    /// <summary>The language tag (for example <c>en</c>).</summary>
    public string? Language { get; init; }

    /// <summary>Every other field, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

    /// <summary>
    /// Gets a field by name: <c>outlet</c> (also <c>source</c>), <c>date</c> (ISO <c>yyyy-MM-dd</c>), <c>title</c>,
    /// <c>url</c>, <c>language</c>, or any other field in <see cref="Fields"/>. Case-insensitive.
    /// </summary>
    /// <returns>The value, or <see langword="null"/> when the document has no such field.</returns>
    public string? Get(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Fields.TryGetValue(field, out var value))
        {
            return value;
        }

        return field.ToUpperInvariant() switch
        {
            "OUTLET" or "SOURCE" or "PUBLISHER" => Outlet,
            "DATE" => Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? RawDate,
            "TITLE" => Title,
            "URL" => Url,
            "LANGUAGE" or "LANG" => Language,
            _ => null,
        };
    }
}
