using System.Runtime.InteropServices;
using TextLens.Concordance;
using TextLens.Reports;
using TextLens.Statistics;
using TextLens.Text;

namespace TextLens.Vocabulary;

/// <summary>
/// Finds candidate competing labels for a concept from seed terms: words that fill the same contexts as the seeds
/// (the same neighbours on the left and right) and that the groups use differently from the seeds. Feed it every document once with
/// <see cref="Add"/>, then ask for <see cref="Candidates"/>. Not thread-safe (one pass, one thread).
/// </summary>
/// <remarks>
/// <para>
/// Contexts. Every occurrence of a word — and every match of the seed patterns, as one pseudo-word — counts its
/// neighbours: the two tokens before it and the two after it, each as a feature of its position (<c>L1:in</c>,
/// <c>R1:'s</c>, <c>R2:said</c>); punctuation is a neighbour like any token, numbers count as <c>&lt;number&gt;</c>, and a
/// sentence boundary as <c>&lt;s&gt;</c>. Words and features are the tokens' case-folded keys, as the framing matcher compares them.
/// </para>
/// <para>
/// Similarity. The counts are weighted by positive pointwise mutual information,
/// PPMI(w, f) = max(0, ln(c(w, f) · C / (c(w) · c(f)))), with C the total of all counts, so that frequent neighbours such as
/// <c>the</c> weigh little; the similarity of a word to the seeds is the cosine of their PPMI vectors (0 to 1).
/// </para>
/// <para>
/// Preference. For each group, the weighted log-odds z of the word in the group against the other groups, over the groups'
/// word totals (Monroe, Colaresi and Quinn 2008; <see cref="Keyness"/>). A candidate is a word other than a seed, counted at
/// least <see cref="SeedDiscoveryOptions.MinCount"/> times, that some group prefers (its highest z at least
/// <see cref="SeedDiscoveryOptions.MinPreferenceZ"/>).
/// </para>
/// <para>
/// Competition. A competing label is used where the seeds are not: its divergence is the Jensen-Shannon divergence (in bits,
/// 0 to 1) between its rate profile over the groups (its rate in each group, count over the group's words, scaled to sum to
/// 1) and the seeds'. Candidates are ranked by similarity × divergence, so a word of the same contexts that every group
/// uses like the seeds (a neighbouring city for a city) ranks below one that some groups use instead of the seeds (a
/// spelling or a name of their own). With one group there is no divergence and no candidate.
/// </para>
/// <para>
/// Memory: one entry (about 40 bytes) per distinct (word, neighbour feature) pair and one per (word, group), plus each
/// distinct word once; on the Ukraine war corpus (6,744 articles, 16 MB) about 1.5 million pairs.
/// </para>
/// </remarks>
public sealed class SeedDiscovery
{
    private const int Window = 2;
    private const string SeedTerm = "\u0001seed";

    private readonly TextSearch _seeds;
    private readonly SeedDiscoveryOptions _options;
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly List<string> _termText = [];
    private readonly List<long> _termCounts = [];
    private readonly Dictionary<CountKey, int> _contexts = [];
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<CountKey, long> _groupCounts = [];
    private readonly List<long> _groupTotals = [];
    private readonly HashSet<int> _seedWords = [];
    private readonly List<TextMatch> _matches = [];
    private readonly int _seed;
    private readonly int _number;
    private readonly int _boundary;

    /// <summary>Creates a discovery from seed patterns (words, globs or phrases, as <see cref="TextSearch"/> takes them).</summary>
    /// <param name="seeds">The seed patterns (<c>kyiv</c>; <c>donbas*</c>).</param>
    /// <param name="options">Thresholds; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No seed, or a seed that is not a valid pattern.</exception>
    public SeedDiscovery(IReadOnlyList<string> seeds, SeedDiscoveryOptions? options = null)
    {
        _options = options ?? new SeedDiscoveryOptions();
        _seeds = TextSearch.Create(seeds, new TextSearchOptions { FoldDiacritics = _options.FoldDiacritics });
        _seed = Term(SeedTerm);
        _number = Term("<number>");
        _boundary = Term("<s>");
    }

    /// <summary>The seed patterns.</summary>
    public IReadOnlyList<string> Seeds => _seeds.Patterns;

    /// <summary>Documents added.</summary>
    public long Documents { get; private set; }

    /// <summary>Matches of the seed patterns counted.</summary>
    public long SeedOccurrences => _termCounts[_seed];

    /// <summary>Counts the words, seed matches and their contexts of one parsed document.</summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="group">The group it counts under (its outlet).</param>
    public void Add(ParsedDocument document, string group)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(group);
        Documents++;
        if (!_groups.TryGetValue(group, out var g))
        {
            g = _groups.Count;
            _groups.Add(group, g);
            _groupTotals.Add(0);
        }

        var tokens = document.Tokens;
        var ids = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            ids[i] = t.Kind == TokenKind.Number ? _number : Term(Key(document, t));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            Count(ids[i], g);
            CountContexts(ids[i], ids, document, i, i);
        }

        _matches.Clear();
        _seeds.FindAll(document, _matches);
        foreach (var m in _matches)
        {
            var first = document.TokenIndexAt(m.Start);
            var last = document.TokenIndexAt(m.End - 1);
            _termCounts[_seed]++;
            ref var seedCount = ref CollectionsMarshal.GetValueRefOrAddDefault(_groupCounts, new CountKey(_seed, g), out _);
            seedCount++;
            CountContexts(_seed, ids, document, first, last);
            if (first == last)
            {
                _seedWords.Add(ids[first]);
            }
        }
    }

    /// <summary>
    /// The candidates, most similar first: words other than the seeds, counted at least <see cref="SeedDiscoveryOptions.MinCount"/>
    /// times, that some group prefers (highest z at least <see cref="SeedDiscoveryOptions.MinPreferenceZ"/>).
    /// </summary>
    /// <param name="top">At most this many.</param>
    public IReadOnlyList<DiscoveredTerm> Candidates(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var rows = new Dictionary<int, Dictionary<int, int>>();
        var featureTotals = new Dictionary<int, long>();
        long total = 0;
        foreach (var ((term, feature), count) in _contexts)
        {
            if (!rows.TryGetValue(term, out var row))
            {
                rows[term] = row = [];
            }

            row[feature] = count;
            featureTotals[feature] = featureTotals.GetValueOrDefault(feature) + count;
            total += count;
        }

        var seedVector = rows.TryGetValue(_seed, out var seedRow) ? Ppmi(seedRow, featureTotals, total) : [];
        var seedNorm = Norm(seedVector);
        var groupNames = _groups.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var corpusWords = _groupTotals.Sum();
        var seedProfile = RateProfile(_seed);
        var found = new List<DiscoveredTerm>();
        if (seedNorm == 0)
        {
            return found;
        }

        foreach (var (term, row) in rows)
        {
            if (term == _seed || _seedWords.Contains(term) || _termCounts[term] < _options.MinCount || _termText[term].StartsWith('<'))
            {
                continue;
            }

            var vector = Ppmi(row, featureTotals, total);
            var norm = Norm(vector);
            if (norm == 0)
            {
                continue;
            }

            var dot = 0.0;
            foreach (var (f, v) in vector)
            {
                if (seedVector.TryGetValue(f, out var s))
                {
                    dot += v * s;
                }
            }

            var similarity = dot / (norm * seedNorm);
            var byGroup = new Dictionary<string, long>(StringComparer.Ordinal);
            var bestGroup = "";
            var bestZ = double.NegativeInfinity;
            var termTotal = 0L;
            for (var g = 0; g < groupNames.Length; g++)
            {
                var y = _groupCounts.GetValueOrDefault(new CountKey(term, g));
                byGroup[groupNames[g]] = y;
                termTotal += y;
            }

            for (var g = 0; g < groupNames.Length && groupNames.Length >= 2; g++)
            {
                var y = byGroup[groupNames[g]];
                var n = _groupTotals[g];
                var prior = _options.PriorStrength * termTotal / corpusWords;
                var z = Keyness.WeightedLogOdds(y, n, termTotal - y, corpusWords - n, prior, _options.PriorStrength).Z;
                if (z > bestZ)
                {
                    (bestZ, bestGroup) = (z, groupNames[g]);
                }
            }

            if (bestZ >= _options.MinPreferenceZ)
            {
                var divergence = JensenShannon(RateProfile(term), seedProfile);
                found.Add(new DiscoveredTerm(_termText[term], termTotal, similarity, divergence, similarity * divergence, bestGroup, bestZ, byGroup));
            }
        }

        return found.OrderByDescending(c => c.Score).ThenBy(c => c.Term, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>A term's rate in each group (its count over the group's words), scaled to sum to 1: where it is used, whatever the groups' sizes.</summary>
    private double[] RateProfile(int term)
    {
        var profile = new double[_groupTotals.Count];
        var sum = 0.0;
        for (var g = 0; g < profile.Length; g++)
        {
            profile[g] = _groupTotals[g] == 0 ? 0 : (double)_groupCounts.GetValueOrDefault(new CountKey(term, g)) / _groupTotals[g];
            sum += profile[g];
        }

        for (var g = 0; g < profile.Length && sum > 0; g++)
        {
            profile[g] /= sum;
        }

        return profile;
    }

    /// <summary>The Jensen-Shannon divergence of two distributions, in bits (0 the same, 1 disjoint).</summary>
    internal static double JensenShannon(double[] p, double[] q)
    {
        var divergence = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            if (p[i] > 0)
            {
                divergence += p[i] * Math.Log2(p[i] / m) / 2;
            }

            if (q[i] > 0)
            {
                divergence += q[i] * Math.Log2(q[i] / m) / 2;
            }
        }

        return Math.Clamp(divergence, 0, 1);
    }

    private void Count(int term, int group)
    {
        _termCounts[term]++;
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_groupCounts, new CountKey(term, group), out _);
        count++;
        _groupTotals[group]++;
    }

    /// <summary>Counts the neighbours of the span of tokens [first, last] as features of <paramref name="term"/>.</summary>
    private void CountContexts(int term, int[] ids, ParsedDocument document, int first, int last)
    {
        var tokens = document.Tokens;
        var sentence = document.SentenceIndexOfToken(first);
        for (var k = 1; k <= Window; k++)
        {
            var left = first - k;
            Feature(term, k - 1, left >= 0 && document.SentenceIndexOfToken(left) == sentence ? ids[left] : _boundary);
            var right = last + k;
            Feature(term, Window + k - 1, right < tokens.Length && document.SentenceIndexOfToken(right) == document.SentenceIndexOfToken(last) ? ids[right] : _boundary);
        }
    }

    private void Feature(int term, int position, int neighbour)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_contexts, new CountKey(term, neighbour * (2 * Window) + position), out _);
        count++;
    }

    /// <summary>The word's folded key as a string (from the thread's label cache, so a word seen before allocates nothing).</summary>
    private string Key(ParsedDocument document, in Token token)
    {
        if (_options.FoldDiacritics && token.Has(TokenFlags.NonAscii))
        {
            var folded = document.FoldedKeyOf(token);
            return VocabularyLabels.ForThisThread().Word(folded, TokenKeyHash.Compute(folded));
        }

        return VocabularyLabels.ForThisThread().Word(document.KeyOf(token), token.KeyHash);
    }

    private int Term(string text)
    {
        if (!_terms.TryGetValue(text, out var id))
        {
            id = _termText.Count;
            _terms.Add(text, id);
            _termText.Add(text);
            _termCounts.Add(0);
        }

        return id;
    }

    private static Dictionary<int, double> Ppmi(Dictionary<int, int> row, Dictionary<int, long> featureTotals, long total)
    {
        var rowTotal = 0L;
        foreach (var c in row.Values)
        {
            rowTotal += c;
        }

        var vector = new Dictionary<int, double>(row.Count);
        foreach (var (f, c) in row)
        {
            var pmi = Math.Log((double)c * total / ((double)rowTotal * featureTotals[f]));
            if (pmi > 0)
            {
                vector[f] = pmi;
            }
        }

        return vector;
    }

    private static double Norm(Dictionary<int, double> vector)
    {
        var sum = 0.0;
        foreach (var v in vector.Values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }
}

/// <summary>A (word, feature) or (word, group) key, hashed by mixing both halves (a long key's hash would fold them onto each other).</summary>
internal readonly record struct CountKey(int First, int Second)
{
    public override int GetHashCode() => (int)((((uint)First * 0x9E3779B9u) ^ (uint)Second) * 0x85EBCA6Bu);
}

/// <summary>Thresholds of a <see cref="SeedDiscovery"/>.</summary>
public sealed record SeedDiscoveryOptions
{
    /// <summary>Candidates are counted at least this many times in the corpus. Default 5.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Some group must prefer a candidate at least this much (weighted log-odds z against the other groups). Default 1.96 (p &lt; 0.05).</summary>
    public double MinPreferenceZ { get; init; } = 1.96;

    /// <summary>The strength α0 of the log-odds prior, in pseudo-counts. Default <see cref="Keyness.DefaultPriorStrength"/>.</summary>
    public double PriorStrength { get; init; } = Keyness.DefaultPriorStrength;

    /// <summary>Fold diacritics in words and seeds (<c>Şuşa</c> = <c>Susa</c>). Default off.</summary>
    public bool FoldDiacritics { get; init; }
}

/// <summary>A candidate label found by a <see cref="SeedDiscovery"/>.</summary>
/// <param name="Term">The word (its case-folded key).</param>
/// <param name="Count">How often it occurs in the corpus.</param>
/// <param name="Similarity">The cosine of its context vector with the seeds' (PPMI-weighted), 0 to 1.</param>
/// <param name="Divergence">How differently the groups use it from the seeds: the Jensen-Shannon divergence (bits, 0 to 1) of the two rate profiles over the groups.</param>
/// <param name="Score">Similarity × divergence: the rank.</param>
/// <param name="PreferredBy">The group that uses it most, relative to the others.</param>
/// <param name="PreferenceZ">That group's weighted log-odds z against the other groups.</param>
/// <param name="CountsByGroup">Its count in each group.</param>
public sealed record DiscoveredTerm(string Term, long Count, double Similarity, double Divergence, double Score, string PreferredBy, double PreferenceZ, IReadOnlyDictionary<string, long> CountsByGroup);
