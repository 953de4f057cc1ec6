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
}

/// <summary>A gazetteer entry as source resolution sees it.</summary>
/// <param name="Canonical">The canonical name (<c>Ministry of Defense of Azerbaijan</c>).</param>
/// <param name="EntityType">The entity type (<c>ORG</c>, <c>GPE</c>, <c>PERSON</c>, <c>NORP</c>).</param>
/// <param name="MetonymFor">What the name stands for when used as a speaker (<c>Baku</c> → <c>Government of Azerbaijan</c>), or null.</param>
/// <param name="SourceType">A source-type hint (<c>media</c>, <c>military</c>, ...), or null.</param>
internal readonly record struct GazetteerSource(string Canonical, string EntityType, string? MetonymFor, string? SourceType);
