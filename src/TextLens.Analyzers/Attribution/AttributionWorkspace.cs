namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Per-thread scratch tables of the attribution analyzer, grown to the largest document seen and reused, so that
/// analysing a document allocates only its annotations. Never shared between threads.
/// </summary>
internal sealed class AttributionWorkspace
{
    [ThreadStatic]
    private static AttributionWorkspace? _current;

    public int[] Single = new int[256];
    public int[] Longest = new int[256];
    public byte[] LongestLength = new byte[256];
    public WordClass[] Classes = new WordClass[256];
    public int[] Sentence = new int[256];
    public int[] QuoteOpenAt = new int[256];
    public int[] QuoteCloseAt = new int[256];
    public bool[] Consumed = new bool[256];
    public bool[] ProvenanceParagraph = new bool[16];
    public bool[] QuoteUsed = new bool[16];
    public int[] QuoteParent = new int[16];
    public readonly List<int> Starts = new(64);
    public readonly List<int> Ends = new(32);
    public readonly List<(int Start, int End, int Owner)> Spans = new(32);
    public readonly List<(int End1, int Owner1, int End2)> Best = new(32);
    public readonly List<FoundAttribution> Found = new(32);
    public readonly List<Mention> Mentions = new(64);
    public readonly List<EntityMention> Entities = new(64);
    public readonly List<(int Start, int End)> Provenance = new(4);
    public readonly List<int> QuoteStack = new(8);
    public readonly List<int> Order = new(32);

    /// <summary>Work steps of the last document (token visits of every rule), for the linear-time tests.</summary>
    public long Steps;

    /// <summary>The calling thread's workspace.</summary>
    public static AttributionWorkspace Current => _current ??= new AttributionWorkspace();

    public void Prepare(int tokens, int paragraphs, int quotes)
    {
        if (Single.Length < tokens)
        {
            var n = Math.Max(tokens, Single.Length * 2);
            Single = new int[n];
            Longest = new int[n];
            LongestLength = new byte[n];
            Classes = new WordClass[n];
            Sentence = new int[n];
            QuoteOpenAt = new int[n];
            QuoteCloseAt = new int[n];
            Consumed = new bool[n];
        }

        if (ProvenanceParagraph.Length < paragraphs)
        {
            ProvenanceParagraph = new bool[Math.Max(paragraphs, ProvenanceParagraph.Length * 2)];
        }

        if (QuoteUsed.Length < quotes)
        {
            QuoteUsed = new bool[Math.Max(quotes, QuoteUsed.Length * 2)];
            QuoteParent = new int[QuoteUsed.Length];
        }

        Array.Clear(Consumed, 0, tokens);
        Array.Clear(ProvenanceParagraph, 0, paragraphs);
        Array.Clear(QuoteUsed, 0, quotes);
        Found.Clear();
        Mentions.Clear();
        Entities.Clear();
        Provenance.Clear();
        QuoteStack.Clear();
        Order.Clear();
        Starts.Clear();
        Ends.Clear();
        Steps = 0;
    }
}

/// <summary>A mention that a pronoun or description may refer back to: an earlier source, an entity, a named organization.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Sentence">Its sentence.</param>
/// <param name="Key">Its case-folded text and label (spelling variants unified), for matching descriptions; computed on first use.</param>
/// <param name="Label">The canonical source it resolves to.</param>
/// <param name="Type">Its source type.</param>
/// <param name="Role">What kind of referent it is.</param>
/// <param name="IsSource">Whether it is the source of an attribution (preferred antecedent of pronouns).</param>
internal readonly record struct Mention(int Start, int End, int Sentence, string? Key, string Label, string Type, SourceNounRole Role, bool IsSource);

/// <summary>An annotation of the <c>entity</c> layer (or a named organization found in the text), as resolution uses it.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Type">Entity type (<c>PERSON</c>, <c>ORG</c>, <c>GPE</c>, <c>NORP</c>, ...).</param>
/// <param name="Name">Its canonical name (the <c>name</c> facet, else the label).</param>
/// <param name="MetonymFor">What it stands for as a speaker, or null.</param>
/// <param name="SourceType">A source-type hint, or null.</param>
/// <param name="FromText">Found in the text by a capitalized organization noun rather than read from the entity layer (which wins).</param>
internal readonly record struct EntityMention(int Start, int End, string Type, string Name, string? MetonymFor, string? SourceType, bool FromText = false);
