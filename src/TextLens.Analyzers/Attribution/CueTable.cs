namespace TextLens.Analyzers.Attribution;

/// <summary>What a compiled cue entry is.</summary>
internal enum CueEntryKind : byte
{
    /// <summary>A form of a reporting verb (<see cref="CueEntry.Index"/> is the verb).</summary>
    Verb,

    /// <summary>A non-verb cue without a gap (<see cref="CueEntry.Index"/> is the phrase).</summary>
    Phrase,

    /// <summary>The words before the gap of a gapped cue (<c>cited</c> of <c>cited ... as saying</c>).</summary>
    GapHead,

    /// <summary>The words after the gap of a gapped cue (<c>as saying</c>).</summary>
    GapTail,

    /// <summary>A source-type noun (<see cref="CueEntry.Index"/> is the noun; <see cref="CueEntry.Plural"/> for its plural).</summary>
    SourceNoun,
}

/// <summary>The grammatical shape of a verb form.</summary>
internal enum VerbForm : byte
{
    /// <summary><c>say</c>.</summary>
    Base,

    /// <summary><c>says</c>.</summary>
    ThirdPerson,

    /// <summary><c>said</c>, <c>written</c>: past tense or past participle.</summary>
    Past,

    /// <summary><c>saying</c>.</summary>
    Ing,
}

/// <summary>One meaning of a matched word sequence.</summary>
internal readonly record struct CueEntry(CueEntryKind Kind, int Index, VerbForm Form = VerbForm.Base, bool Plural = false);

/// <summary>
/// The cue lexicons compiled for matching: every word sequence (a verb form, a phrase, the head or tail of a gapped
/// phrase, a source noun) becomes a group of entries keyed by its case-folded words. Later lexicons
/// override earlier ones for the same verb form or phrase text. Immutable and thread-safe.
/// </summary>
internal sealed class CueTable
{
    private readonly List<CueEntry[]> _groups = [];
    private readonly Dictionary<string, int> _groupOf = new(StringComparer.Ordinal);

    public CueTable(IReadOnlyList<CueLexicon> lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        Lexicons = lexicons;

        // Later lexicons override earlier ones: keep the last definition of every verb form, phrase text and noun.
        var verbByForm = new Dictionary<string, CueVerb>(StringComparer.Ordinal);
        var phraseByText = new Dictionary<string, CuePhrase>(StringComparer.Ordinal);
        var nounByText = new Dictionary<string, (SourceNoun Noun, bool Plural)>(StringComparer.Ordinal);
        foreach (var lexicon in lexicons)
        {
            foreach (var verb in lexicon.Verbs)
            {
                foreach (var form in verb.Forms)
                {
                    verbByForm[form] = verb;
                }
            }

            foreach (var phrase in lexicon.Phrases)
            {
                phraseByText[phrase.Text] = phrase;
            }

            foreach (var noun in lexicon.SourceNouns)
            {
                nounByText[noun.Text] = (noun, false);
                if (noun.Plural is { } plural)
                {
                    nounByText[plural] = (noun, true);
                }
            }
        }

        var verbs = verbByForm.Values.Distinct().ToList();
        Verbs = verbs;
        Phrases = phraseByText.Values.ToList();
        Nouns = nounByText.Values.Select(v => v.Noun).Distinct().ToList();
        var verbIndex = verbs.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var nounIndex = Nouns.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);

        foreach (var (form, verb) in verbByForm)
        {
            Add(form, new CueEntry(CueEntryKind.Verb, verbIndex[verb], FormOf(form, verb.Lemma)));
        }

        for (var i = 0; i < Phrases.Count; i++)
        {
            var phrase = Phrases[i];
            var gap = phrase.Text.IndexOf("...", StringComparison.Ordinal);
            if (gap < 0)
            {
                Add(phrase.Text, new CueEntry(CueEntryKind.Phrase, i));
            }
            else
            {
                Add(phrase.Text[..gap].Trim(), new CueEntry(CueEntryKind.GapHead, i));
                Add(phrase.Text[(gap + 3)..].Trim(), new CueEntry(CueEntryKind.GapTail, i));
            }
        }

        foreach (var (text, (noun, plural)) in nounByText)
        {
            Add(text, new CueEntry(CueEntryKind.SourceNoun, nounIndex[noun], Plural: plural));
        }

        Sha256 = string.Join("+", lexicons.Select(l => l.Sha256));
    }

    /// <summary>The lexicons compiled, in order.</summary>
    public IReadOnlyList<CueLexicon> Lexicons { get; }

    /// <summary>The verbs (indexed by <see cref="CueEntry.Index"/>).</summary>
    public IReadOnlyList<CueVerb> Verbs { get; }

    /// <summary>The phrases (indexed by <see cref="CueEntry.Index"/>).</summary>
    public IReadOnlyList<CuePhrase> Phrases { get; }

    /// <summary>The source nouns (indexed by <see cref="CueEntry.Index"/>).</summary>
    public IReadOnlyList<SourceNoun> Nouns { get; }

    /// <summary>Content hashes of the lexicons, joined.</summary>
    public string Sha256 { get; }

    /// <summary>Number of groups.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>Every group's key (its case-folded words joined by single spaces), for building matchers.</summary>
    public IEnumerable<(string Key, int Group)> Keys => _groupOf.Select(kv => (kv.Key, kv.Value));

    /// <summary>The entries of a group.</summary>
    public ReadOnlySpan<CueEntry> Entries(int group) => group < 0 ? default : _groups[group];

    /// <summary>
    /// The source type the source nouns in some names suggest (a gazetteer entity's name, aliases and titles):
    /// anonymous, social media, media, international organization first, then official or military; null when none.
    /// </summary>
    public string? SourceTypeOfNames(IEnumerable<string> names)
    {
        string? best = null;
        var bestRank = int.MaxValue;
        foreach (var name in names)
        {
            var words = Text.CharFolding.FoldCase(name).Split([' ', '-', ',', '.', '(', ')', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                for (var n = Math.Min(4, words.Length - i); n >= 1; n--)
                {
                    foreach (var e in Entries(Find(string.Join(' ', words, i, n))))
                    {
                        if (e.Kind != CueEntryKind.SourceNoun)
                        {
                            continue;
                        }

                        var type = Nouns[e.Index].Type;
                        var rank = Rank(type);
                        if (rank < bestRank)
                        {
                            (best, bestRank) = (type, rank);
                        }
                    }
                }
            }
        }

        return best;

        static int Rank(string type) => type switch
        {
            AttributionSourceTypes.Anonymous => 0,
            AttributionSourceTypes.SocialMedia => 1,
            AttributionSourceTypes.Media => 2,
            AttributionSourceTypes.InternationalOrganization => 3,
            AttributionSourceTypes.Official => 4,
            AttributionSourceTypes.Military => 5,
            AttributionSourceTypes.Expert => 6,
            AttributionSourceTypes.Witness => 7,
            _ => int.MaxValue,
        };
    }

    /// <summary>The group of a word sequence, or -1.</summary>
    public int Find(string key) => _groupOf.TryGetValue(key, out var g) ? g : -1;

    private void Add(string key, CueEntry entry)
    {
        var g = GroupFor(key);
        var entries = _groups[g];
        if (Array.IndexOf(entries, entry) < 0)
        {
            _groups[g] = [.. entries, entry];
        }
    }

    private int GroupFor(string key)
    {
        if (!_groupOf.TryGetValue(key, out var g))
        {
            g = _groups.Count;
            _groups.Add([]);
            _groupOf[key] = g;
        }

        return g;
    }

    private static VerbForm FormOf(string form, string lemma)
    {
        var head = FirstWord(form);
        var lemmaHead = FirstWord(lemma);
        if (string.Equals(head, lemmaHead, StringComparison.Ordinal))
        {
            return VerbForm.Base;
        }

        if (head.EndsWith("ing", StringComparison.Ordinal))
        {
            return VerbForm.Ing;
        }

        if (head.EndsWith('s') && (string.Equals(head[..^1], lemmaHead, StringComparison.Ordinal)
            || (head.EndsWith("es", StringComparison.Ordinal) && string.Equals(head[..^2], lemmaHead, StringComparison.Ordinal))
            || (head.EndsWith("ies", StringComparison.Ordinal) && lemmaHead.EndsWith('y') && string.Equals(head[..^3], lemmaHead[..^1], StringComparison.Ordinal))))
        {
            return VerbForm.ThirdPerson;
        }

        return VerbForm.Past;
    }

    private static string FirstWord(string s)
    {
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? s : s[..space];
    }
}
