namespace TextLens.Entities;

/// <summary>
/// The built-in entity types, named as spaCy and OntoNotes name them. A gazetteer may declare more in its
/// <c>customTypes</c> list (for example <c>LAW</c>).
/// </summary>
public static class EntityTypes
{
    /// <summary>People, real or fictional.</summary>
    public const string Person = "PERSON";

    /// <summary>Organisations: companies, agencies, ministries, armed forces, news agencies.</summary>
    public const string Organization = "ORG";

    /// <summary>Geopolitical entities: countries, cities, districts with a government.</summary>
    public const string GeopoliticalEntity = "GPE";

    /// <summary>Other locations: regions, mountain ranges, bodies of water.</summary>
    public const string Location = "LOC";

    /// <summary>Nationalities, religious and political groups (<c>Azerbaijani</c>, <c>Armenians</c>).</summary>
    public const string Nationality = "NORP";

    /// <summary>Facilities: buildings, roads, bridges, bases (<c>Lachin road</c>, <c>Kremlin</c>).</summary>
    public const string Facility = "FAC";

    /// <summary>Named events: wars, battles, summits.</summary>
    public const string Event = "EVENT";

    /// <summary>The type of an unlisted name whose kind the recognizer could not guess.</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>The seven built-in types a gazetteer may use without declaring them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Person, Organization, GeopoliticalEntity, Location, Nationality, Facility, Event];

    /// <summary>Whether <paramref name="type"/> is one of <see cref="BuiltIn"/>.</summary>
    public static bool IsBuiltIn(string type) => BuiltIn.Contains(type, StringComparer.Ordinal);
}
