using System.Runtime.InteropServices;
using System.Text;
using TextLens.Text;

namespace TextLens.Entities;

/// <summary>
/// The default <see cref="IEntityRecognizer"/>: capitalised word sequences the gazetteers do not cover, typed
/// by cue words. Rule-based and deterministic; every rule is listed in <c>Entities/README.md</c>.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>A <em>name word</em> is a word token that starts with a capital letter (or is in capitals), has no digit,
/// is not a month or weekday, and is not covered by a gazetteer match. A hyphenated word counts only when its last
/// part is capitalised (<c>Turkish-Russian</c>, not <c>Baku-based</c>) or it starts with a particle (<c>al-Assad</c>).</item>
/// <item>A candidate is a run of name words in one sentence, joined by connectors (<c>of</c>, <c>of the</c>,
/// <c>for</c>, <c>de</c>, <c>van</c>, <c>von</c>, <c>bin</c>, <c>al</c>, <c>&amp;</c>, initials such as <c>W.</c>); a trailing
/// connector is dropped.</item>
/// <item>Sentence-initial capitals: at the start of a sentence (or after a colon, a dash or an opening quotation
/// mark) a function word (<c>The</c>, <c>According</c>, <c>However</c>) is dropped from a candidate; a single
/// remaining word there is a name only if the document also writes it capitalised in mid-sentence, never in lower
/// case, and it is not a common English word.</item>
/// <item>Headline case: in a line written in Title Case or in capitals (no sentence-final punctuation and every
/// content word capitalised, or 70% of words in capitals), capitals say nothing; a candidate there is kept only
/// when the same name is found in running text elsewhere in the document.</item>
/// <item>Type: leading titles (<c>President</c>, <c>Major General</c>, <c>Mr.</c>) are left out of the span and make it
/// PERSON; a last word such as <c>Ministry</c>, <c>Agency</c>, <c>Centre</c>, <c>Party</c>, <c>Bank</c>, <c>News</c> makes it ORG;
/// <c>region</c>, <c>district</c>, <c>village</c>, <c>river</c>, <c>mountains</c> (inside, or the next word, or "village of"
/// before) make it LOC; <c>road</c>, <c>airport</c>, <c>bridge</c> make it FAC; <c>war</c>, <c>summit</c> make it EVENT; a
/// known given name first, a title or role word before (<c>commander</c>, <c>spokesman</c>), or <c>said</c> after a
/// two-word name make it PERSON; a demonym-like word (<c>-ian</c>, <c>-ese</c>, <c>-ish</c>) before a lower-case word makes
/// it NORP; two capitalised words without a cue are PERSON unless one is a common word, an acronym or ends like a
/// common noun; a head word alone is no name; anything else is UNKNOWN.</item>
/// <item>A single word that is the last word of a PERSON name found in the same document is that person
/// (<c>Simmons</c> after <c>Phil Simmons</c>); its <see cref="RecognizedEntity.Name"/> is the full name.</item>
/// </list>
/// </remarks>
internal sealed class RuleBasedEntityRecognizer : IEntityRecognizer
{
    /// <summary>The most tokens of a running-text name that a headline-case line is searched for (see <see cref="ConfirmInHeadline"/>).</summary>
    internal const int MaxHeadlineNameTokens = 32;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Hash steps the headline search took on this thread so far (a deterministic work counter for tests).</summary>
    internal static long HeadlineWorkSteps => t_scratch?.WorkSteps ?? 0;

    /// <summary>A name word is capitalised (the tokenizer flags every word whose first letter is upper case) or a compound.</summary>
    private const TokenFlags NameWordFlags = TokenFlags.Capitalized | TokenFlags.Hyphenated;

    /// <summary>The shared instance (stateless).</summary>
    public static RuleBasedEntityRecognizer Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "rules/1";

    /// <inheritdoc />
    public void Recognize(ParsedDocument document, IReadOnlyList<RecognizedEntity> known, ICollection<RecognizedEntity> found)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(found);
        var s = t_scratch ??= new Scratch();
        s.Reset(document);
        var at = 0;
        if (known is List<RecognizedEntity> list)
        {
            foreach (ref readonly var k in CollectionsMarshal.AsSpan(list))
            {
                s.MarkCovered(k.Start, k.End, ref at);
            }
        }
        else
        {
            foreach (var k in known)
            {
                s.MarkCovered(k.Start, k.End, ref at);
            }
        }

        Recognize(s, found);
    }

    /// <summary>
    /// <see cref="Recognize(ParsedDocument, IReadOnlyList{RecognizedEntity}, ICollection{RecognizedEntity})"/> for the entity
    /// analyzer, with the known spans as start and end only (in text order).
    /// </summary>
    internal void Recognize(ParsedDocument document, ReadOnlySpan<(int Start, int End)> known, ICollection<RecognizedEntity> found)
    {
        var s = t_scratch ??= new Scratch();
        s.Reset(document);
        var at = 0;
        foreach (var (start, end) in known)
        {
            s.MarkCovered(start, end, ref at);
        }

        Recognize(s, found);
    }

    private static void Recognize(Scratch s, ICollection<RecognizedEntity> found)
    {
        var document = s.Document;
        var tokens = document.Tokens;
        var sentences = document.Sentences;

        // Pass 1: running text; pass 2: headline-case lines, kept only when running text confirms the name.
        for (var pass = 0; pass < (s.AnyHeadline ? 2 : 1); pass++)
        {
            foreach (ref readonly var sentence in sentences)
            {
                var headline = s.HeadlineCase(sentence.Paragraph);
                if (headline != (pass == 1))
                {
                    continue;
                }

                var end = sentence.FirstToken + sentence.TokenCount;
                var i = sentence.FirstToken;
                while (i < end)
                {
                    // Most tokens are ruled out by their flags (see Scratch.IsNameWord) without a call.
                    if ((tokens[i].Flags & NameWordFlags) == 0 || !s.IsNameWord(i))
                    {
                        i++;
                        continue;
                    }

                    var last = Extend(s, i, end);
                    Consider(s, i, last + 1, sentence.FirstToken, headline);
                    i = last + 1;
                }
            }
        }

        LinkSurnames(s);
        foreach (var c in s.Candidates)
        {
            var first = tokens[c.First];
            var lastToken = tokens[c.Last - 1];
            found.Add(new RecognizedEntity(first.Start, lastToken.End - first.Start, c.Type, c.Confidence) { Name = c.Name });
        }
    }

    /// <summary>Extends a run of name words from <paramref name="i"/> across connectors; returns the index of the last name word.</summary>
    private static int Extend(Scratch s, int i, int end)
    {
        var last = i;
        var j = i + 1;
        while (j < end)
        {
            if (s.IsNameWord(j) && Adjacent(s, j))
            {
                last = j;
                j++;
                continue;
            }

            // Up to two connectors (or initials) followed by a name word.
            var k = j;
            var connectors = 0;
            while (k < end && connectors < 2 && s.IsConnector(k))
            {
                k++;
                connectors++;
            }

            if (connectors > 0 && k < end && s.IsNameWord(k))
            {
                last = k;
                j = k + 1;
                continue;
            }

            break;
        }

        return last;
    }

    /// <summary>Whether token <paramref name="j"/> continues the run of the token before it (no punctuation between).</summary>
    private static bool Adjacent(Scratch s, int j) => s.Document.Tokens[j - 1].IsWordLike;

    private static void Consider(Scratch s, int first, int end, int sentenceFirst, bool headline)
    {
        if (headline)
        {
            ConfirmInHeadline(s, first, end);
            return;
        }

        var initial = s.IsInitial(first, sentenceFirst);

        // Leading function words at the start of a sentence ("The Foreign Ministry", "According").
        while (initial && first < end && s.IsFunctionWord(first))
        {
            first++;
            while (first < end && !s.IsNameWord(first))
            {
                first++;
            }
        }

        // A common noun starting a sentence before "of" ("Residents of Zarnaghil", "Soldiers of the Ministry of ...")
        // is not part of the name; the name after it no longer starts the sentence.
        if (initial && first < end - 1 && s.IsConnector(first + 1) && !IsHead(s, first))
        {
            first++;
            while (first < end && !s.IsNameWord(first))
            {
                first++;
            }

            initial = false;
        }

        if (first >= end)
        {
            return;
        }

        var type = EntityTypes.Unknown;
        var confidence = 0.5;
        var last = end - 1;
        var orgHead = s.In(OrgHeads, last);

        // Leading titles: "Major General Andrei Volkov" → PERSON "Andrei Volkov".
        if (!orgHead)
        {
            var titleEnd = TitlePrefixEnd(s, first, end);
            if (titleEnd > first)
            {
                first = titleEnd;
                while (first < end && !s.IsNameWord(first))
                {
                    first++;
                }

                if (first >= end)
                {
                    return;
                }

                type = EntityTypes.Person;
                confidence = 0.8;
                initial = false;
            }
        }

        var count = CountNameWords(s, first, end);
        if (count == 1 && initial && type == EntityTypes.Unknown)
        {
            // A lone capitalised word at the start of a sentence: a name only with evidence from elsewhere.
            if (s.IsCommon(first) || s.SeenLowerCase(first) || !s.SeenCapitalizedMidSentence(first))
            {
                return;
            }
        }

        if (type == EntityTypes.Unknown)
        {
            // A head word alone ("Party", "Cup", "Bridge") is a capitalised common noun, not a name.
            if (count == 1 && end - first == 1 && (s.In(OrgHeads, first) || s.In(FacilityHeads, first) || s.In(EventHeads, first) || s.In(LocationHeads, first)))
            {
                return;
            }

            (type, confidence) = Guess(s, first, end, count);
        }

        if (count == 1 && type == EntityTypes.Unknown)
        {
            confidence = 0.4;
        }

        if (s.AnyHeadline && end - first <= MaxHeadlineNameTokens)
        {
            s.Confirm(first, end, type, confidence);
        }
        s.Candidates.Add(new Candidate(first, end, type, confidence, null));
    }

    /// <summary>
    /// In a headline-case line every word is capitalised, so a run says nothing; the longest stretches of it that
    /// running text of the same document found as names are kept, with the type found there.
    /// </summary>
    /// <remarks>
    /// Linear in the line: from each word only stretches of at most <see cref="MaxHeadlineNameTokens"/> tokens are
    /// tried, by a running hash of their token keys against the hashes of the confirmed names, and a key string is built
    /// only when the hash and length agree. (Building the key of every pair of words made a 4,000-word title-case line
    /// take 85 s.) A name of running text longer than that is not looked for in headlines.
    /// </remarks>
    private static void ConfirmInHeadline(Scratch s, int first, int end)
    {
        Span<ulong> hashes = stackalloc ulong[MaxHeadlineNameTokens + 1];
        var tokens = s.Document.Tokens;
        var i = first;
        while (i < end)
        {
            var matched = false;
            if (s.IsNameWord(i))
            {
                var longest = Math.Min(end - i, s.LongestConfirmed);
                var hash = 0UL;
                for (var n = 1; n <= longest; n++)
                {
                    s.WorkSteps++;
                    hash = Scratch.NextShape(hash, tokens[i + n - 1].KeyHash);
                    hashes[n] = hash;
                }

                for (var n = longest; n > 0; n--)
                {
                    var j = i + n;
                    if (s.IsNameWord(j - 1) && s.ConfirmedShapes.Contains((n, hashes[n]))
                        && s.Confirmed.TryGetValue(s.CandidateKey(i, j), out var confirmed))
                    {
                        s.Candidates.Add(new Candidate(i, j, confirmed.Type, confirmed.Confidence, s.Label(confirmed.First, confirmed.End)));
                        i = j;
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched)
            {
                i++;
            }
        }
    }

    private static bool IsHead(Scratch s, int i) =>
        s.In(OrgHeads, i) || s.In(LocationHeads, i) || s.In(FacilityHeads, i) || s.In(EventHeads, i) || s.In(Titles, i)
        || s.Key(i) is "mount" or "lake" or "cape" or "port" or "saint" or "st" or "st.";

    private static int CountNameWords(Scratch s, int first, int end)
    {
        var n = 0;
        for (var i = first; i < end; i++)
        {
            if (s.IsNameWord(i))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The index after a leading title run (<c>Prime Minister</c>, <c>Rear Admiral</c>, <c>Mr.</c>) that leaves a name after it, else <paramref name="first"/>.</summary>
    private static int TitlePrefixEnd(Scratch s, int first, int end)
    {
        var best = first;
        for (var i = first; i < end - 1; i++)
        {
            if (s.In(Titles, i))
            {
                best = i + 1;
            }
            else if (!s.In(TitleModifiers, i))
            {
                break;
            }
        }

        return best;
    }

    private static (string Type, double Confidence) Guess(Scratch s, int first, int end, int count)
    {
        var doc = s.Document;
        var tokens = doc.Tokens;
        var last = end - 1;
        var lastKey = s.Key(last);
        var firstKey = s.Key(first);
        if (s.In(OrgHeads, last) || (count >= 2 && HeadBeforeConnector(s, first, end)))
        {
            return (EntityTypes.Organization, 0.75);
        }

        if (s.In(FacilityHeads, last))
        {
            return (EntityTypes.Facility, 0.7);
        }

        if (s.In(LocationHeads, last) || (count >= 2 && firstKey is "mount" or "lake" or "cape" or "port"))
        {
            return (EntityTypes.Location, 0.7);
        }

        if (s.In(EventHeads, last))
        {
            return (EntityTypes.Event, 0.65);
        }

        // Context: "the village of Cherektar", "Kalbajar region", "commander Volkov", "Mr Smith".
        var before = PreviousWord(s, first);
        var before2 = before >= 0 ? PreviousWord(s, before) : -1;
        if (before >= 0 && s.Key(before) is "of" && before2 >= 0 && s.In(PlaceNouns, before2))
        {
            return (EntityTypes.Location, 0.7);
        }

        var after = end < tokens.Length && tokens[end].IsWordLike ? end : -1;
        if (after >= 0 && !s.IsCapitalized(after) && (s.In(LocationHeads, after) || s.In(PlaceNouns, after)))
        {
            return (EntityTypes.Location, 0.65);
        }

        if (before >= 0 && !s.IsCapitalized(before) && s.In(RoleWords, before))
        {
            return (EntityTypes.Person, 0.75);
        }

        if (count >= 2 && s.In(GivenNames, first))
        {
            return (EntityTypes.Person, 0.7);
        }

        if (count >= 2 && count <= 3 && after >= 0 && s.In(SpeechVerbs, after))
        {
            return (EntityTypes.Person, 0.6);
        }

        if (count == 1 && after >= 0 && !s.IsCapitalized(after) && IsDemonymLike(lastKey))
        {
            return (EntityTypes.Nationality, 0.5);
        }

        // Two capitalised words with no cue are most often a first name and a surname (about two thirds of such
        // names in CoNLL-2003 train), unless a word is a common word, an acronym or has a common-noun ending.
        if (count == 2 && end - first == 2 && LooksLikeNameWord(s, first) && LooksLikeNameWord(s, first + 1))
        {
            return (EntityTypes.Person, 0.55);
        }

        return (EntityTypes.Unknown, 0.5);
    }

    /// <summary>Whether an organisation head word comes before an <c>of</c> or <c>for</c> (<c>Internal Troops of the Ministry of ...</c>, <c>Bank of ...</c>).</summary>
    private static bool HeadBeforeConnector(Scratch s, int first, int end)
    {
        var head = false;
        for (var i = first; i < end; i++)
        {
            if (s.Key(i) is "of" or "for")
            {
                return head;
            }

            head |= s.In(OrgHeads, i);
        }

        return false;
    }

    private static bool LooksLikeNameWord(Scratch s, int i)
    {
        var key = s.Key(i);
        return !s.Document.Tokens[i].Has(TokenFlags.AllCaps) && !s.Document.Tokens[i].Has(TokenFlags.Hyphenated) && !s.IsCommon(i)
            && !(key.EndsWith("tion") || key.EndsWith("tions") || key.EndsWith("ment") || key.EndsWith("ments") || key.EndsWith("ness")
                 || key.EndsWith("ity") || key.EndsWith("ism") || key.EndsWith("ing") || key.EndsWith("ings") || key.EndsWith("ance") || key.EndsWith("ence")
                 || key.EndsWith("ary") || key.EndsWith("ory") || key.EndsWith("ics"));
    }

    private static bool IsDemonymLike(ReadOnlySpan<char> key) =>
        key.Length > 4 && (key.EndsWith("ian", StringComparison.Ordinal) || key.EndsWith("ians", StringComparison.Ordinal)
            || key.EndsWith("ean", StringComparison.Ordinal) || key.EndsWith("ese", StringComparison.Ordinal) || key.EndsWith("ish", StringComparison.Ordinal));

    private static int PreviousWord(Scratch s, int i)
    {
        var tokens = s.Document.Tokens;
        var j = i - 1;
        return j >= 0 && tokens[j].IsWordLike ? j : -1;
    }

    /// <summary>A one-word candidate that is the last word of a two-or-more-word PERSON found in the same document becomes that person.</summary>
    private static void LinkSurnames(Scratch s)
    {
        var candidates = s.Candidates;
        s.ClearPeople();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type == EntityTypes.Person && c.Last - c.First >= 2)
            {
                s.TryAddPerson(s.Key(c.Last - 1), i);
            }
        }

        if (s.People.Count == 0)
        {
            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Last - c.First == 1 && s.TryGetPerson(s.Key(c.First), out var person))
            {
                candidates[i] = c with { Type = EntityTypes.Person, Confidence = Math.Max(c.Confidence, 0.7), Name = s.FullName(person) };
            }
        }
    }

    private readonly record struct Candidate(int First, int Last, string Type, double Confidence, string? Name);

    /// <summary>Per-thread working state, reused from one document to the next.</summary>
    private sealed class Scratch
    {
        private readonly StringBuilder _key = new();
        private int[] _hashes = new int[256];
        private bool _hashesReady;
        private bool[] _covered = new bool[256];
        private bool[] _headline = new bool[16];

        public ParsedDocument Document { get; private set; } = null!;

        public List<Candidate> Candidates { get; } = [];

        /// <summary>Persons named with two or more words, by the key of their last word: an index into <see cref="_fullNames"/>.</summary>
        public Dictionary<string, int> People { get; } = new(StringComparer.Ordinal);

#if NET9_0_OR_GREATER
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _peopleBySpan;
#endif

        /// <summary>Per person of <see cref="People"/>: the candidate that named the person first and its full name (made on first use).</summary>
        private readonly List<(int Candidate, string? Name)> _fullNames = [];

        public Scratch()
        {
#if NET9_0_OR_GREATER
            _peopleBySpan = People.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        }

        public void ClearPeople()
        {
            People.Clear();
            _fullNames.Clear();
        }

        /// <summary>Records candidate <paramref name="candidate"/> as the person with surname key <paramref name="surname"/> unless one is recorded.</summary>
        public void TryAddPerson(ReadOnlySpan<char> surname, int candidate)
        {
#if NET9_0_OR_GREATER
            if (_peopleBySpan.TryAdd(surname, _fullNames.Count))
#else
            if (People.TryAdd(surname.ToString(), _fullNames.Count))
#endif
            {
                _fullNames.Add((candidate, null));
            }
        }

        public bool TryGetPerson(ReadOnlySpan<char> surname, out int person) =>
#if NET9_0_OR_GREATER
            _peopleBySpan.TryGetValue(surname, out person);
#else
            People.TryGetValue(surname.ToString(), out person);
#endif

        /// <summary>The full name of a person of <see cref="People"/>: the candidate's name, else its label (made once).</summary>
        public string FullName(int person)
        {
            var (candidate, name) = _fullNames[person];
            if (name is null)
            {
                var c = Candidates[candidate];
                name = c.Name ?? Label(c.First, c.Last);
                _fullNames[person] = (candidate, name);
            }

            return name;
        }

        /// <summary>Names found in running text, by <see cref="CandidateKey"/>: type, confidence and where (for the label).</summary>
        public Dictionary<string, (string Type, double Confidence, int First, int End)> Confirmed { get; } = new(StringComparer.Ordinal);

        /// <summary>(tokens, running hash of the token keys) of every name in <see cref="Confirmed"/>: the cheap test before a key is built.</summary>
        public HashSet<(int Tokens, ulong Hash)> ConfirmedShapes { get; } = [];

        /// <summary>The most tokens of a name in <see cref="Confirmed"/>.</summary>
        public int LongestConfirmed { get; private set; }

        /// <summary>Hash steps taken by <see cref="ConfirmInHeadline"/> on this thread since it started (a deterministic work counter for tests).</summary>
        public long WorkSteps { get; set; }

        /// <summary>The running hash of token keys extended by one token.</summary>
        public static ulong NextShape(ulong hash, int keyHash) => (hash * 1099511628211UL) + (uint)keyHash + 1;

        /// <summary>Records a name of running text that headline-case lines may confirm.</summary>
        public void Confirm(int first, int end, string type, double confidence)
        {
            if (!Confirmed.TryAdd(CandidateKey(first, end), (type, confidence, first, end)))
            {
                return;
            }

            var hash = 0UL;
            var tokens = Document.Tokens;
            for (var i = first; i < end; i++)
            {
                hash = NextShape(hash, tokens[i].KeyHash);
            }

            ConfirmedShapes.Add((end - first, hash));
            LongestConfirmed = Math.Max(LongestConfirmed, end - first);
        }

        /// <summary>Starts on a document: working state cleared, headline-case lines found; known spans are marked next (<see cref="MarkCovered"/>).</summary>
        public void Reset(ParsedDocument document)
        {
            Document = document;
            Candidates.Clear();
            Confirmed.Clear();
            ConfirmedShapes.Clear();
            LongestConfirmed = 0;
            var tokens = document.Tokens;
            if (_covered.Length < tokens.Length)
            {
                _covered = new bool[Math.Max(tokens.Length, _covered.Length * 2)];
            }

            Array.Clear(_covered, 0, tokens.Length);

            // The key hashes are copied out on first use (by the few words that need evidence from the whole document).
            _hashesReady = false;

            var paragraphs = document.Paragraphs;
            if (_headline.Length < paragraphs.Length)
            {
                _headline = new bool[Math.Max(paragraphs.Length, _headline.Length * 2)];
            }

            AnyHeadline = false;
            for (var p = 0; p < paragraphs.Length; p++)
            {
                _headline[p] = ComputeHeadlineCase(paragraphs[p]);
                AnyHeadline |= _headline[p];
            }
        }

        /// <summary>
        /// Marks the tokens a known span touches. Known spans come in text order, so the token where one starts is
        /// found by walking on from where the previous one started (<paramref name="at"/>); a span that starts before
        /// that token is looked up (<see cref="ParsedDocument.TokenIndexAt"/>).
        /// </summary>
        public void MarkCovered(int start, int end, ref int at)
        {
            var tokens = Document.Tokens;

            // The first token that ends after start.
            if (at > 0 && tokens[at - 1].End > start)
            {
                at = Document.TokenIndexAt(start);
            }
            else
            {
                while (at < tokens.Length && tokens[at].End <= start)
                {
                    at++;
                }
            }

            for (var i = at; i < tokens.Length && tokens[i].Start < end; i++)
            {
                _covered[i] = true;
            }
        }

        /// <summary>The key hash of every token, in one array that a vectorised search reads.</summary>
        private ReadOnlySpan<int> Hashes()
        {
            var tokens = Document.Tokens;
            if (!_hashesReady)
            {
                if (_hashes.Length < tokens.Length)
                {
                    _hashes = new int[Math.Max(tokens.Length, _hashes.Length * 2)];
                }

                for (var j = 0; j < tokens.Length; j++)
                {
                    _hashes[j] = tokens[j].KeyHash;
                }

                _hashesReady = true;
            }

            return _hashes.AsSpan(0, tokens.Length);
        }

        /// <summary>Whether any line of the document is in headline case (so running-text names are worth remembering).</summary>
        public bool AnyHeadline { get; private set; }

        public bool HeadlineCase(int paragraph) => paragraph < Document.Paragraphs.Length && _headline[paragraph];

        public ReadOnlySpan<char> Key(int i) => Document.KeyOf(Document.Tokens[i]);

        /// <summary>Whether token <paramref name="i"/>'s key (a trailing period ignored) is in <paramref name="set"/>.</summary>
        public bool In(in WordSet set, int i) => set.Contains(Document.KeyOf(Document.Tokens[i]), Document.Tokens[i].KeyHash);

        /// <summary>Whether token <paramref name="i"/>'s key is a common English word (<see cref="EnglishWords.IsCommon(ReadOnlySpan{char})"/>), most ruled out by key hash.</summary>
        public bool IsCommon(int i)
        {
            ref readonly var t = ref Document.Tokens[i];
            return CommonWords.MayContain(t.KeyHash) && EnglishWords.IsCommon(Document.KeyOf(t));
        }

        public bool IsCapitalized(int i)
        {
            ref readonly var t = ref Document.Tokens[i];
            return t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps);
        }

        // Asked for a few words a document (lone capitalised words starting a sentence): a vectorised search of the key
        // hashes for the word's costs less than recording every capitalised or lower-case word.

        /// <summary>Whether the document writes token <paramref name="i"/>'s word (by key hash) in lower case somewhere.</summary>
        public bool SeenLowerCase(int i)
        {
            var tokens = Document.Tokens;
            var text = Document.Text;
            var hashes = Hashes();
            var hash = tokens[i].KeyHash;
            for (var j = hashes.IndexOf(hash); j >= 0; j = NextIndexOf(hashes, hash, j))
            {
                ref readonly var t = ref tokens[j];
                if (t.Kind == TokenKind.Word && char.IsLower(text[t.Start]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the document capitalises token <paramref name="i"/>'s word in mid-sentence somewhere: not at a sentence
        /// start, not after function words only, not inside a gazetteer match.
        /// </summary>
        public bool SeenCapitalizedMidSentence(int i)
        {
            var tokens = Document.Tokens;
            var sentences = Document.Sentences;
            var hashes = Hashes();
            var hash = tokens[i].KeyHash;
            var key = Key(i);
            for (var j = hashes.IndexOf(hash); j >= 0; j = NextIndexOf(hashes, hash, j))
            {
                ref readonly var t = ref tokens[j];
                if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || _covered[j] || !Document.KeyOf(t).SequenceEqual(key))
                {
                    continue;
                }

                var sentenceFirst = sentences[Document.SentenceIndexAt(t.Start)].FirstToken;
                if (!IsInitial(j, sentenceFirst) && !AfterFunctionWordsOnly(j, sentenceFirst))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The next index after <paramref name="j"/> that holds <paramref name="hash"/>, or -1.</summary>
        private static int NextIndexOf(ReadOnlySpan<int> hashes, int hash, int j)
        {
            var k = hashes[(j + 1)..].IndexOf(hash);
            return k < 0 ? -1 : j + 1 + k;
        }

        public bool IsNameWord(int i)
        {
            ref readonly var t = ref Document.Tokens[i];

            // A word whose first letter is upper case is flagged Capitalized by the tokenizer, so any other token can be a
            // name word only as a compound (al-Assad): most tokens are ruled out by their flags alone.
            if ((t.Flags & NameWordFlags) == 0 || t.Kind != TokenKind.Word || _covered[i] || t.Has(TokenFlags.HasDigit))
            {
                return false;
            }

            var text = Document.TextOf(t);
            if (t.Has(TokenFlags.Hyphenated) && t.PartCount >= 2)
            {
                var parts = Document.PartsOf(t);
                var lastPart = Document.TextOf(parts[^1]);
                var firstPart = Document.KeyOf(parts[0]);
                if (char.IsLower(text[0]))
                {
                    return Particles.Contains(firstPart) && char.IsUpper(Document.TextOf(parts[1])[0]);
                }

                if (!char.IsUpper(lastPart[0]))
                {
                    return false;
                }
            }
            else if (!char.IsUpper(text[0]))
            {
                return false;
            }

            return !MonthsAndDays.Contains(Document.KeyOf(t), t.KeyHash);
        }

        public bool IsConnector(int i)
        {
            ref readonly var t = ref Document.Tokens[i];
            if (_covered[i])
            {
                return false;
            }

            var text = Document.TextOf(t);
            if (t.Kind == TokenKind.Word && text.Length == 2 && char.IsUpper(text[0]) && text[1] == '.')
            {
                return true;
            }

            return (t.Kind == TokenKind.Word || text is "&") && Connectors.Contains(Document.KeyOf(t), t.KeyHash) && !char.IsUpper(text[0]);
        }

        public bool IsFunctionWord(int i) => In(FunctionWords, i);

        /// <summary>Whether token <paramref name="i"/> starts its sentence, or follows a colon, a dash, a bullet or an opening quotation mark.</summary>
        public bool IsInitial(int i, int sentenceFirst)
        {
            var tokens = Document.Tokens;
            for (var j = i - 1; j >= sentenceFirst; j--)
            {
                ref readonly var p = ref tokens[j];
                if (p.IsWordLike)
                {
                    return false;
                }

                if (p.Kind == TokenKind.QuoteMark && p.Has(TokenFlags.OpensQuote))
                {
                    return true;
                }

                var text = Document.TextOf(p);
                if (text is ":" or "\u2013" or "\u2014" or "-" or "\u2022" or "|")
                {
                    return true;
                }
            }

            return true;
        }

        /// <summary>Whether only function words precede token <paramref name="i"/> in its sentence (<c>Meanwhile Sappers</c>).</summary>
        private bool AfterFunctionWordsOnly(int i, int sentenceFirst)
        {
            var tokens = Document.Tokens;
            for (var j = i - 1; j >= sentenceFirst; j--)
            {
                if (tokens[j].IsWordLike && !IsFunctionWord(j))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Case-folded words of a candidate joined by spaces: the key that confirms a headline name.</summary>
        public string CandidateKey(int first, int end)
        {
            _key.Clear();
            for (var i = first; i < end; i++)
            {
                if (_key.Length > 0)
                {
                    _key.Append(' ');
                }

                _key.Append(Document.KeyOf(Document.Tokens[i]));
            }

            return _key.ToString();
        }

        public string Label(int first, int end)
        {
            var tokens = Document.Tokens;
            return EntityLabels.Normalize(Document.Text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start));
        }

        /// <summary>
        /// Headline case: a line without sentence-final punctuation whose content words are all capitalised (at least
        /// two), or a line whose words are at least 70% in capitals (at least two).
        /// </summary>
        private bool ComputeHeadlineCase(in Paragraph p)
        {
            var tokens = Document.Tokens;

            // A line ending like a sentence can only be headline case in capitals: two of its first five words in lower
            // case rule that out without reading the rest.
            var lastToken = p.FirstToken + p.TokenCount - 1;
            if (p.TokenCount > 8 && Document.TextOf(tokens[lastToken]) is "." or "!" or "?")
            {
                int seen = 0, notCaps = 0;
                for (var i = p.FirstToken; i < lastToken && seen < 5; i++)
                {
                    if (tokens[i].Kind == TokenKind.Word)
                    {
                        seen++;
                        notCaps += tokens[i].Has(TokenFlags.AllCaps) ? 0 : 1;
                    }
                }

                if (notCaps >= 2)
                {
                    return false;
                }
            }

            // Words in capitals, counted first: once a lower-case word rules out Title Case, the line is decided as soon as
            // the words counted so far outnumber what the capitals can make 70% of.
            var end = p.FirstToken + p.TokenCount;
            var allCaps = 0;
            foreach (ref readonly var t in tokens[p.FirstToken..end])
            {
                allCaps += t.Kind == TokenKind.Word && t.Has(TokenFlags.AllCaps) ? 1 : 0;
            }

            int words = 0, capitalized = 0, caps = 0;
            var finalPunctuation = false;
            for (var i = p.FirstToken; i < end; i++)
            {
                ref readonly var t = ref tokens[i];
                if (t.Kind == TokenKind.Punctuation)
                {
                    var text = Document.TextOf(t);
                    finalPunctuation = text is "." or "!" or "?" or "," || (finalPunctuation && text is ")");
                    continue;
                }

                if (t.Kind != TokenKind.Word)
                {
                    continue;
                }

                finalPunctuation = false;
                if (t.Has(TokenFlags.AllCaps))
                {
                    caps++;
                }

                var key = Document.KeyOf(t);
                if (key.Length <= 3 && FunctionWords.Contains(key, t.KeyHash))
                {
                    continue;
                }

                words++;
                if (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps))
                {
                    capitalized++;
                }
                else if ((words - capitalized) * 10 > p.TokenCount * 3)
                {
                    // Too many lower-case words for either rule, whatever follows.
                    return false;
                }
                else if (allCaps * 10 < words * 7)
                {
                    return false;
                }
            }

            if (words >= 2 && caps * 10 >= words * 7)
            {
                return true;
            }

            return words >= 2 && capitalized == words && !finalPunctuation;
        }
    }

    private static WordSet Set(params string[] words) => new(words);

    private static readonly WordSet Connectors = Set("of", "the", "for", "de", "da", "di", "du", "des", "del", "della", "do", "dos", "das",
        "van", "von", "der", "den", "ter", "la", "le", "bin", "ibn", "al", "el", "y", "&");

    private static readonly WordSet Particles = Set("al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "ben", "ul", "ud");

    /// <summary>Words that are capitalised only because they start a sentence.</summary>
    private static readonly WordSet FunctionWords = Set(
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "after", "before", "during", "since",
        "until", "while", "when", "where", "why", "how", "what", "which", "who", "whose", "if", "as", "but", "and", "or", "nor", "so", "yet", "also",
        "according", "however", "meanwhile", "moreover", "furthermore", "earlier", "later", "then", "now", "today", "yesterday", "tomorrow", "last",
        "next", "following", "despite", "although", "though", "because", "unlike", "like", "among", "amid", "between", "under", "over", "about",
        "against", "within", "through", "into", "onto", "upon", "all", "both", "each", "every", "some", "many", "most", "more", "no", "not", "such",
        "other", "another", "several", "few", "any", "once", "even", "only", "just", "still", "thus", "therefore", "indeed", "instead", "back",
        "recall", "note", "read", "see", "photo", "source", "update", "updated", "by", "via", "per", "please", "yes", "well", "first", "second",
        "finally", "additionally", "currently", "recently", "previously", "separately", "overall", "regarding", "given", "let", "let's", "is", "are",
        "was", "were", "be", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall");

    private static readonly WordSet MonthsAndDays = Set("january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static readonly WordSet Titles = Set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "lt", "lieutenant",
        "col", "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "cpl", "corporal", "brig", "brigadier", "marshal",
        "commander", "cmdr", "president", "minister", "premier", "chancellor", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan",
        "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "ambassador", "secretary", "secretary-general", "judge", "justice",
        "pope", "cardinal", "archbishop", "bishop", "rev", "reverend", "rabbi", "imam", "ayatollah", "patriarch", "sir", "lord", "lady", "dame",
        "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson", "envoy", "ombudsman", "speaker", "mp", "mep",
        "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "champion");

    private static readonly WordSet TitleModifiers = Set("prime", "foreign", "defence", "defense", "interior", "finance", "economy",
        "justice", "health", "education", "energy", "trade", "deputy", "vice", "rear", "first", "former", "acting", "chief", "state", "lt.",
        "lieutenant", "major", "brigadier", "general", "attorney", "special", "senior", "grand", "supreme", "us", "u.s.", "eu", "un", "russian",
        "armenian", "azerbaijani", "turkish", "iranian", "american", "british", "french", "german");

    /// <summary>Lower-case role words that, right before a name, make it a person (<c>commander General Volkov</c>, <c>journalist Ilham Karimli</c>).</summary>
    private static readonly WordSet RoleWords = Set("commander", "minister", "president", "spokesman", "spokeswoman", "spokesperson",
        "leader", "chairman", "director", "ambassador", "envoy", "officer", "journalist", "correspondent", "reporter", "analyst", "expert",
        "professor", "lawyer", "activist", "colonel", "general", "captain", "mr", "mrs", "ms", "dr", "author", "writer", "editor", "deputy",
        "head", "chief", "secretary", "governor", "mayor", "senator", "premier", "adviser", "advisor", "aide", "coach", "striker", "midfielder",
        "defender", "goalkeeper", "batsman", "bowler", "captain", "player", "driver", "rider", "champion", "son", "daughter", "wife", "husband",
        "brother", "sister", "father", "mother");

    private static readonly WordSet SpeechVerbs = Set("said", "says", "told", "added", "stated", "noted", "stressed", "claimed", "wrote", "asked");

    private static readonly WordSet OrgHeads = Set("ministry", "agency", "center", "centre", "service", "services", "council", "committee",
        "commission", "party", "bank", "university", "college", "school", "academy", "institute", "institution", "foundation", "fund",
        "association", "union", "federation", "organisation", "organization", "corporation", "corp", "inc", "ltd", "llc", "plc", "ag", "sa", "gmbh",
        "company", "co", "group", "holding", "holdings", "news", "times", "post", "press", "journal", "gazette", "tribune", "herald", "radio",
        "television", "tv", "channel", "network", "airlines", "airways", "motors", "systems", "technologies", "industries", "bureau", "office",
        "department", "authority", "board", "court", "tribunal", "parliament", "assembly", "congress", "senate", "duma", "cabinet", "government",
        "administration", "command", "army", "navy", "forces", "troops", "guard", "police", "brigade", "battalion", "regiment", "corps",
        "movement", "alliance", "league", "club", "united", "rovers", "society", "secretariat", "directorate", "inspectorate", "exchange",
        "mission", "contingent", "coalition", "front", "council", "fc", "agency", "international", "watch", "media", "daily", "weekly", "magazine");

    private static readonly WordSet LocationHeads = Set("region", "regions", "district", "districts", "province", "county", "oblast",
        "krai", "rayon", "village", "city", "town", "river", "mountains", "mountain", "mount", "lake", "sea", "ocean", "valley", "gulf", "bay",
        "peninsula", "desert", "island", "islands", "strait", "canal", "plain", "plateau", "coast", "heights", "hills", "forest", "basin", "delta",
        "steppe", "territory", "territories", "area", "zone", "pass", "ridge", "gorge", "reservoir", "settlement", "municipality", "governorate");

    private static readonly WordSet FacilityHeads = Set("road", "highway", "street", "avenue", "boulevard", "square", "bridge", "airport",
        "stadium", "base", "tunnel", "station", "port", "harbour", "harbor", "dam", "palace", "tower", "prison", "hospital", "checkpoint",
        "pipeline", "railway", "mosque", "cathedral", "monastery", "memorial", "hotel", "arena", "corridor", "plant", "refinery", "mine");

    private static readonly WordSet EventHeads = Set("war", "battle", "massacre", "genocide", "revolution", "summit", "conference",
        "olympics", "games", "cup", "championship", "championships", "open", "festival", "offensive", "uprising", "crisis", "forum");

    /// <summary>Nouns that, before "of", introduce a place (<c>the village of Cherektar</c>).</summary>
    private static readonly WordSet PlaceNouns = Set("village", "city", "town", "region", "district", "province", "settlement",
        "capital", "port", "island", "republic", "state", "county", "municipality", "suburb", "outskirts");

    /// <summary>Common given names (English and international, including names of the Caucasus, Turkey, Russia and the Arab world).</summary>
    private static readonly WordSet GivenNames = Set(
        "aaron", "adam", "adrian", "ahmad", "ahmed", "alan", "albert", "alex", "alexander", "alexandr", "alexei", "alexey", "ali", "alice", "alan",
        "allan", "amanda", "amy", "andre", "andrea", "andreas", "andrei", "andrew", "andrey", "andy", "angela", "ann", "anna", "anne", "anthony",
        "antonio", "arayik", "ararat", "armen", "arsen", "arthur", "artur", "aslan", "ayaz", "barack", "barbara", "ben", "benjamin", "bernard",
        "bill", "bob", "boris", "brian", "bruce", "carl", "carlos", "carol", "catherine", "charles", "chris", "christian", "christine",
        "christopher", "claude", "colin", "daniel", "david", "dennis", "diana", "dmitri", "dmitry", "donald", "douglas", "edward", "elena",
        "elizabeth", "elmar", "emil", "emma", "emmanuel", "eric", "erik", "farid", "fatih", "fatima", "felix", "francis", "francois", "frank",
        "fred", "gary", "george", "georgy", "gerhard", "giorgi", "giuseppe", "gordon", "graham", "greg", "gregory", "hans", "harry", "hasan",
        "hassan", "heinz", "helen", "helmut", "henry", "hikmet", "hugo", "hussein", "ian", "ibrahim", "igor", "ilham", "ilya", "ivan", "jack",
        "jacques", "james", "jan", "jane", "janet", "jason", "javier", "jean", "jeff", "jeffrey", "jennifer", "jeyhun", "jim", "joe", "johan",
        "john", "jonathan", "jorge", "jose", "joseph", "juan", "julia", "julian", "karen", "karl", "kate", "kemal", "kenneth", "kevin", "khalid",
        "klaus", "kurt", "larry", "laura", "lee", "leonid", "linda", "lisa", "louis", "luis", "mahmoud", "manuel", "marc", "marco", "margaret",
        "maria", "marie", "mario", "mark", "martin", "mary", "matthew", "maxim", "mehmet", "mehriban", "michael", "michel", "miguel", "mikhail",
        "mohamed", "mohammad", "mohammed", "muhammad", "mustafa", "nancy", "nasser", "natalia", "nicholas", "nick", "nikol", "nikolai",
        "nikolay", "nicolas", "oleg", "olga", "omar", "pablo", "patrick", "paul", "pavel", "pedro", "peter", "phil", "philip", "philippe",
        "pierre", "ralph", "ramil", "rashid", "raymond", "recep", "richard", "robert", "roger", "ronald", "ruben", "rustam", "ryan", "samuel",
        "samvel", "sandra", "sarah", "sergei", "sergey", "serzh", "simon", "stefan", "stephen", "steve", "steven", "susan", "tariq", "thomas",
        "tigran", "tim", "timothy", "timur", "anar", "elnur", "rashad", "vugar", "leyla", "aysel", "narek", "davit", "hayk", "gor", "lilit", "anna", "tom", "tony", "valery", "victor", "viktor", "vladimir", "walter", "wayne", "william", "willem", "yuri", "yusuf",
        "zakir", "zaur");

    /// <summary><see cref="EnglishWords.Common"/>, for its key-hash filter.</summary>
    private static readonly WordSet CommonWords = new(EnglishWords.Common);
}

/// <summary>How unlisted names are written as labels: the text with white space collapsed and typographic marks unified.</summary>
internal static class EntityLabels
{
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (!NeedsWork(text))
        {
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(raw switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                '\u2010' or '\u2011' => '-',
                _ => raw,
            });
        }

        return sb.ToString();
    }

    private static bool NeedsWork(ReadOnlySpan<char> text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            var space = c == ' ';
            if ((space && previousSpace) || (!space && char.IsWhiteSpace(c)) || c is '\u2019' or '\u2018' or '\u02BC' or '\u2010' or '\u2011')
            {
                return true;
            }

            previousSpace = space;
        }

        return previousSpace && text.Length > 0;
    }
}
