using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextLens.Framing;

/// <summary>
/// A framing lexicon: named, versioned concepts (what is referred to: the September 2023 operation, the Karabakh
/// Armenian forces), each with the competing labels outlets use for it (<c>anti-terrorist operation</c>,
/// <c>offensive</c>, <c>ethnic cleansing</c>), each label with its patterns and facets (<c>stance</c>,
/// <c>perspective</c>). Immutable. Load one with <see cref="Load"/> or <see cref="Parse(string, string)"/>, build
/// one in code with the constructor, write one with <see cref="ToJson"/>. The format is described in
/// <c>src/TextLens.Analyzers/Framing/README.md</c>.
/// </summary>
public sealed class FramingLexicon
{
    private IReadOnlyDictionary<string, (int Line, int Column)> _positions = new Dictionary<string, (int, int)>();

    /// <summary>Creates a lexicon in code and checks it like a loaded one.</summary>
    /// <param name="name">Name, for example <c>karabakh-conflict</c>.</param>
    /// <param name="version">Version, for example <c>1</c> or <c>2024.1</c>.</param>
    /// <param name="concepts">The concepts.</param>
    /// <param name="options">Matching options; defaults when <see langword="null"/>.</param>
    /// <param name="language">Language tag, for example <c>en</c>.</param>
    /// <param name="description">What the lexicon is for.</param>
    /// <param name="origin">Where it comes from, recorded in reports (<c>code</c> by default).</param>
    /// <exception cref="LexiconException">The lexicon breaks a rule (every fault is listed, by field).</exception>
    public FramingLexicon(string name, string version, IEnumerable<FramingConcept> concepts, FramingLexiconOptions? options = null,
        string? language = null, string? description = null, string origin = "code")
        : this(name, version, concepts?.ToArray() ?? throw new ArgumentNullException(nameof(concepts)), options ?? new FramingLexiconOptions(), language, description, origin, sha256: null)
    {
        var faults = FramingLexiconRules.Check(this, _ => null);
        if (faults.Count > 0)
        {
            throw new LexiconException(faults);
        }
    }

    internal FramingLexicon(string name, string version, FramingConcept[] concepts, FramingLexiconOptions options,
        string? language, string? description, string origin, string? sha256)
    {
        Name = name ?? "";
        Version = version ?? "";
        Concepts = concepts;
        Options = options;
        Language = language;
        Description = description;
        Origin = origin ?? "code";
        Sha256 = sha256 ?? HashOf(Encoding.UTF8.GetBytes(ToJson()));
    }

    /// <summary>The name (<c>karabakh-conflict</c>); recorded with every annotation as facet <c>lexicon</c>.</summary>
    public string Name { get; }

    /// <summary>The version.</summary>
    public string Version { get; }

    /// <summary>The language tag, when given.</summary>
    public string? Language { get; }

    /// <summary>What the lexicon is for.</summary>
    public string? Description { get; }

    /// <summary>How patterns are matched.</summary>
    public FramingLexiconOptions Options { get; }

    /// <summary>The concepts, in file order.</summary>
    public IReadOnlyList<FramingConcept> Concepts { get; }

    /// <summary>Where the lexicon came from: a file path, <c>embedded:karabakh-conflict</c>, or the origin given.</summary>
    public string Origin { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes the lexicon was read from (of its <see cref="ToJson"/> form when built in code).</summary>
    public string Sha256 { get; }

    /// <summary>Name, version, hash and origin, for report manifests.</summary>
    public LexiconInfo Info => new("framing-lexicon", Name, Version, Sha256, Origin);

    /// <summary>Every label of every concept, in file order.</summary>
    public IEnumerable<(FramingConcept Concept, FramingLabel Label)> Labels =>
        Concepts.SelectMany(c => c.Labels.Select(l => (c, l)));

    /// <summary>Where a field was read from (one-based line and column), when the lexicon was parsed from JSON.</summary>
    /// <param name="field">A path such as <c>concepts[2].labels[0].patterns[1]</c>.</param>
    public (int Line, int Column)? PositionOf(string field) =>
        _positions.TryGetValue(field, out var p) ? p : null;

    internal void SetPositions(IReadOnlyDictionary<string, (int Line, int Column)> positions) => _positions = positions;

    /// <summary>Loads a lexicon from a JSON file.</summary>
    /// <exception cref="LexiconException">The file cannot be read, is not valid JSON, or breaks a rule: every fault with its line, column and field.</exception>
    public static FramingLexicon Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Analyzers.LexiconFile.ReadAllBytes(path,
            ex => new LexiconException(new LexiconFault(path, null, null, null, $"The lexicon file cannot be read: {ex.Message}")));

        return FramingLexiconReader.Read(bytes, path);
    }

    /// <summary>Parses a lexicon from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="origin">Where it came from, used in messages and reports.</param>
    /// <exception cref="LexiconException">Invalid JSON or a broken rule: every fault with its line, column and field.</exception>
    public static FramingLexicon Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(origin);
        return FramingLexiconReader.Read(Encoding.UTF8.GetBytes(json), origin);
    }

    /// <summary>Parses a lexicon from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="origin">Where they came from, used in messages and reports.</param>
    /// <exception cref="LexiconException">Invalid JSON or a broken rule: every fault with its line, column and field.</exception>
    public static FramingLexicon Parse(ReadOnlySpan<byte> utf8Json, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return FramingLexiconReader.Read(utf8Json.ToArray(), origin);
    }

    /// <summary>Writes the lexicon as TextLens JSON (indented, UTF-8 characters unescaped), the format <see cref="Parse(string, string)"/> reads.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.WriteString("version", Version);
            WriteIfSet(w, "language", Language);
            WriteIfSet(w, "description", Description);
            w.WriteStartObject("options");
            w.WriteBoolean("foldDiacritics", Options.FoldDiacritics);
            w.WriteBoolean("hyphenVariants", Options.HyphenVariants);
            w.WriteBoolean("matchCompoundParts", Options.MatchCompoundParts);
            w.WriteEndObject();
            w.WriteStartArray("concepts");
            foreach (var c in Concepts)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                WriteIfSet(w, "description", c.Description);
                w.WriteStartArray("labels");
                foreach (var l in c.Labels)
                {
                    w.WriteStartObject();
                    w.WriteString("id", l.Id);
                    w.WriteStartArray("patterns");
                    foreach (var p in l.Patterns)
                    {
                        if (!p.CaseSensitive && p.MatchCompoundParts is null)
                        {
                            w.WriteStringValue(p.Text);
                            continue;
                        }

                        w.WriteStartObject();
                        w.WriteString("text", p.Text);
                        if (p.CaseSensitive)
                        {
                            w.WriteBoolean("caseSensitive", true);
                        }

                        if (p.MatchCompoundParts is { } parts)
                        {
                            w.WriteBoolean("matchCompoundParts", parts);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    if (l.Facets.Count > 0)
                    {
                        w.WriteStartObject("facets");
                        foreach (var (key, value) in l.Facets.OrderBy(f => FramingFacets.Order(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal))
                        {
                            w.WriteString(key, value);
                        }

                        w.WriteEndObject();
                    }

                    WriteIfSet(w, "notes", l.Notes);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes the lexicon to a file as TextLens JSON: to a temporary name first, renamed when complete.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(temp, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, full, overwrite: true);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Version} ({Concepts.Count} concepts)";

    internal static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }
}

/// <summary>How the patterns of a lexicon are matched.</summary>
/// <param name="FoldDiacritics">Ignore diacritics on both sides (<c>Füzuli</c> = <c>Fuzuli</c>, <c>Şuşa</c> = <c>Susa</c>). Off by default.</param>
/// <param name="HyphenVariants">A hyphen in a pattern also matches a space or nothing (<c>anti-terrorist</c> = <c>anti terrorist</c> = <c>antiterrorist</c>). On by default.</param>
/// <param name="MatchCompoundParts">Patterns may match part of a hyphenated compound (<c>terrorist</c> in <c>anti-terrorist</c>). Off by default.</param>
public sealed record FramingLexiconOptions(bool FoldDiacritics = false, bool HyphenVariants = true, bool MatchCompoundParts = false);

/// <summary>A concept: one thing referred to, with the competing labels used for it.</summary>
public sealed class FramingConcept
{
    /// <summary>Creates a concept.</summary>
    /// <param name="id">Id, unique in the lexicon; the annotations' category.</param>
    /// <param name="labels">The labels (at least one).</param>
    /// <param name="description">What is referred to.</param>
    public FramingConcept(string id, IEnumerable<FramingLabel> labels, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Id = id ?? "";
        Labels = labels.ToArray();
        Description = description;
    }

    /// <summary>The id; the category of the annotations.</summary>
    public string Id { get; }

    /// <summary>What is referred to.</summary>
    public string? Description { get; }

    /// <summary>The competing labels.</summary>
    public IReadOnlyList<FramingLabel> Labels { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>A label: one way of naming a concept, with the patterns that find it and its facets.</summary>
public sealed class FramingLabel
{
    /// <summary>Creates a label.</summary>
    /// <param name="id">Id, unique in the lexicon (across concepts); the annotations' label.</param>
    /// <param name="patterns">The patterns (at least one).</param>
    /// <param name="facets">Facets: <c>stance</c>, <c>perspective</c>, <c>register</c> or custom <c>x-*</c> keys.</param>
    /// <param name="notes">Notes for the reader of the lexicon (sources, usage).</param>
    public FramingLabel(string id, IEnumerable<FramingPattern> patterns, IReadOnlyDictionary<string, string>? facets = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Id = id ?? "";
        Patterns = patterns.ToArray();
        Facets = facets is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(facets, StringComparer.Ordinal);
        Notes = notes;
    }

    /// <summary>The id; the label of the annotations.</summary>
    public string Id { get; }

    /// <summary>The patterns.</summary>
    public IReadOnlyList<FramingPattern> Patterns { get; }

    /// <summary>The facets copied onto every annotation of the label.</summary>
    public IReadOnlyDictionary<string, string> Facets { get; }

    /// <summary>Notes for the reader of the lexicon.</summary>
    public string? Notes { get; }

    /// <summary>The value of a facet, or <see langword="null"/>.</summary>
    public string? Facet(string key) => Facets.TryGetValue(key, out var v) ? v : null;

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>
/// A pattern: words separated by spaces, matched case-insensitively as whole words; a trailing <c>*</c> matches
/// any ending of the last word (<c>separatist*</c>).
/// </summary>
/// <param name="Text">The pattern text.</param>
/// <param name="CaseSensitive">Match the letters' case exactly (acronyms: <c>DPR</c> but not <c>dpr</c>).</param>
/// <param name="MatchCompoundParts">Override the lexicon's <see cref="FramingLexiconOptions.MatchCompoundParts"/> for this pattern.</param>
public sealed record FramingPattern(string Text, bool CaseSensitive = false, bool? MatchCompoundParts = null)
{
    /// <summary>Whether the pattern ends with <c>*</c> (a prefix of its last word).</summary>
    public bool IsPrefix => Text.TrimEnd().EndsWith('*');

    /// <summary>A case-insensitive pattern.</summary>
    public static implicit operator FramingPattern(string text) => new(text);

    /// <summary>A case-insensitive pattern.</summary>
    public static FramingPattern FromString(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => CaseSensitive ? $"{Text} (case-sensitive)" : Text;
}

/// <summary>
/// The facet keys of framing annotations. A label may set <see cref="Stance"/>, <see cref="Perspective"/>,
/// <see cref="Register"/> and custom keys starting with <see cref="CustomPrefix"/>; the analyzer adds
/// <see cref="Lexicon"/>, <see cref="Voice"/>, <see cref="Source"/> and <see cref="ScareQuoted"/>.
/// </summary>
public static class FramingFacets
{
    /// <summary>The label's stance (<c>delegitimizing</c>, <c>legitimizing</c>, <c>neutral</c>, <c>euphemistic</c>, <c>condemnatory</c>).</summary>
    public const string Stance = "stance";

    /// <summary>Whose usage the label is (<c>azerbaijani</c>, <c>armenian</c>, <c>russian</c>, <c>international</c>, <c>ukrainian</c>).</summary>
    public const string Perspective = "perspective";

    /// <summary>The register of the label (<c>official</c>, <c>colloquial</c>, <c>technical</c>).</summary>
    public const string Register = "register";

    /// <summary>Custom facet keys start with this prefix (<c>x-source-language</c>).</summary>
    public const string CustomPrefix = "x-";

    /// <summary>Set by the analyzer: the name of the lexicon the label comes from.</summary>
    public const string Lexicon = "lexicon";

    /// <summary>Set by the analyzer: <c>authorial</c>, or <c>quoted</c> inside a quotation or attributed speech.</summary>
    public const string Voice = "voice";

    /// <summary>Set by the analyzer inside attributed speech: the attribution's source label.</summary>
    public const string Source = "source";

    /// <summary>Set by the analyzer to <c>true</c> when the match itself is all a quotation holds (a scare quote).</summary>
    public const string ScareQuoted = "scareQuoted";

    /// <summary>Whether a label may set this facet key.</summary>
    public static bool IsAllowedLabelFacet(string key) =>
        key is Stance or Perspective or Register || (key.StartsWith(CustomPrefix, StringComparison.Ordinal) && key.Length > CustomPrefix.Length);

    internal static int Order(string key) => key switch
    {
        Stance => 0,
        Perspective => 1,
        Register => 2,
        _ => 3,
    };
}
