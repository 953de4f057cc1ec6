using TextLens.Text;

namespace TextLens.Entities;

/// <summary>
/// One canonical entity of a gazetteer: a stable id (<c>az.gpe.fuzuli</c>), a canonical name, a type, and the
/// aliases and spelling variants that name it (Fuzuli, Fizuli, Füzuli, Varanda). Immutable.
/// </summary>
public sealed class GazetteerEntity
{
    internal GazetteerEntity(string id, string name, bool caseSensitive, string type, IReadOnlyList<GazetteerAlias> aliases, string? parent,
        string? metonymFor, IReadOnlyList<string> titles, string gazetteer, GazetteerPosition position, GazetteerPosition namePosition)
    {
        Id = id;
        Name = name;
        CaseSensitive = caseSensitive;
        NamePosition = namePosition;
        Type = type;
        Aliases = aliases;
        Parent = parent;
        MetonymFor = metonymFor;
        Titles = titles;
        Gazetteer = gazetteer;
        Position = position;
    }

    /// <summary>The stable id: <c>&lt;scope&gt;.&lt;type&gt;.&lt;slug&gt;</c>, for example <c>az.gpe.shusha</c> (see the README).</summary>
    public string Id { get; }

    /// <summary>The canonical name (<c>Fuzuli</c>); it is matched as an alias too.</summary>
    public string Name { get; }

    /// <summary>Whether the canonical name matches case-sensitively (<c>Chad</c>, <c>Turkey</c>); also the default of the aliases.</summary>
    public bool CaseSensitive { get; }

    /// <summary>The type: one of <see cref="EntityTypes.BuiltIn"/> or a custom type declared by the gazetteer.</summary>
    public string Type { get; }

    /// <summary>The aliases and spelling variants, in file order. The canonical name is not repeated here.</summary>
    public IReadOnlyList<GazetteerAlias> Aliases { get; }

    /// <summary>The id of the entity this one belongs to (Shusha → Azerbaijan; Azerbaijani → Azerbaijan), or <see langword="null"/>.</summary>
    public string? Parent { get; }

    /// <summary>
    /// The id of the entity this name stands for when used as a metonym (Baku → Government of Azerbaijan,
    /// Kremlin → Government of Russia), or <see langword="null"/>. Used by attribution to resolve sources.
    /// </summary>
    public string? MetonymFor { get; }

    /// <summary>Titles of a person (<c>President</c>, <c>Major General</c>): "title + name" and "title + surname" are matched, the span covering the name only.</summary>
    public IReadOnlyList<string> Titles { get; }

    /// <summary>The name of the gazetteer that defines the entity.</summary>
    public string Gazetteer { get; }

    internal GazetteerPosition Position { get; }

    internal GazetteerPosition NamePosition { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Type}, {Name})";
}

/// <summary>An alias or spelling variant of a <see cref="GazetteerEntity"/>.</summary>
public sealed class GazetteerAlias
{
    internal GazetteerAlias(string text, bool caseSensitive, bool ambiguous, GazetteerPosition position)
    {
        Text = text;
        CaseSensitive = caseSensitive;
        Ambiguous = ambiguous;
        Position = position;
    }

    /// <summary>The alias as written (whitespace collapsed).</summary>
    public string Text { get; }

    /// <summary>
    /// Whether the alias matches only as written or in all capitals (<c>US</c> but not <c>us</c>, <c>Turkey</c>
    /// and <c>TURKEY</c> but not <c>turkey</c>). Otherwise case is folded.
    /// </summary>
    public bool CaseSensitive { get; }

    /// <summary>Whether the alias is knowingly shared with an entity listed earlier; it resolves to that earlier entity.</summary>
    public bool Ambiguous { get; }

    internal GazetteerPosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => CaseSensitive ? Text + " (case-sensitive)" : Text;

    /// <summary>
    /// The lookup key of an alias or a piece of text: case folded (and diacritics when <paramref name="foldDiacritics"/>),
    /// hyphens and dashes read as spaces, apostrophes unified, whitespace collapsed. <c>Nagorno-Karabakh</c>,
    /// <c>nagorno karabakh</c> and <c>Nagorno–Karabakh</c> share one key.
    /// </summary>
    internal static string Key(ReadOnlySpan<char> text, bool foldDiacritics)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var c = CharFolding.FoldCase(raw);
            if (foldDiacritics)
            {
                c = CharFolding.FoldDiacritics(c);
            }

            if (c is '-' or '\u2012' or '\u2013' or '\u2014' or '\u2212' || char.IsWhiteSpace(c))
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

/// <summary>Where a value was read from: origin (file or <c>embedded:name</c>), one-based line and column, JSON path.</summary>
internal readonly record struct GazetteerPosition(string Origin, int Line, int Column, string Path)
{
    public LexiconFault Fault(string message) => new(Origin, Line, Column, Path.Length == 0 ? null : Path, message);
}
