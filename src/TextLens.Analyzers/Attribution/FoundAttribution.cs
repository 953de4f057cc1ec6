namespace TextLens.Analyzers.Attribution;

/// <summary>How the reported content is given.</summary>
internal enum AttributionMode : byte
{
    /// <summary>A quotation: <c>“...,” the ministry said</c>.</summary>
    Direct,

    /// <summary>Reported speech: <c>the ministry said (that) ...</c>.</summary>
    Indirect,

    /// <summary>Reported speech containing a quotation: <c>adding it was using “high-precision weapons”</c>.</summary>
    Mixed,

    /// <summary><c>according to X, ...</c>.</summary>
    AccordingTo,

    /// <summary>No source: <c>it is noted that</c>, <c>were reported to</c>, <c>reportedly</c>.</summary>
    Agentless,
}

/// <summary>How the canonical source (the label) was obtained.</summary>
internal enum SourceResolution : byte
{
    /// <summary>The source is named (or described) where it stands; the label is its name, canonical when an entity or gazetteer knows it.</summary>
    Named,

    /// <summary>A pronoun resolved to an earlier source.</summary>
    Pronoun,

    /// <summary>A definite description (<c>the ministry</c>) resolved to an earlier named source.</summary>
    Description,

    /// <summary>A metonym (<c>Baku</c>) resolved to what it stands for (<c>Government of Azerbaijan</c>).</summary>
    Metonym,

    /// <summary>No source, or a pronoun or description that could not be resolved (the label is then the written text).</summary>
    None,
}

/// <summary>An attribution found in a document, before resolution; offsets of content are characters, the rest tokens.</summary>
internal struct FoundAttribution
{
    public FoundAttribution()
    {
    }

    /// <summary>First token of the source, -1 when there is none (agentless).</summary>
    public int SourceStart = -1;

    /// <summary>Token just past the source.</summary>
    public int SourceEnd = -1;

    /// <summary>First token of the cue.</summary>
    public int CueStart;

    /// <summary>Token just past the cue.</summary>
    public int CueEnd;

    /// <summary>First token of the second part of a gapped cue (<c>as saying</c>), -1 when none.</summary>
    public int Cue2Start = -1;

    /// <summary>Token just past the second part of the cue.</summary>
    public int Cue2End = -1;

    /// <summary>First content span (characters), -1 when none.</summary>
    public int Content1Start = -1;

    public int Content1End = -1;

    /// <summary>Second content span (characters), -1 when none (speaker in the middle of a quotation, a subject and its infinitive).</summary>
    public int Content2Start = -1;

    public int Content2End = -1;

    /// <summary>The quotation given as content, -1 when none.</summary>
    public int Quote = -1;

    /// <summary>The attribution this quotation continues (it is written as an attribution of its own with that one's source and cue), -1 when none.</summary>
    public int ContinuationOf = -1;

    /// <summary>The attribution whose source this one repeats (a continued quotation, <c>..., adding ...</c>), -1 when none.</summary>
    public int SourceOf = -1;

    public string Lemma = "";

    public CueStance Stance;

    public AttributionMode Mode;

    public bool Hedged;

    public bool Nested;

    /// <summary>Dropped by a later rule (inside a provenance line, a duplicate).</summary>
    public bool Dropped;

    public string Label = "";

    public string Type = AttributionSourceTypes.Unknown;

    public SourceResolution Resolution = SourceResolution.None;

    public SourceNounRole Role = SourceNounRole.Organization;

    /// <summary>Whether <see cref="Label"/> and <see cref="Type"/> are final.</summary>
    public bool Resolved;

    public readonly bool HasSource => SourceStart >= 0;

    public readonly bool HasContent => Content1Start >= 0;

    public readonly int ContentStart => Content2Start >= 0 && Content2Start < Content1Start ? Content2Start : Content1Start;

    public readonly int ContentEnd => Math.Max(Content1End, Content2End);
}
