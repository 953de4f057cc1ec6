using System.Collections.Concurrent;
using TextLens.Entities;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// What source resolution needs from a gazetteer: a canonical name, an entity type, the entity a metonym stands for
/// and a source-type hint, for a name as written. Adapts the entity analyzer's gazetteers (shared through
/// <c>builder.Properties["textlens.entities.gazetteers"]</c>) when they are present.
/// </summary>
internal interface ISourceGazetteer
{
    /// <summary>Looks up a name (any case, any known alias or spelling variant).</summary>
    bool TryFind(string name, out GazetteerSource source);

    /// <summary>Looks up an entity by id (the label of an <c>entity</c> annotation, the value of its <c>metonymFor</c> facet).</summary>
    bool TryGetById(string id, out GazetteerSource source);
}

/// <summary>A gazetteer entry as source resolution sees it.</summary>
/// <param name="Canonical">The canonical name (<c>Ministry of Defense of Azerbaijan</c>).</param>
/// <param name="EntityType">The entity type (<c>ORG</c>, <c>GPE</c>, <c>PERSON</c>, <c>NORP</c>).</param>
/// <param name="MetonymFor">What the name stands for when used as a speaker (<c>Baku</c> → <c>Government of Azerbaijan</c>), or null.</param>
/// <param name="SourceType">A source-type hint (<c>media</c>, <c>military</c>, ...), or null.</param>
internal readonly record struct GazetteerSource(string Canonical, string EntityType, string? MetonymFor, string? SourceType);

/// <summary>
/// <see cref="ISourceGazetteer"/> over the entity analyzer's <see cref="EntityIndex"/>: names resolve with
/// <see cref="EntityIndex.TryResolve"/>, metonyms to the canonical name of what they stand for, and the source-type hint
/// comes from the entity's id scope (<c>int.</c> → international organization), titles, name and aliases read with the
/// cue lexicon's source nouns (<c>Trend News Agency</c> → media). Thread-safe; hints are cached per entity.
/// </summary>
internal sealed class EntityIndexGazetteer(EntityIndex index, CueTable table) : ISourceGazetteer
{
    private readonly ConcurrentDictionary<string, GazetteerSource> _cache = new(StringComparer.Ordinal);

    public bool TryFind(string name, out GazetteerSource source)
    {
        if (index.TryResolve(name, out var entity))
        {
            source = From(entity);
            return true;
        }

        source = default;
        return false;
    }

    public bool TryGetById(string id, out GazetteerSource source)
    {
        if (index.TryGetEntity(id, out var entity))
        {
            source = From(entity);
            return true;
        }

        source = default;
        return false;
    }

    private GazetteerSource From(GazetteerEntity entity) => _cache.GetOrAdd(entity.Id, static (_, state) =>
    {
        var (e, idx, t) = state;
        var metonym = e.MetonymFor is { } id && idx.TryGetEntity(id, out var target) ? target.Name : null;
        string? hint = e.Id.StartsWith("int.", StringComparison.Ordinal) ? AttributionSourceTypes.InternationalOrganization : null;
        hint ??= t.SourceTypeOfNames(e.Titles.Prepend(e.Name).Concat(e.Aliases.Select(a => a.Text)));
        return new GazetteerSource(e.Name, e.Type, metonym, hint);
    }, (entity, index, table));
}
