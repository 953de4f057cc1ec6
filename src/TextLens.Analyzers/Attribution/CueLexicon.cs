namespace TextLens.Analyzers.Attribution;

/// <summary>
/// An attribution cue lexicon: reporting verbs with a stance class, non-verb cues (<c>according to</c>,
/// <c>cited ... as saying</c>, <c>reportedly</c>, <c>it is noted</c>) and source-type nouns (<c>ministry</c>,
/// <c>spokesman</c>, <c>unnamed source</c>). Loaded from JSON with <see cref="CueLexiconLoader"/>; immutable.
/// </summary>
public sealed class CueLexicon
{
    /// <summary>Creates a lexicon.</summary>
    /// <param name="name">Its name (recorded in every report's manifest).</param>
    /// <param name="version">Its version.</param>
    /// <param name="language">Its language tag (<c>en</c>).</param>
    /// <param name="verbs">Reporting verbs.</param>
    /// <param name="phrases">Non-verb cues.</param>
    /// <param name="sourceNouns">Source-type nouns.</param>
    public CueLexicon(string name, string version, string language, IReadOnlyList<CueVerb> verbs,
        IReadOnlyList<CuePhrase> phrases, IReadOnlyList<SourceNoun> sourceNouns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(version);
        Name = name;
        Version = version;
        Language = string.IsNullOrEmpty(language) ? "en" : language;
        Verbs = verbs ?? throw new ArgumentNullException(nameof(verbs));
        Phrases = phrases ?? throw new ArgumentNullException(nameof(phrases));
        SourceNouns = sourceNouns ?? throw new ArgumentNullException(nameof(sourceNouns));
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Its version.</summary>
    public string Version { get; }

    /// <summary>Its language tag.</summary>
    public string Language { get; }

    /// <summary>Reporting verbs with their inflected forms and stance class.</summary>
    public IReadOnlyList<CueVerb> Verbs { get; }

    /// <summary>Non-verb cues.</summary>
    public IReadOnlyList<CuePhrase> Phrases { get; }

    /// <summary>Nouns that identify the type of a source.</summary>
    public IReadOnlyList<SourceNoun> SourceNouns { get; }

    /// <summary>Lower-case hex SHA-256 of the JSON it was loaded from (empty when built in code).</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Where it was loaded from: <c>embedded:textlens-cues</c> or a file path.</summary>
    public string Origin { get; init; } = "code";
}

/// <summary>How a reporting cue positions the reporter towards what is reported.</summary>
public enum CueStance
{
    /// <summary>Reports without evaluation: <c>said</c>, <c>told</c>, <c>stated</c>, <c>noted</c>, <c>added</c>.</summary>
    Neutral = 0,

    /// <summary>Signals doubt about what is reported: <c>claimed</c>, <c>alleged</c>, <c>insisted</c>, <c>what it called</c>.</summary>
    Distancing = 1,

    /// <summary>Presents what is reported as true: <c>confirmed</c>, <c>revealed</c>, <c>acknowledged</c>, <c>showed</c>.</summary>
    Endorsing = 2,

    /// <summary>
    /// Reports a speech act that takes a side in a dispute, against someone or demanding something: <c>accused</c>,
    /// <c>blamed</c>, <c>demanded</c>, <c>warned</c>, <c>urged</c>, <c>called on</c>, <c>condemned</c>, <c>denied</c>.
    /// </summary>
    Accusing = 3,
}

/// <summary>What a reporting verb needs around it to count as an attribution cue.</summary>
public enum CueContentRequirement
{
    /// <summary>A quotation, a clause or an object (<c>accused Armenia of ...</c>).</summary>
    Any = 0,

    /// <summary>A quotation, a <c>that</c>-clause, a colon, or a parenthetical position after its content (<c>showed that ...</c>).</summary>
    Clause = 1,

    /// <summary>A quotation next to it only (<c>“...,” he continued.</c>).</summary>
    Quote = 2,
}

/// <summary>A reporting verb: its lemma, every inflected form, its stance class and how it takes its arguments.</summary>
/// <param name="Lemma">The lemma, written into the <c>cue</c> facet (<c>say</c>, <c>point out</c>).</param>
/// <param name="Stance">The stance class.</param>
/// <param name="Forms">Every form matched (<c>say</c>, <c>says</c>, <c>said</c>, <c>saying</c>); multi-word forms inflect the first word (<c>pointed out</c>).</param>
public sealed record CueVerb(string Lemma, CueStance Stance, IReadOnlyList<string> Forms)
{
    /// <summary>Whether the verb names an addressee before its content (<c>told reporters that ...</c>).</summary>
    public bool TakesAddressee { get; init; }

    /// <summary>Whether the passive without an agent is an agentless attribution (<c>were reported to have ...</c>); false for <c>told</c>, <c>asked</c>.</summary>
    public bool AgentlessPassive { get; init; } = true;

    /// <summary>What the verb needs around it to count as a cue.</summary>
    public CueContentRequirement RequiresContent { get; init; }

    /// <summary>
    /// Whether its base and <c>-s</c> forms are also common nouns (<c>reports</c>, <c>claims</c>, <c>states</c>): those forms
    /// then count only after a pronoun, a name or a source noun and before a clause, a name, a pronoun or a quotation.
    /// </summary>
    public bool AlsoNoun { get; init; }
}

/// <summary>The construction a non-verb cue starts.</summary>
public enum CuePhraseKind
{
    /// <summary><c>according to X</c>: X is the source; the rest of the clause or sentence is the content.</summary>
    AccordingTo = 0,

    /// <summary><c>X cited Y as saying ...</c>: a pattern with a gap (<c>...</c>) where the cited source stands.</summary>
    CitedAsSaying = 1,

    /// <summary><c>what X called ...</c>: distancing reference to someone's wording; a pattern with a gap for the source.</summary>
    WhatCalled = 2,

    /// <summary>An adjunct naming the channel of a statement (<c>in a statement</c>, <c>in an interview</c>); skipped between cue and content.</summary>
    Adjunct = 3,

    /// <summary>A hedging adverb (<c>reportedly</c>, <c>allegedly</c>): an agentless, hedged attribution of its clause unless it modifies a sourced cue.</summary>
    Hedge = 4,

    /// <summary>A fixed agentless construction (<c>it is noted</c>, <c>it was reported</c>); the following clause is the content.</summary>
    Agentless = 5,
}

/// <summary>A non-verb cue.</summary>
/// <param name="Text">The words, lower case; <c>...</c> marks the gap where the source stands (<c>cited ... as saying</c>).</param>
/// <param name="Kind">The construction it starts.</param>
/// <param name="Stance">The stance class.</param>
/// <param name="Lemma">The name written into the <c>cue</c> facet; the text itself when not given.</param>
public sealed record CuePhrase(string Text, CuePhraseKind Kind, CueStance Stance, string Lemma);

/// <summary>What kind of referent a source noun denotes, for pronoun compatibility.</summary>
public enum SourceNounRole
{
    /// <summary>An organization or a thing (<c>ministry</c>, <c>army</c>, <c>newspaper</c>): referred to as <c>it</c>.</summary>
    Organization = 0,

    /// <summary>A person (<c>spokesman</c>, <c>commander</c>, <c>witness</c>): referred to as <c>he</c> or <c>she</c>.</summary>
    Person = 1,

    /// <summary>A collective (<c>media</c>, <c>troops</c>, <c>authorities</c>): referred to as <c>they</c>.</summary>
    Group = 2,
}

/// <summary>A noun that identifies a source's type (<c>ministry</c> → <c>official</c>).</summary>
/// <param name="Text">The noun or noun phrase, lower case (<c>news agency</c>, <c>unnamed source</c>).</param>
/// <param name="Plural">Its plural, or <see langword="null"/> when it has none or is already plural.</param>
/// <param name="Type">The source type: one of <see cref="AttributionSourceTypes.All"/>.</param>
/// <param name="Role">What kind of referent it denotes.</param>
public sealed record SourceNoun(string Text, string? Plural, string Type, SourceNounRole Role);

/// <summary>The source types written as the category of attribution annotations.</summary>
public static class AttributionSourceTypes
{
    /// <summary>Governments, ministries (a defence ministry included), presidents, officials, spokespeople, embassies; a capital or country used for its government.</summary>
    public const string Official = "official";

    /// <summary>Armies, armed forces, commanders, soldiers, peacekeeping contingents.</summary>
    public const string Military = "military";

    /// <summary>The UN, OSCE, EU, NATO, the Red Cross and the like.</summary>
    public const string InternationalOrganization = "international-organization";

    /// <summary>Outlets, news agencies, newspapers, journalists, "mass media".</summary>
    public const string Media = "media";

    /// <summary>Unnamed sources, "sources said", "a source familiar with", a diplomat speaking on condition of anonymity.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Social networks, Telegram channels, posts on X, videos circulated online.</summary>
    public const string SocialMedia = "social-media";

    /// <summary>Experts, analysts, professors, researchers, think tanks.</summary>
    public const string Expert = "expert";

    /// <summary>Residents, civilians, refugees, villagers, eyewitnesses.</summary>
    public const string Witness = "witness";

    /// <summary>A source whose type could not be told (a named person without a title, an unresolved pronoun).</summary>
    public const string Unknown = "unknown";

    /// <summary>No source at all: agentless and hedged attributions (<c>it is noted</c>, <c>reportedly</c>).</summary>
    public const string Unattributed = "unattributed";

    /// <summary>Every type, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Official, Military, InternationalOrganization, Media, Anonymous, SocialMedia, Expert, Witness, Unknown, Unattributed];
}
