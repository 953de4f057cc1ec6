namespace TextLens.Corpus;

/// <summary>
/// Which fields of a record (JSON property, CSV column, sidecar or manifest field) hold the document's id, text and
/// well-known metadata. Each role has a list of candidate names, tried in order and matched case-insensitively; the
/// first name the record has wins. Every field not taken by a role (including a later candidate when an earlier one
/// won) is kept in <see cref="DocumentMetadata.Fields"/> under its own name. A candidate whose value is empty or
/// blank does not count as present (an empty <c>date</c> means no date, not an unreadable one) and is dropped.
/// </summary>
/// <remarks>
/// The defaults read the usual corpora as they are (<c>id</c> also matches <c>ID</c>, since matching ignores case).
/// Change one role with a <see langword="with"/> expression:
/// <code>FieldMapping.Default with { Text = ["article_body"] }</code>
/// A name may belong to one role only.
/// </remarks>
public sealed record FieldMapping
{
    /// <summary>The default mapping.</summary>
    public static FieldMapping Default { get; } = new();

    /// <summary>Names of the document id. Default: <c>id</c>, <c>doc</c>, <c>doc_index</c>. Without one, each source
    /// has its own fallback (a relative path, <c>file#line</c>, <c>file#record</c>).</summary>
    public IReadOnlyList<string> Id { get; init; } = ["id", "doc", "doc_index"];

    /// <summary>Names of the document text. Default: <c>text</c>, <c>body</c>, <c>content</c>. Not used by the directory
    /// source, where the text is the file.</summary>
    public IReadOnlyList<string> Text { get; init; } = ["text", "body", "content"];

    /// <summary>Names of the headline. Default: <c>title</c>, <c>headline</c>.</summary>
    public IReadOnlyList<string> Title { get; init; } = ["title", "headline"];

    /// <summary>Names of the outlet. Default: <c>outlet</c>, <c>source</c>, <c>publisher</c>.</summary>
    public IReadOnlyList<string> Outlet { get; init; } = ["outlet", "source", "publisher"];

    /// <summary>Names of the publication date. Default: <c>date</c>, <c>published</c>, <c>publish_date</c>.</summary>
    public IReadOnlyList<string> Date { get; init; } = ["date", "published", "publish_date"];

    /// <summary>Names of the address of the article. Default: <c>url</c>, <c>source_url</c>.</summary>
    public IReadOnlyList<string> Url { get; init; } = ["url", "source_url"];

    /// <summary>Names of the language tag. Default: <c>language</c>, <c>lang</c>.</summary>
    public IReadOnlyList<string> Language { get; init; } = ["language", "lang"];

    /// <summary>Throws when a list is missing, a name is empty, the text has no name, or a name has two roles.</summary>
    internal void Validate()
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, names) in Roles())
        {
            if (names is null)
            {
                throw new ArgumentException($"The field mapping has no list of names for '{role}'.", nameof(FieldMapping));
            }

            foreach (var name in names)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new ArgumentException($"The field mapping has an empty name for '{role}'.", nameof(FieldMapping));
                }

                if (roles.TryGetValue(name, out var other) && !string.Equals(other, role, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The field name '{name}' is mapped to both '{other}' and '{role}'.", nameof(FieldMapping));
                }

                roles[name] = role;
            }
        }

        if (Text.Count == 0)
        {
            throw new ArgumentException("The field mapping names no text field.", nameof(FieldMapping));
        }
    }

    /// <summary>The roles in a fixed order, with their names.</summary>
    internal IEnumerable<(string Role, IReadOnlyList<string> Names)> Roles()
    {
        yield return ("id", Id);
        yield return ("text", Text);
        yield return ("title", Title);
        yield return ("outlet", Outlet);
        yield return ("date", Date);
        yield return ("url", Url);
        yield return ("language", Language);
    }
}
