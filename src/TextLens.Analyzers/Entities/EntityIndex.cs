using System.Diagnostics.CodeAnalysis;

namespace TextLens.Entities;

/// <summary>
/// Several gazetteers combined into one set of entities: lookup by id, resolution of a name (<c>Baku’s
/// defence ministry</c>, <c>the Kremlin</c>) to its entity, and of a metonym to what it stands for (Baku →
/// Government of Azerbaijan). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <c>AddEntities</c> registers the index it matches with in
/// <see cref="TextLensPipelineBuilder.Properties"/> under <see cref="PropertyKey"/>; other analyzers (attribution)
/// read it with <c>builder.GetEntityIndex()</c> so that every layer resolves names with the same gazetteers.
/// </para>
/// <para>
/// Combining checks what one gazetteer cannot check alone: names and ids are unique across gazetteers, every
/// gazetteer named in <c>dependsOn</c> is present and every <c>parent</c> and <c>metonymFor</c> resolves, and an
/// alias shared by entities of different gazetteers is marked <c>ambiguous</c> where it occurs later.
/// </para>
/// </remarks>
public sealed class EntityIndex
{
    /// <summary>The key of <see cref="TextLensPipelineBuilder.Properties"/> under which <c>AddEntities</c> registers its index.</summary>
    public const string PropertyKey = "textlens.entities.gazetteers";

    private readonly Dictionary<string, GazetteerEntity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly List<GazetteerEntity> _entities = [];
    private readonly List<IndexedName> _names = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    private EntityIndex(IReadOnlyList<Gazetteer> gazetteers)
    {
        Gazetteers = gazetteers;
        var faults = new List<LexiconFault>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in gazetteers)
        {
            if (!names.Add(g.Name))
            {
                faults.Add(new LexiconFault(g.Origin, null, null, "name", $"A gazetteer named '{g.Name}' is already loaded; each gazetteer may be used once."));
            }
        }

        foreach (var g in gazetteers)
        {
            foreach (var dependency in g.DependsOn)
            {
                if (!names.Contains(dependency))
                {
                    faults.Add(new LexiconFault(g.Origin, null, null, "dependsOn",
                        $"Gazetteer '{g.Name}' depends on gazetteer '{dependency}', which is not loaded; add it (for the embedded one: UseDefaultGazetteer(\"{dependency}\"))."));
                }
            }

            foreach (var e in g.Entities)
            {
                if (_byId.TryGetValue(e.Id, out var first))
                {
                    faults.Add(e.Position.Fault($"Entity id '{e.Id}' is also defined by gazetteer '{first.Gazetteer}' ({first.Position.Origin}:{first.Position.Line}:{first.Position.Column})."));
                    continue;
                }

                _byId[e.Id] = e;
                _positions[e.Id] = _entities.Count;
                _entities.Add(e);
            }
        }

        foreach (var g in gazetteers)
        {
            foreach (var r in g.ExternalReferences)
            {
                if (!_byId.ContainsKey(r.TargetId))
                {
                    faults.Add(r.Position.Fault($"Unknown {r.Field} id '{r.TargetId}': no loaded gazetteer ({string.Join(", ", names)}) has it."));
                }
            }
        }

        IndexNames(faults);
        if (faults.Count > 0)
        {
            throw new LexiconException(faults);
        }

        Lexicons = gazetteers.Select(g => g.Info).ToArray();
    }

    /// <summary>The gazetteers, in the order given (earlier ones win ambiguous aliases).</summary>
    public IReadOnlyList<Gazetteer> Gazetteers { get; }

    /// <summary>Every entity, gazetteer by gazetteer in file order.</summary>
    public IReadOnlyList<GazetteerEntity> Entities => _entities;

    /// <summary>Name, version, hash and origin of each gazetteer, for report manifests.</summary>
    public IReadOnlyList<LexiconInfo> Lexicons { get; }

    /// <summary>Names matched for each entity (canonical names, aliases and "title + name" forms) in match priority order.</summary>
    internal IReadOnlyList<IndexedName> Names => _names;

    /// <summary>Combines gazetteers; earlier ones take precedence for ambiguous aliases.</summary>
    /// <exception cref="LexiconException">Ids or names clash, a dependency is missing, a reference does not resolve or an alias is shared without <c>ambiguous</c>.</exception>
    public static EntityIndex Create(IEnumerable<Gazetteer> gazetteers)
    {
        ArgumentNullException.ThrowIfNull(gazetteers);
        var list = gazetteers.ToList();
        if (list.Exists(g => g is null))
        {
            throw new ArgumentException("A gazetteer is null.", nameof(gazetteers));
        }

        return new EntityIndex(list);
    }

    /// <summary>Combines gazetteers; earlier ones take precedence for ambiguous aliases.</summary>
    /// <exception cref="LexiconException">See <see cref="Create(IEnumerable{Gazetteer})"/>.</exception>
    public static EntityIndex Create(params Gazetteer[] gazetteers) => Create((IEnumerable<Gazetteer>)gazetteers);

    /// <summary>Finds an entity by id in any of the gazetteers.</summary>
    public bool TryGetEntity(string id, [MaybeNullWhen(false)] out GazetteerEntity entity)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out entity);
    }

    /// <summary>
    /// Resolves a name as written in a text (<c>Azerbaijan’s Defence Ministry</c>, <c>the Kremlin</c>, <c>Füzuli</c>,
    /// <c>President Aliyev</c>) to its entity: a leading <c>the</c> and a trailing possessive are ignored; case,
    /// diacritics and hyphens are folded as the matcher folds them (case-sensitive aliases must keep their case or
    /// be in all capitals). An ambiguous alias resolves to the entity listed first.
    /// </summary>
    public bool TryResolve(string text, [MaybeNullWhen(false)] out GazetteerEntity entity)
    {
        ArgumentNullException.ThrowIfNull(text);
        entity = null;
        var trimmed = Trim(text);
        if (trimmed.Length == 0)
        {
            return false;
        }

        foreach (var fold in (ReadOnlySpan<bool>)[false, true])
        {
            if (_byKey.TryGetValue(GazetteerAlias.Key(trimmed, fold), out var candidates))
            {
                foreach (var index in candidates)
                {
                    var n = _names[index];
                    if (n.FoldDiacritics != fold && fold)
                    {
                        continue;
                    }

                    if (n.CaseSensitive && !CaseAgrees(n.Text, trimmed))
                    {
                        continue;
                    }

                    entity = _entities[n.Entity];
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What an entity stands for when used as a metonym (Baku → Government of Azerbaijan), or the entity itself.</summary>
    public GazetteerEntity ResolveMetonym(GazetteerEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.MetonymFor is { } id && _byId.TryGetValue(id, out var target) ? target : entity;
    }

    /// <summary>The parent of an entity (Shusha → Azerbaijan), or <see langword="null"/>.</summary>
    public GazetteerEntity? ParentOf(GazetteerEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Parent is { } id && _byId.TryGetValue(id, out var parent) ? parent : null;
    }

    internal GazetteerEntity EntityAt(int index) => _entities[index];

    /// <summary>The position of an entity of this index in <see cref="Entities"/>.</summary>
    internal int IndexOf(GazetteerEntity entity) => _positions[entity.Id];

    /// <summary>Whether <paramref name="text"/> has the letters of <paramref name="alias"/> in its case, or all in capitals.</summary>
    internal static bool CaseAgrees(string alias, string text)
    {
        var a = Letters(alias);
        var t = Letters(text);
        return string.Equals(a, t, StringComparison.Ordinal) || string.Equals(a.ToUpperInvariant(), t, StringComparison.Ordinal);

        static string Letters(string s) => string.Concat(s.Where(char.IsLetterOrDigit));
    }

    private static string Trim(string text)
    {
        var s = text.Trim();
        if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..].TrimStart();
        }

        foreach (var suffix in (ReadOnlySpan<string>)["'s", "\u2019s", "'", "\u2019"])
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        return s;
    }

    /// <summary>
    /// Lists every name to match, entity by entity: the canonical name, the aliases, then for persons each title
    /// followed by each name and by the surname (the last word of the canonical name). A key held by more than one
    /// entity is ambiguous; across gazetteers the later occurrence must say so.
    /// </summary>
    private void IndexNames(List<LexiconFault> faults)
    {
        var owners = new Dictionary<string, (int Entity, string Gazetteer, GazetteerPosition Position)>(StringComparer.Ordinal);
        for (var i = 0; i < _entities.Count; i++)
        {
            var e = _entities[i];
            var fold = Gazetteers.First(g => string.Equals(g.Name, e.Gazetteer, StringComparison.Ordinal)).FoldDiacritics;
            var entityNames = GazetteerReader.AllNames(e).ToList();
            foreach (var (text, caseSensitive, ambiguous, position) in entityNames)
            {
                Add(text, caseSensitive, ambiguous, position, title: null, generated: false);
            }

            var words = e.Name.Split(' ');
            foreach (var title in e.Titles)
            {
                foreach (var (text, caseSensitive, _, position) in entityNames)
                {
                    Add(title + " " + text, caseSensitive, true, position, title, generated: true);
                }

                if (words.Length >= 2)
                {
                    Add(title + " " + words[^1], e.CaseSensitive, true, e.NamePosition, title, generated: true);
                }
            }

            void Add(string text, bool caseSensitive, bool ambiguous, GazetteerPosition position, string? title, bool generated)
            {
                var key = GazetteerAlias.Key(text, fold);
                var shared = false;
                if (owners.TryGetValue(key, out var owner))
                {
                    if (owner.Entity == i)
                    {
                        return;
                    }

                    shared = true;
                    if (!ambiguous && !generated && !string.Equals(owner.Gazetteer, e.Gazetteer, StringComparison.Ordinal))
                    {
                        faults.Add(position.Fault(
                            $"Alias '{text}' of '{e.Id}' is also a name of '{_entities[owner.Entity].Id}' in gazetteer '{owner.Gazetteer}' " +
                            $"({owner.Position.Origin}:{owner.Position.Line}:{owner.Position.Column}); mark it \"ambiguous\": true to let it resolve to that entity, or remove it."));
                    }
                }
                else
                {
                    owners[key] = (i, e.Gazetteer, position);
                }

                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = [];
                }

                if (shared)
                {
                    foreach (var other in list)
                    {
                        _names[other] = _names[other] with { Ambiguous = true };
                    }
                }

                list.Add(_names.Count);
                _names.Add(new IndexedName(text, i, caseSensitive, fold, title, shared));
            }
        }
    }
}

/// <summary>One name to match: its text, its entity (index into <see cref="EntityIndex.Entities"/>), how it compares, and the title it starts with, if any.</summary>
/// <param name="Text">The text as written (title included).</param>
/// <param name="Entity">Index of the entity.</param>
/// <param name="CaseSensitive">Whether case must agree (or the text be in capitals).</param>
/// <param name="FoldDiacritics">Whether diacritics are folded (the gazetteer's setting).</param>
/// <param name="Title">The title this name starts with (<c>General</c> of <c>General Volkov</c>); the annotation leaves it out of the span.</param>
/// <param name="Ambiguous">Whether another entity has a name with the same key (the first listed wins).</param>
internal readonly record struct IndexedName(string Text, int Entity, bool CaseSensitive, bool FoldDiacritics, string? Title, bool Ambiguous);
