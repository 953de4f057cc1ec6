namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Per-thread scratch tables of the attribution analyzer, grown to the largest document seen and reused, so that
/// analysing a document allocates only its annotations. Never shared between threads.
/// </summary>
internal sealed class AttributionWorkspace
{
    [ThreadStatic]
    private static AttributionWorkspace? _current;

    // Per-token tables. Between documents they hold their empty values (-1, 0, false): each document records the
    // positions it writes and the next Prepare resets only those, so a document costs nothing for the tokens no
    // rule looks at.
    public int[] Single = Empty(256);
    public int[] Longest = Empty(256);
    public byte[] LongestLength = new byte[256];
    public WordClass[] Classes = new WordClass[256];
    public int[] QuoteOpenAt = Empty(256);
    public int[] QuoteCloseAt = Empty(256);
    public bool[] Consumed = new bool[256];
    public bool[] QuoteUsed = new bool[16];
    public int[] QuoteParent = new int[16];
    public readonly List<int> Starts = new(64);
    public readonly List<int> ClassTouched = new(256);
    public readonly List<int> ConsumedTouched = new(32);
    public readonly List<int> QuoteMarks = new(16);
    public readonly List<int> Ends = new(32);
    public readonly List<(int Start, int End, int Owner)> Spans = new(32);
    public readonly List<(int End1, int Owner1, int End2)> Best = new(32);
    public readonly List<FoundAttribution> Found = new(32);
    public readonly List<Mention> Mentions = new(64);
    public readonly List<EntityMention> Entities = new(64);
    public readonly List<(int Start, int End)> Provenance = new(4);
    public readonly List<int> QuoteStack = new(8);
    public readonly List<int> Order = new(32);
    public readonly List<(long Key, int Index)> Keyed = new(32);
    public readonly List<(long Key, int Index)> ByContent = new(32);
    public readonly Dictionary<(string Type, string Lemma, CueStance Stance, AttributionMode Mode, SourceResolution Resolution, bool Hedged, bool Nested), AnnotationFacet[]> Facets = [];

    /// <summary>Recent label strings, so that a source named again (in this or a later document) costs no new string.</summary>
    private readonly string?[] _labels = new string?[4096];

    /// <summary>Work steps of the last document (token visits of every rule), for the linear-time tests.</summary>
    public long Steps;

    /// <summary>The text as a string, reusing an equal one seen recently (a direct-mapped cache of 4,096 strings).</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        var slot = string.GetHashCode(text) & (_labels.Length - 1);
        if (_labels[slot] is { } known && text.SequenceEqual(known))
        {
            return known;
        }

        var created = text.ToString();
        _labels[slot] = created;
        return created;
    }

    /// <summary>The calling thread's workspace.</summary>
    public static AttributionWorkspace Current => _current ??= new AttributionWorkspace();

    public void Prepare(int tokens, int quotes)
    {
        // Undo the previous document's sparse writes.
        foreach (var t in Starts)
        {
            Single[t] = -1;
            Longest[t] = -1;
            LongestLength[t] = 0;
        }

        foreach (var t in ClassTouched)
        {
            Classes[t] = WordClass.None;
        }

        foreach (var t in ConsumedTouched)
        {
            Consumed[t] = false;
        }

        foreach (var t in QuoteMarks)
        {
            QuoteOpenAt[t] = -1;
            QuoteCloseAt[t] = -1;
        }

        if (Single.Length < tokens)
        {
            var n = Math.Max(tokens, Single.Length * 2);
            Single = Empty(n);
            Longest = Empty(n);
            LongestLength = new byte[n];
            Classes = new WordClass[n];
            QuoteOpenAt = Empty(n);
            QuoteCloseAt = Empty(n);
            Consumed = new bool[n];
        }

        if (QuoteUsed.Length < quotes)
        {
            QuoteUsed = new bool[Math.Max(quotes, QuoteUsed.Length * 2)];
            QuoteParent = new int[QuoteUsed.Length];
        }

        Array.Clear(QuoteUsed, 0, quotes);
        Starts.Clear();
        ClassTouched.Clear();
        ConsumedTouched.Clear();
        QuoteMarks.Clear();
        Found.Clear();
        Mentions.Clear();
        Entities.Clear();
        Provenance.Clear();
        QuoteStack.Clear();
        Order.Clear();
        Steps = 0;
    }

    private static int[] Empty(int length)
    {
        var array = new int[length];
        array.AsSpan().Fill(-1);
        return array;
    }
}

/// <summary>A mention that a pronoun or description may refer back to: an earlier source, an entity, a named organization.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Sentence">Its sentence.</param>
/// <param name="Label">The canonical source it resolves to.</param>
/// <param name="Type">Its source type.</param>
/// <param name="Role">What kind of referent it is.</param>
/// <param name="IsSource">Whether it is the source of an attribution (preferred antecedent of pronouns).</param>
internal readonly record struct Mention(int Start, int End, int Sentence, string Label, string Type, SourceNounRole Role, bool IsSource);

/// <summary>An annotation of the <c>entity</c> layer (or a named organization found in the text), as resolution uses it.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Type">Entity type (<c>PERSON</c>, <c>ORG</c>, <c>GPE</c>, <c>NORP</c>, ...).</param>
/// <param name="Name">Its canonical name (the <c>name</c> facet, else the label).</param>
/// <param name="MetonymFor">What it stands for as a speaker, or null.</param>
/// <param name="SourceType">A source-type hint, or null.</param>
/// <param name="FromText">Found in the text by a capitalized organization noun rather than read from the entity layer (which wins).</param>
internal readonly record struct EntityMention(int Start, int End, string Type, string Name, string? MetonymFor, string? SourceType, bool FromText = false);
