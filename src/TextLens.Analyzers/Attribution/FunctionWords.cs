namespace TextLens.Analyzers.Attribution;

/// <summary>The closed-class word classes the attribution rules use instead of a part-of-speech tagger.</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,

    /// <summary>Starts a noun phrase: <c>the</c>, <c>a</c>, <c>this</c>, <c>his</c>, <c>several</c>.</summary>
    Determiner = 1 << 0,

    /// <summary><c>of</c>, <c>in</c>, <c>on</c>, <c>by</c>, <c>for</c>, ...</summary>
    Preposition = 1 << 1,

    /// <summary>Introduces or joins clauses: <c>that</c>, <c>and</c>, <c>but</c>, <c>because</c>, <c>while</c>, ...</summary>
    Conjunction = 1 << 2,

    /// <summary>A subject or object pronoun: <c>he</c>, <c>she</c>, <c>it</c>, <c>they</c>, <c>we</c>, <c>i</c>, <c>who</c>.</summary>
    Pronoun = 1 << 3,

    /// <summary>An auxiliary or modal verb, or a negation (<c>has</c>, <c>would</c>, <c>did</c>, <c>not</c>).</summary>
    Auxiliary = 1 << 4,

    /// <summary>A form of <c>be</c>.</summary>
    Be = 1 << 5,

    /// <summary>An adverb that may stand between a source and its verb (<c>also</c>, <c>repeatedly</c>, <c>earlier</c>).</summary>
    Adverb = 1 << 6,

    /// <summary>A time word (<c>monday</c>, <c>november</c>, <c>today</c>, <c>week</c>).</summary>
    Time = 1 << 7,

    /// <summary>An honorific or title abbreviation (<c>mr.</c>, <c>gen.</c>).</summary>
    Honorific = 1 << 8,

    /// <summary>A relative pronoun (<c>who</c>, <c>which</c>).</summary>
    Relative = 1 << 9,

    /// <summary>A possessive determiner (<c>his</c>, <c>its</c>, <c>their</c>).</summary>
    Possessive = 1 << 10,

    /// <summary>A person pronoun (<c>he</c>, <c>she</c>, <c>him</c>, <c>her</c>).</summary>
    PersonPronoun = 1 << 11,

    /// <summary><c>it</c>, <c>its</c>.</summary>
    ThingPronoun = 1 << 12,

    /// <summary><c>they</c>, <c>them</c>, <c>their</c>.</summary>
    PluralPronoun = 1 << 13,

    /// <summary><c>we</c>, <c>i</c>, <c>us</c>, <c>me</c>, <c>our</c>: the speaker of the quotation they stand in.</summary>
    SpeakerPronoun = 1 << 14,

    /// <summary>A form of <c>have</c>.</summary>
    Have = 1 << 15,

    /// <summary>A number word (<c>two</c>, <c>dozens</c>).</summary>
    NumberWord = 1 << 16,

    /// <summary>A word that ends a sentence-initial adverbial (<c>however</c>, <c>meanwhile</c>).</summary>
    Discourse = 1 << 17,

    /// <summary>Set once a token's classes have been looked up (they are looked up lazily, only around cues).</summary>
    Computed = 1u << 31,
}

/// <summary>
/// The English function words behind <see cref="WordClass"/>: a closed list that belongs to the rules, not to the cue
/// lexicon, kept in a small open-addressing table keyed by the parser's token-key hash (one probe, no allocation).
/// Tokens are classified lazily, only where a rule looks.
/// </summary>
internal static class FunctionWords
{
    private static readonly (int[] Hashes, string[] Keys, WordClass[] Classes, int Mask) Table = Build();

    /// <summary>The classes of a token (case-folded key and its hash), <see cref="WordClass.None"/> when it is no function word.</summary>
    public static WordClass Of(ReadOnlySpan<char> key, int hash)
    {
        var (hashes, keys, classes, mask) = Table;
        var slot = hash & mask;
        while (keys[slot] is { } candidate)
        {
            if (hashes[slot] == hash && key.SequenceEqual(candidate))
            {
                return classes[slot];
            }

            slot = (slot + 1) & mask;
        }

        return WordClass.None;
    }

    private static (int[], string[], WordClass[], int) Build()
    {
        var merged = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var (word, cls) in All)
        {
            var key = Text.CharFolding.FoldCase(word);
            merged[key] = merged.GetValueOrDefault(key) | cls;
        }

        var capacity = 16;
        while (capacity < merged.Count * 4)
        {
            capacity <<= 1;
        }

        var hashes = new int[capacity];
        var keys = new string[capacity];
        var classes = new WordClass[capacity];
        foreach (var (key, cls) in merged)
        {
            var hash = Text.TokenKeyHash.Compute(key);
            var slot = hash & (capacity - 1);
            while (keys[slot] is not null)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            (hashes[slot], keys[slot], classes[slot]) = (hash, key, cls);
        }

        return (hashes, keys, classes, capacity - 1);
    }

    public static IEnumerable<(string Word, WordClass Class)> All
    {
        get
        {
            foreach (var w in Words("the a an this these those another some any each every both all many several few no such various numerous other multiple most more"))
            {
                yield return (w, WordClass.Determiner);
            }

            foreach (var w in Words("his her its their our my your"))
            {
                var cls = WordClass.Determiner | WordClass.Possessive;
                cls |= w switch
                {
                    "his" or "her" => WordClass.PersonPronoun,
                    "its" => WordClass.ThingPronoun,
                    "their" => WordClass.PluralPronoun,
                    "our" or "my" => WordClass.SpeakerPronoun,
                    _ => WordClass.None,
                };
                yield return (w, cls);
            }

            foreach (var w in Words("of in on at by for from with to about over under during after before near into against among between within without across through since via per upon amid toward towards despite including like than along alongside throughout beyond"))
            {
                yield return (w, WordClass.Preposition);
            }

            foreach (var w in Words("that and or but because while when if as although though so whether where whereas unless until nor yet once then"))
            {
                yield return (w, WordClass.Conjunction);
            }

            foreach (var w in Words("however meanwhile moreover furthermore nevertheless therefore thus instead otherwise indeed"))
            {
                yield return (w, WordClass.Discourse | WordClass.Adverb);
            }

            yield return ("he", WordClass.Pronoun | WordClass.PersonPronoun);
            yield return ("she", WordClass.Pronoun | WordClass.PersonPronoun);
            yield return ("him", WordClass.Pronoun | WordClass.PersonPronoun);
            yield return ("it", WordClass.Pronoun | WordClass.ThingPronoun);
            yield return ("they", WordClass.Pronoun | WordClass.PluralPronoun);
            yield return ("them", WordClass.Pronoun | WordClass.PluralPronoun);
            yield return ("we", WordClass.Pronoun | WordClass.SpeakerPronoun);
            yield return ("i", WordClass.Pronoun | WordClass.SpeakerPronoun);
            yield return ("us", WordClass.Pronoun | WordClass.SpeakerPronoun);
            yield return ("me", WordClass.Pronoun | WordClass.SpeakerPronoun);
            yield return ("you", WordClass.Pronoun);
            yield return ("who", WordClass.Pronoun | WordClass.Relative);
            yield return ("which", WordClass.Pronoun | WordClass.Relative);

            foreach (var w in Words("is are was were be been being am 's"))
            {
                yield return (w, WordClass.Auxiliary | WordClass.Be);
            }

            foreach (var w in Words("has have had having"))
            {
                yield return (w, WordClass.Auxiliary | WordClass.Have);
            }

            foreach (var w in Words("will would can could may might must should shall do does did not n't never cannot don't doesn't didn't won't wouldn't can't couldn't isn't wasn't aren't weren't hasn't haven't hadn't shouldn't mustn't"))
            {
                yield return (w, WordClass.Auxiliary);
            }

            foreach (var w in Words("also later earlier previously repeatedly once again further then now already initially subsequently separately publicly privately officially recently still even finally first just only often frequently quickly immediately openly specifically explicitly strongly flatly firmly bluntly simply directly clearly repeatedly similarly likewise too long since originally formally angrily proudly confidently frankly candidly"))
            {
                yield return (w, WordClass.Adverb);
            }

            foreach (var w in Words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow january february march april may june july august september october november december jan. feb. aug. sept. sep. oct. nov. dec. week weekend month year day morning afternoon evening night"))
            {
                yield return (w, WordClass.Time);
            }

            foreach (var w in Words("mr. mrs. ms. dr. gen. sen. rep. gov. lt. col. maj. capt. sgt. prof. adm. mr mrs ms dr"))
            {
                yield return (w, WordClass.Honorific);
            }

            foreach (var w in Words("one two three four five six seven eight nine ten dozens hundreds thousands"))
            {
                yield return (w, WordClass.NumberWord);
            }
        }
    }

    private static string[] Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
