using System.Collections.Frozen;

namespace TextLens.Entities;

/// <summary>
/// Small, hand-made English word lists used by the gazetteer validator (aliases that are also common words)
/// and by the rule-based recognizer (capitalised words that are not names). Lower case, ASCII.
/// </summary>
internal static class EnglishWords
{
    /// <summary>
    /// Function words and frequent words, including those that are also names of places, organisations or
    /// people (<c>us</c>, <c>it</c>, <c>may</c>, <c>chad</c>, <c>turkey</c>, <c>china</c>, <c>trend</c>, <c>who</c>).
    /// An alias equal to one of these must be case-sensitive.
    /// </summary>
    public static FrozenSet<string> Common { get; } = FrozenSet.ToFrozenSet(
    [
        // Function words.
        "a", "about", "above", "across", "after", "again", "against", "ago", "all", "almost", "alone", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at",
        "away", "back", "be", "because", "been", "before", "behind", "being", "below", "beneath", "beside", "besides", "between",
        "beyond", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
        "either", "else", "enough", "even", "ever", "every", "everyone", "everything", "except", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i",
        "if", "in", "indeed", "inside", "instead", "into", "is", "it", "its", "itself", "just", "least", "less", "let", "like",
        "many", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "myself", "near", "neither", "never",
        "nevertheless", "next", "no", "nobody", "none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one",
        "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "outside", "over", "own", "per",
        "perhaps", "quite", "rather", "same", "several", "shall", "she", "should", "since", "so", "some", "someone", "something",
        "sometimes", "soon", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "therefore", "these", "they", "this", "those", "though", "through", "throughout", "thus", "till", "to", "together", "too",
        "toward", "towards", "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what",
        "whatever", "when", "whenever", "where", "whereas", "wherever", "whether", "which", "while", "who", "whoever", "whom",
        "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "un", "de", "la",
        "le", "el", "al", "los", "las", "del", "di", "da", "van", "von",
        // Sentence openers and discourse words.
        "according", "accordingly", "additionally", "afterwards", "again", "earlier", "later", "meanwhile", "moreover",
        "furthermore", "finally", "first", "firstly", "second", "secondly", "third", "last", "lastly", "recently", "previously",
        "currently", "today", "yesterday", "tomorrow", "tonight", "now", "then", "following", "despite", "given", "regarding",
        "recall", "note", "please", "yes", "okay", "source", "update", "updated", "read", "more", "photo", "video", "watch",
        "see", "also", "related", "share", "click", "subscribe", "advertisement", "newsroom", "logo", "by", "none", "link",
        // Months and days (capitalised in English, not names of entities).
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec",
        // Frequent words that are also names of countries, organisations, media or people.
        "chad", "turkey", "china", "guinea", "niger", "mali", "cuba", "chile", "japan", "nice", "reading", "bath",
        "mobile", "split", "trend", "report", "caliber", "times", "post", "mail", "sun", "mirror", "star", "guardian",
        "independent", "express", "telegraph", "observer", "record", "herald", "tribune", "union", "league", "party", "group",
        "ice", "apple", "amazon", "shell", "bill", "mark", "rose", "grace", "hope", "faith", "joy", "will", "may", "june", "iris",
        "jack", "bob", "pat", "sue", "frank", "grant", "long", "young", "little", "white", "black", "green", "brown", "gray",
        "grey", "king", "queen", "prince", "bishop", "pope", "church", "bush", "field", "ford", "hall", "hill", "wood", "stone",
        "lee", "cook", "baker", "carter", "turner", "miller", "smith", "price", "rich", "west", "east", "north", "south",
        "central", "national", "new", "old", "great", "united", "states", "state", "republic", "kingdom", "federation", "island",
        "islands", "mission", "army", "navy", "force", "forces", "police", "press", "agency", "ministry", "government",
        "council", "office", "court", "house", "bank", "fund", "world", "international", "global", "general", "major",
        "president", "minister", "foreign", "defence", "defense", "interior", "media", "news", "service", "center", "centre",
        "peace", "war", "day", "time", "year", "people", "man", "woman", "men", "women", "child", "children", "city", "country",
        "region", "district", "village", "road", "highway", "border", "line", "front", "base", "camp", "zone", "area", "land",
        "home", "homes", "life", "law", "order", "right", "rights", "power", "energy", "oil", "gas", "water", "air", "sea",
        "river", "lake", "mountain", "mountains", "valley", "gulf", "bay", "coast", "port", "capital", "general", "ltd",
        "inc", "co", "corp", "plc", "it", "is", "am", "pm", "ok", "tv", "who", "aid", "act", "art", "arm", "arms", "cap",
        "cape", "gap", "map", "net", "pop", "rock", "sky", "target", "total", "visa", "next", "best", "key", "top", "fair",
        "free", "open", "real", "true", "fine", "high", "low", "full", "main", "left", "right", "light", "dark", "deep",
        "civil", "royal", "public", "social", "human", "local", "federal", "democratic", "liberal", "labour", "labor",
        "conservative", "green", "reform", "justice", "freedom", "liberty", "victory", "unity", "solidarity", "progress",
        "future", "dawn", "spring", "summer", "autumn", "fall", "winter", "storm", "thunder", "lightning", "eagle", "lion",
        "tiger", "bear", "wolf", "fox", "hawk", "falcon", "phoenix", "delta", "alpha", "omega", "sigma", "nova", "atlas",
        "titan", "apollo", "mercury", "venus", "mars", "jupiter", "saturn", "pluto", "earth", "moon",
    ], StringComparer.Ordinal);

#if NET9_0_OR_GREATER
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonBySpan = Common.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    /// <summary>Whether a lower-case word is in <see cref="Common"/>.</summary>
    public static bool IsCommon(string lowerCaseWord) => Common.Contains(lowerCaseWord);

    /// <summary>Whether a lower-case word is in <see cref="Common"/> (span lookup).</summary>
    public static bool IsCommon(ReadOnlySpan<char> lowerCaseWord) =>
#if NET9_0_OR_GREATER
        CommonBySpan.Contains(lowerCaseWord);
#else
        Common.Contains(lowerCaseWord.ToString());
#endif
}

/// <summary>
/// A frozen set of lower-case words that can be probed with a span (no string per lookup on .NET 9 and later), or
/// with a token: its key hash (<see cref="Text.Token.KeyHash"/>) rejects almost every token before any character is compared.
/// </summary>
internal readonly struct WordSet
{
    private const int FilterBits = 1 << 16;
    private readonly FrozenSet<string> _words;
    private readonly ulong[] _filter;
#if NET9_0_OR_GREATER
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);

        // A one-probe filter over the low 16 bits of the key hash (8 KB): most tokens are rejected by one array read.
        _filter = new ulong[FilterBits / 64];
        foreach (var w in _words)
        {
            foreach (var hash in (ReadOnlySpan<int>)[Text.TokenKeyHash.Compute(w), Text.TokenKeyHash.Compute(w + ".")])
            {
                _filter[(hash & (FilterBits - 1)) >> 6] |= 1UL << hash;
            }
        }
#if NET9_0_OR_GREATER
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>
    /// Whether a key with hash <paramref name="keyHash"/> may be in the set, or be a word of it followed by a period:
    /// <see langword="false"/> means it is neither.
    /// </summary>
    public bool MayContain(int keyHash) => (_filter[(keyHash & (FilterBits - 1)) >> 6] & (1UL << keyHash)) != 0;

    public bool Contains(ReadOnlySpan<char> word) =>
#if NET9_0_OR_GREATER
        _lookup.Contains(word);
#else
        _words.Contains(word.ToString());
#endif

    /// <summary>Whether a token's key (a trailing period ignored) is in the set; <paramref name="keyHash"/> is the hash of <paramref name="key"/>.</summary>
    public bool Contains(ReadOnlySpan<char> key, int keyHash) => MayContain(keyHash) && Contains(key.TrimEnd('.'));
}
