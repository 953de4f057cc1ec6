using System.Globalization;
using System.Runtime.InteropServices;
using TextLens.Analyzers.Matching;
using TextLens.Reports;
using TextLens.Statistics;
using TextLens.Text;

namespace TextLens.Entities;

/// <summary>
/// The entity analyzer (<c>textlens.entities/1</c>, layer <c>entity</c>): gazetteer names found with the shared
/// <see cref="PhraseMatcher"/>, then names the gazetteers do not list found by an <see cref="IEntityRecognizer"/>.
/// Category = entity type, label = entity id (listed) or the normalised name (unlisted); facets <c>name</c>,
/// <c>listed</c>, <c>parent</c>, <c>metonymFor</c>, <c>position</c> (headline, lead, body) and <c>ambiguous</c>; with a
/// recognizer other than the built-in rules (a statistical model), a gazetteer match that the recognizer also found
/// gets <c>confirmedBy=model</c>.
/// Immutable and thread-safe.
/// </summary>
internal sealed class EntityAnalyzer : IAnalyzer, IReportContributor
{
    public const string AnalyzerId = "textlens.entities";
    public const string LayerName = "entity";

    private const int Headline = 0;
    private const int Lead = 1;
    private const int Body = 2;
    private static readonly string[] PositionNames = ["headline", "lead", "body"];

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly EntityIndex _index;
    private readonly PhraseMatcher? _matcher;
    private readonly IEntityRecognizer? _recognizer;
    private readonly double _minimumConfidence;
    private readonly bool _resolveSurnames;
    private readonly bool _compoundParts;
    private readonly int _topCount;

    /// <summary>
    /// Whether recognised names are looked up in the gazetteers: with the gazetteers matching first and the built-in
    /// rules (which never reach into a matched span) a lookup cannot succeed, so it runs only for recognizer-only mode
    /// or a custom recognizer.
    /// </summary>
    private readonly bool _linkRecognized;

    /// <summary>Whether recognised names that overlap a gazetteer match confirm it (<c>confirmedBy=model</c>): any recognizer but the built-in rules.</summary>
    private readonly bool _confirmListed;

    /// <summary>Whether the recognizer is the built-in one, whose spans never reach into a known span nor overlap themselves.</summary>
    private readonly bool _trustedRecognizer;

    /// <summary>Facets per entity × position × ambiguity × confirmation, built once so a match allocates only its annotation.</summary>
    private readonly AnnotationFacet[][] _facets;

    /// <summary>Single-word place names by folded key, for the towns named inside a compound (<c>Ahmedbeyli-Fuzuli-Shusha highway</c>).</summary>
    private readonly Dictionary<string, int> _placeWords = new(StringComparer.Ordinal);

    /// <summary>Surname key of each PERSON entity with a name of two or more words, else <see langword="null"/>.</summary>
    private readonly string?[] _surnames;

    private readonly AnnotationFacet[][] _unlistedFacets;

    /// <param name="index">The gazetteers.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="parser">The pipeline's parser: names are tokenized by it, as the documents are.</param>
    public EntityAnalyzer(EntityIndex index, EntityOptions options, DocumentParser parser)
    {
        _index = index;
        _minimumConfidence = options.MinimumConfidence;
        _resolveSurnames = options.ResolveSurnames;
        _compoundParts = options.MatchCompoundParts;
        _topCount = options.TopCount;
        var useRecognizer = options.DetectUnlisted && options.Mode != EntityMode.GazetteerOnly;
        _recognizer = useRecognizer ? options.Recognizer ?? RuleBasedEntityRecognizer.Instance : null;
        _linkRecognized = options.Mode == EntityMode.RecognizerOnly || options.Recognizer is not null;
        _confirmListed = _recognizer is not null and not RuleBasedEntityRecognizer;
        _trustedRecognizer = _recognizer is RuleBasedEntityRecognizer;

        if (options.Mode != EntityMode.RecognizerOnly)
        {
            var builder = new PhraseMatcherBuilder();
            var names = index.Names;
            for (var i = 0; i < names.Count; i++)
            {
                var n = names[i];
                var o = MatchOptions.HyphenVariants;
                if (n.FoldDiacritics)
                {
                    o |= MatchOptions.FoldDiacritics;
                }

                if (_compoundParts)
                {
                    o |= MatchOptions.MatchCompoundParts;
                }

                if (n.CaseSensitive)
                {
                    o |= MatchOptions.CaseSensitive;
                }

                builder.Add(new MatchPattern(n.Text, i, o));

                // A case-sensitive name also matches in capitals (headlines, wire copy): "TURKEY", not "turkey".
                var upper = n.Text.ToUpperInvariant();
                if (n.CaseSensitive && !string.Equals(upper, n.Text, StringComparison.Ordinal))
                {
                    builder.Add(new MatchPattern(upper, i, o));
                }

                var entity = index.EntityAt(n.Entity);
                if (n.Title is null && !n.CaseSensitive && !n.Text.Contains(' ', StringComparison.Ordinal) && !n.Text.Contains('-', StringComparison.Ordinal)
                    && entity.Type is EntityTypes.GeopoliticalEntity or EntityTypes.Location or EntityTypes.Facility)
                {
                    _placeWords.TryAdd(GazetteerAlias.Key(n.Text, n.FoldDiacritics), i);
                }
            }

            _matcher = builder.Build(parser);
        }

        var entities = index.Entities;
        _facets = new AnnotationFacet[entities.Count * 12][];
        _surnames = new string?[entities.Count];
        for (var e = 0; e < entities.Count; e++)
        {
            var entity = entities[e];
            for (var p = 0; p < 3; p++)
            {
                for (var a = 0; a < 2; a++)
                {
                    var facets = new List<AnnotationFacet> { new("name", entity.Name), new("listed", "true") };
                    if (entity.Parent is { } parent)
                    {
                        facets.Add(new("parent", parent));
                    }

                    if (entity.MetonymFor is { } metonym)
                    {
                        facets.Add(new("metonymFor", metonym));
                    }

                    facets.Add(new("position", PositionNames[p]));
                    if (a == 1)
                    {
                        facets.Add(new("ambiguous", "true"));
                    }

                    _facets[((e * 3 + p) * 2 + a) * 2] = facets.ToArray();
                    _facets[(((e * 3 + p) * 2 + a) * 2) + 1] = [.. facets, new("confirmedBy", "model")];
                }
            }

            var words = entity.Name.Split(' ');
            if (entity.Type == EntityTypes.Person && words.Length >= 2)
            {
                _surnames[e] = CharFolding.FoldCase(words[^1]);
            }
        }

        _unlistedFacets = PositionNames.Select(p => new AnnotationFacet[] { new("listed", "false"), new("position", p) }).ToArray();

        Descriptor = new AnalyzerDescriptor(AnalyzerId, 1, LayerName)
        {
            Options = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mode"] = options.Mode.ToString(),
                ["detectUnlisted"] = Invariant(options.DetectUnlisted),
                ["recognizer"] = _recognizer?.Name ?? "none",
                ["matchCompoundParts"] = Invariant(options.MatchCompoundParts),
                ["resolveSurnames"] = Invariant(options.ResolveSurnames),
                ["minimumConfidence"] = options.MinimumConfidence.ToString("R", CultureInfo.InvariantCulture),
                ["topCount"] = options.TopCount.ToString(CultureInfo.InvariantCulture),
            },
            Lexicons = [.. index.Lexicons, .. _recognizer?.Lexicons ?? []],
        };
    }

    public AnalyzerDescriptor Descriptor { get; }

    internal EntityIndex Index => _index;

    public void Analyze(AnalysisContext context)
    {
        var doc = context.Document;
        var s = t_scratch ??= new Scratch();
        s.Clear();
        var cancellation = context.CancellationToken;
        if (_matcher is not null)
        {
            FindListed(doc, s);
            cancellation.ThrowIfCancellationRequested();
        }

        if (_recognizer is RuleBasedEntityRecognizer rules)
        {
            // The built-in rules read only where known names are, not their type (which costs a look-up per name).
            s.KnownSpans.Clear();
            foreach (ref readonly var f in CollectionsMarshal.AsSpan(s.Found))
            {
                s.KnownSpans.Add((f.CoverStart, f.End));
            }

            rules.Recognize(doc, CollectionsMarshal.AsSpan(s.KnownSpans), s.Recognized);
            AddRecognized(doc, s);
        }
        else if (_recognizer is not null)
        {
            s.Known.Clear();
            foreach (var f in s.Found)
            {
                s.Known.Add(new RecognizedEntity(f.CoverStart, f.End - f.CoverStart, _index.EntityAt(f.Entity).Type, 1));
            }

            _recognizer.Recognize(doc, s.Known, s.Recognized);
            AddRecognized(doc, s);
        }

        cancellation.ThrowIfCancellationRequested();
        SortedRuns.Sort<Found, FoundOrder>(s.Found, ref s.FoundBuffer);

        // Found after matching, when the document's tokens are in the cache.
        var (headline, lead) = ProminentParagraphs(doc);
        var sentences = doc.Sentences;
        var sentence = 0;
        foreach (var f in s.Found)
        {
            while (sentence + 1 < sentences.Length && sentences[sentence + 1].Start <= f.Start)
            {
                sentence++;
            }

            var paragraph = sentences[sentence].Paragraph;
            var position = paragraph == headline ? Headline : paragraph == lead ? Lead : Body;
            if (f.Entity >= 0)
            {
                var entity = _index.EntityAt(f.Entity);
                context.Add(new Annotation(LayerName, f.Start, f.Length, entity.Type, entity.Id)
                {
                    Facets = _facets[(((f.Entity * 3 + position) * 2 + (f.Ambiguous ? 1 : 0)) * 2) + (f.Confirmed ? 1 : 0)],
                });
            }
            else
            {
                context.Add(new Annotation(LayerName, f.Start, f.Length, f.Type!, f.Label!) { Facets = _unlistedFacets[position] });
            }
        }
    }

    public IEnumerable<ReportTable> Contribute(CorpusStatistics statistics) => EntityTables.Build(statistics, _index, _topCount);

    /// <summary>Gazetteer matches, towns inside compounds of longer matches, then surnames of persons already named.</summary>
    private void FindListed(ParsedDocument doc, Scratch s)
    {
        var names = _index.Names;
        var tokens = doc.Tokens;
        foreach (var m in _matcher!.Matches(doc))
        {
            var n = names[m.Payload];
            var start = m.Start;
            if (n.Title is not null)
            {
                start = AfterTitle(doc, m.Start, m.End, n.Title);
            }

            s.Found.Add(new Found(start, m.End - start, n.Entity, n.Ambiguous, null, null) { CoverStart = m.Start });
            if (_compoundParts && _placeWords.Count > 0 && doc.Text.AsSpan(m.Start, m.Length).Contains('-'))
            {
                NestedPlaces(doc, s, m.Start, m.End);
            }
        }

        if (!_resolveSurnames)
        {
            return;
        }

        // Surnames of persons named in full, looked up by key hash in one pass over the tokens.
        var firstFound = s.Found.Count;
        for (var i = 0; i < firstFound; i++)
        {
            var f = s.Found[i];
            if (_surnames[f.Entity] is { } surname && !HasSurname(s.Surnames, f.Entity))
            {
                s.Surnames.Add((TokenKeyHash.Compute(surname), surname, f.Entity, f.End));
            }
        }

        if (s.Surnames.Count == 0)
        {
            return;
        }

        // One bit per surname key hash (its low six bits): most capitalised words are ruled out by one test.
        var surnameBits = 0UL;
        foreach (var x in s.Surnames)
        {
            surnameBits |= 1UL << x.Hash;
        }

        foreach (ref readonly var token in tokens)
        {
            if (token.Kind != TokenKind.Word || !token.Has(TokenFlags.Capitalized) || (surnameBits & (1UL << token.KeyHash)) == 0)
            {
                continue;
            }

            foreach (var (hash, surname, entity, after) in s.Surnames)
            {
                if (token.KeyHash == hash && token.Start >= after && doc.KeyOf(token).SequenceEqual(surname) && !Covered(s, token.Start, token.End, firstFound))
                {
                    s.Found.Add(new Found(token.Start, token.Length, entity, false, null, null));
                    break;
                }
            }
        }
    }

    /// <summary>Whether the surname of entity <paramref name="entity"/> is already looked for.</summary>
    private static bool HasSurname(List<(int Hash, string Surname, int Entity, int After)> surnames, int entity)
    {
        foreach (var x in CollectionsMarshal.AsSpan(surnames))
        {
            if (x.Entity == entity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of the name after a title (<c>Volkov</c> in <c>General Volkov</c>): the first word token past the title's letters.</summary>
    private static int AfterTitle(ParsedDocument doc, int start, int end, string title)
    {
        var letters = 0;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        var tokens = doc.Tokens;
        var seen = 0;
        for (var t = doc.TokenIndexAt(start); t < tokens.Length && tokens[t].Start < end; t++)
        {
            if (seen >= letters && tokens[t].IsWordLike)
            {
                return tokens[t].Start;
            }

            foreach (var c in doc.TextOf(tokens[t]))
            {
                if (char.IsLetterOrDigit(c))
                {
                    seen++;
                }
            }
        }

        return start;
    }

    /// <summary>
    /// Places named inside the hyphenated compounds of a longer match: a road named after towns mentions the towns
    /// (<c>Ahmedbeyli-Fuzuli-Shusha highway</c>). Only GPE, LOC and FAC names, so adjectives of an organisation's name
    /// (<c>Turkish-Russian Monitoring Center</c>) stay part of it.
    /// </summary>
    private void NestedPlaces(ParsedDocument doc, Scratch s, int start, int end)
    {
        var tokens = doc.Tokens;
        var first = doc.TokenIndexAt(start);
        if (first >= tokens.Length || tokens[first].End >= end)
        {
            // The match lies within one token: a compound that is itself a name (Nagorno-Karabakh), or a part of one.
            return;
        }

        for (var t = first; t < tokens.Length && tokens[t].Start < end; t++)
        {
            ref readonly var token = ref tokens[t];
            if (!token.Has(TokenFlags.Hyphenated) || token.PartCount < 2)
            {
                continue;
            }

            foreach (ref readonly var part in doc.PartsOf(token))
            {
                if (_placeWords.TryGetValue(GazetteerAlias.Key(doc.TextOf(part), foldDiacritics: true), out var name)
                    || _placeWords.TryGetValue(GazetteerAlias.Key(doc.TextOf(part), foldDiacritics: false), out name))
                {
                    var n = _index.Names[name];
                    s.Found.Add(new Found(part.Start, part.Length, n.Entity, n.Ambiguous, null, null));
                }
            }
        }
    }

    /// <summary>Marks the gazetteer matches among the first <paramref name="count"/> found that overlap a span as confirmed.</summary>
    private static void Confirm(Scratch s, int start, int end, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var f = s.Found[i];
            if (f.Entity >= 0 && f.CoverStart < end && start < f.End && !f.Confirmed)
            {
                s.Found[i] = f with { Confirmed = true };
            }
        }
    }

    private static bool Covered(Scratch s, int start, int end, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var f = s.Found[i];
            if (f.CoverStart < end && start < f.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Keeps recognised spans that lie in the text and overlap nothing found before; links those a gazetteer lists.
    /// A recognised span that overlaps gazetteer matches confirms them instead (unless the recognizer is the built-in rules).
    /// </summary>
    private void AddRecognized(ParsedDocument doc, Scratch s)
    {
        var text = doc.Text;
        var listed = s.Found.Count;
        SortedRuns.Sort<RecognizedEntity, RecognizedOrder>(s.Recognized, ref s.RecognizedBuffer);

        foreach (var r in s.Recognized)
        {
            if (r.Start < 0 || r.Length <= 0 || r.End > text.Length || r.Confidence < _minimumConfidence)
            {
                continue;
            }

            // The built-in rules never reach into a known span nor overlap themselves; any other recognizer is checked.
            if (!_trustedRecognizer && Covered(s, r.Start, r.End, s.Found.Count))
            {
                if (_confirmListed)
                {
                    Confirm(s, r.Start, r.End, listed);
                }

                continue;
            }

            if (_linkRecognized && _index.TryResolve(r.Name ?? text.Substring(r.Start, r.Length), out var entity))
            {
                s.Found.Add(new Found(r.Start, r.Length, _index.IndexOf(entity), false, null, null));
                continue;
            }

            var type = string.IsNullOrWhiteSpace(r.Type) ? EntityTypes.Unknown : r.Type;
            s.Found.Add(new Found(r.Start, r.Length, -1, false, type, r.Name ?? EntityLabels.Normalize(text.AsSpan(r.Start, r.Length))));
        }
    }

    /// <summary>
    /// The headline and lead paragraphs. With a metadata title, the headline is the paragraph that repeats it (if
    /// any). Without, it is the first paragraph that is not a dateline or a label (at least three words and more
    /// words than number tokens) when it is one sentence of at most 30 words. The lead is the first paragraph of at least
    /// ten words after the headline (or from the start when there is none). -1 when there is none.
    /// </summary>
    internal static (int Headline, int Lead) ProminentParagraphs(ParsedDocument doc)
    {
        var paragraphs = doc.Paragraphs;
        var tokens = doc.Tokens;
        var headline = -1;
        var title = doc.Document.Metadata.Title;
        var from = 0;
        if (!string.IsNullOrWhiteSpace(title))
        {
            var key = GazetteerAlias.Key(title, foldDiacritics: false);
            for (var p = 0; p < paragraphs.Length; p++)
            {
                // White space is collapsed before comparing, so only a paragraph of about the title's length can repeat it.
                var length = paragraphs[p].Length;
                if (paragraphs[p].TokenCount == 0 || length < key.Length / 2 || length > key.Length * 2 + 16)
                {
                    continue;
                }

                if (string.Equals(GazetteerAlias.Key(doc.Text.AsSpan(paragraphs[p].Start, paragraphs[p].Length), false), key, StringComparison.Ordinal))
                {
                    headline = p;
                    from = p + 1;
                    break;
                }
            }
        }
        else
        {
            for (var p = 0; p < paragraphs.Length; p++)
            {
                var (words, numbers) = Count(tokens, paragraphs[p]);
                if (words < 3 || numbers >= words)
                {
                    continue;
                }

                if (words <= 30 && SentencesIn(doc, p) == 1)
                {
                    headline = p;
                    from = p + 1;
                }
                else
                {
                    from = p;
                }

                break;
            }
        }

        for (var p = from; p < paragraphs.Length; p++)
        {
            if (p != headline && HasWords(tokens, paragraphs[p], 10))
            {
                return (headline, p);
            }
        }

        return (headline, -1);

        static (int Words, int Numbers) Count(ReadOnlySpan<Token> tokens, in Paragraph p)
        {
            int words = 0, numbers = 0;
            foreach (ref readonly var t in tokens.Slice(p.FirstToken, p.TokenCount))
            {
                words += t.Kind == TokenKind.Word ? 1 : 0;
                numbers += t.Kind == TokenKind.Number ? 1 : 0;
            }

            return (words, numbers);
        }

        static bool HasWords(ReadOnlySpan<Token> tokens, in Paragraph p, int count)
        {
            foreach (ref readonly var t in tokens.Slice(p.FirstToken, p.TokenCount))
            {
                if (t.Kind == TokenKind.Word && --count == 0)
                {
                    return true;
                }
            }

            return false;
        }

        static int SentencesIn(ParsedDocument doc, int paragraph)
        {
            var n = 0;
            foreach (ref readonly var s in doc.Sentences)
            {
                if (s.Paragraph == paragraph && s.TokenCount > 0)
                {
                    n++;
                }
            }

            return n;
        }
    }

    private static string Invariant(bool value) => value ? "true" : "false";

    /// <summary>A name found in a document: a listed entity (<see cref="Entity"/> ≥ 0) or an unlisted name with its type and label.</summary>
    private readonly record struct Found(int Start, int Length, int Entity, bool Ambiguous, string? Type, string? Label)
    {
        private readonly int _coverStart = -1;

        public int End => Start + Length;

        /// <summary>Whether the recognizer found the gazetteer match too (facet <c>confirmedBy=model</c>).</summary>
        public bool Confirmed { get; init; }

        /// <summary>Where the matched text starts, a title included (<c>General</c> of <c>General Volkov</c>): nothing else may claim it.</summary>
        public int CoverStart
        {
            get => _coverStart < 0 ? Start : _coverStart;
            init => _coverStart = value;
        }
    }

    /// <summary>Text order of names found: by start, the longer first.</summary>
    private readonly struct FoundOrder : IComparer<Found>
    {
        public int Compare(Found a, Found b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length);
    }

    /// <summary>Text order of recognised names: by start.</summary>
    private readonly struct RecognizedOrder : IComparer<RecognizedEntity>
    {
        public int Compare(RecognizedEntity a, RecognizedEntity b) => a.Start.CompareTo(b.Start);
    }

    /// <summary>Per-thread working lists, reused from one document to the next.</summary>
    private sealed class Scratch
    {
        public List<Found> Found { get; } = [];

        /// <summary>Key hash, key, entity and end of the first full mention of each person whose surname may follow.</summary>
        public List<(int Hash, string Surname, int Entity, int After)> Surnames { get; } = [];

        public List<RecognizedEntity> Known { get; } = [];

        /// <summary>Where the names found so far are, for the built-in recognizer.</summary>
        public List<(int Start, int End)> KnownSpans { get; } = [];

        public List<RecognizedEntity> Recognized { get; } = [];

        /// <summary>Working storage of <see cref="SortedRuns.Sort{T, TOrder}"/> for <see cref="Found"/>.</summary>
        public Found[] FoundBuffer = [];

        /// <summary>Working storage of <see cref="SortedRuns.Sort{T, TOrder}"/> for <see cref="Recognized"/>.</summary>
        public RecognizedEntity[] RecognizedBuffer = [];

        public void Clear()
        {
            Found.Clear();
            Known.Clear();
            KnownSpans.Clear();
            Recognized.Clear();
            Surnames.Clear();
        }
    }
}
