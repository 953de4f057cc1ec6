using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TextLens.Entities;

/// <summary>
/// A gazetteer: a named, versioned list of canonical entities with their aliases and spelling variants, read
/// from JSON (format in <c>Entities/README.md</c>). Immutable and thread-safe once loaded.
/// </summary>
/// <remarks>
/// Loading fails fast: every fault (malformed JSON, missing or mistyped field, duplicate id, unknown
/// <c>parent</c> or <c>metonymFor</c> id, empty alias, alias shared by two entities without
/// <c>ambiguous: true</c>) is collected and thrown in one <see cref="TextLensConfigurationException"/>, each
/// fault naming the file, line, column and JSON path. Softer problems (a stop word that should be
/// case-sensitive, a repeated spelling) are reported by <see cref="GazetteerValidator"/>.
/// </remarks>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntity> _byId;

    internal Gazetteer(string name, string version, string description, string? language, bool foldDiacritics,
        IReadOnlyList<string> customTypes, IReadOnlyList<string> dependsOn, IReadOnlyList<GazetteerEntity> entities,
        IReadOnlyList<GazetteerReference> externalReferences, string origin, string sha256)
    {
        Name = name;
        Version = version;
        Description = description;
        Language = language;
        FoldDiacritics = foldDiacritics;
        CustomTypes = customTypes;
        DependsOn = dependsOn;
        Entities = entities;
        ExternalReferences = externalReferences;
        Origin = origin;
        Sha256 = sha256;
        _byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Info = new LexiconInfo("gazetteer", name, version, sha256, origin);
    }

    /// <summary>The gazetteer's name (<c>world</c>, <c>karabakh</c>).</summary>
    public string Name { get; }

    /// <summary>Its version, as written in the file.</summary>
    public string Version { get; }

    /// <summary>What it covers.</summary>
    public string Description { get; }

    /// <summary>The language of its aliases (<c>en</c>), when given.</summary>
    public string? Language { get; }

    /// <summary>Whether diacritics are folded when matching (<c>Füzuli</c> = <c>Fuzuli</c>); <see langword="true"/> unless the file says otherwise.</summary>
    public bool FoldDiacritics { get; }

    /// <summary>Entity types beyond <see cref="EntityTypes.BuiltIn"/> that this gazetteer declares (<c>LAW</c>).</summary>
    public IReadOnlyList<string> CustomTypes { get; }

    /// <summary>Names of gazetteers whose ids this one may reference in <c>parent</c> and <c>metonymFor</c> (karabakh depends on world).</summary>
    public IReadOnlyList<string> DependsOn { get; }

    /// <summary>The entities, in file order.</summary>
    public IReadOnlyList<GazetteerEntity> Entities { get; }

    /// <summary>Where it was loaded from: a file path or <c>embedded:&lt;name&gt;</c>.</summary>
    public string Origin { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes loaded.</summary>
    public string Sha256 { get; }

    /// <summary>Name, version, hash and origin for report manifests (kind <c>gazetteer</c>).</summary>
    public LexiconInfo Info { get; }

    /// <summary>References to ids that are not in this gazetteer and are resolved against <see cref="DependsOn"/> when the gazetteers are combined.</summary>
    internal IReadOnlyList<GazetteerReference> ExternalReferences { get; }

    /// <summary>Finds an entity of this gazetteer by id.</summary>
    public bool TryGetEntity(string id, [MaybeNullWhen(false)] out GazetteerEntity entity)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out entity);
    }

    /// <summary>Loads a gazetteer from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="TextLensConfigurationException">The file cannot be read or is not a valid gazetteer; every fault is listed with its position.</exception>
    public static Gazetteer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Analyzers.LexiconFile.ReadAllBytes(path, ex => new TextLensConfigurationException($"Gazetteer '{path}' cannot be read: {ex.Message}", ex));

        return Parse(bytes, path);
    }

    /// <summary>Parses a gazetteer from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="origin">Where it came from, used in error messages and the manifest (a path, <c>inline</c>, ...).</param>
    /// <exception cref="TextLensConfigurationException">The text is not a valid gazetteer; every fault is listed with its position.</exception>
    public static Gazetteer Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        return Parse(Encoding.UTF8.GetBytes(json), origin);
    }

    internal static Gazetteer Parse(byte[] utf8, string origin)
    {
        var sha = Convert.ToHexString(SHA256.HashData(utf8)).ToLowerInvariant();
        return GazetteerReader.Read(utf8, origin, sha);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Version} ({Entities.Count} entities)";
}

/// <summary>A <c>parent</c> or <c>metonymFor</c> reference to an id outside its gazetteer, resolved when gazetteers are combined.</summary>
internal readonly record struct GazetteerReference(string EntityId, string Field, string TargetId, GazetteerPosition Position);
