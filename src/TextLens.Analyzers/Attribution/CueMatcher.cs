using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Finds the <see cref="CueTable"/> groups at every token of a document. A small seam so that the compiled token
/// matcher shared with the framing analyzer can replace <see cref="HashCueMatcher"/> without touching the rules.
/// </summary>
internal interface ICueMatcher
{
    /// <summary>
    /// For every token <c>i</c> writes the group of the single token (<paramref name="single"/>, -1 when none), the
    /// group of the longest multi-word sequence starting there (<paramref name="longest"/>, -1 when none) and that
    /// sequence's length in tokens (<paramref name="longestLength"/>).
    /// </summary>
    void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength);
}

/// <summary>
/// The default <see cref="ICueMatcher"/>: an open-addressing table keyed by the parser's token-key hash, with the
/// multi-word sequences starting with each word ordered longest first. One probe per token, no allocation.
/// </summary>
internal sealed class HashCueMatcher : ICueMatcher
{
    private readonly int[] _hashes;
    private readonly int[] _slots;
    private readonly Bucket[] _buckets;
    private readonly int _mask;

    public HashCueMatcher(CueTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var byFirst = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        foreach (var (key, group) in table.Keys)
        {
            var words = key.Split(' ');
            if (!byFirst.TryGetValue(words[0], out var bucket))
            {
                byFirst[words[0]] = bucket = new Bucket(words[0]);
            }

            if (words.Length == 1)
            {
                bucket.Single = group;
            }
            else
            {
                bucket.Sequences.Add((words[1..], group));
            }
        }

        _buckets = [.. byFirst.Values];
        var capacity = 16;
        while (capacity < _buckets.Length * 3)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _hashes = new int[capacity];
        _slots = new int[capacity];
        for (var b = 0; b < _buckets.Length; b++)
        {
            var bucket = _buckets[b];
            bucket.Sequences.Sort(static (x, y) => y.Words.Length.CompareTo(x.Words.Length));
            bucket.Ordered = [.. bucket.Sequences];
            var hash = TokenKeyHash.Compute(bucket.Key);
            var slot = hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _hashes[slot] = hash;
            _slots[slot] = b + 1;
        }
    }

    public void Match(ParsedDocument document, Span<int> single, Span<int> longest, Span<byte> longestLength)
    {
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            single[i] = -1;
            longest[i] = -1;
            longestLength[i] = 0;
            ref readonly var token = ref tokens[i];
            if (token.Kind is not (TokenKind.Word or TokenKind.Clitic))
            {
                continue;
            }

            var bucket = Find(document, token);
            if (bucket is null)
            {
                continue;
            }

            single[i] = bucket.Single;
            foreach (var (rest, group) in bucket.Ordered)
            {
                if (Follows(document, tokens, i, rest))
                {
                    longest[i] = group;
                    longestLength[i] = (byte)(rest.Length + 1);
                    break;
                }
            }

            if (longest[i] < 0 && bucket.Single >= 0)
            {
                longest[i] = bucket.Single;
                longestLength[i] = 1;
            }
        }
    }

    private Bucket? Find(ParsedDocument document, in Token token)
    {
        var hash = token.KeyHash;
        var slot = hash & _mask;
        while (true)
        {
            var b = _slots[slot];
            if (b == 0)
            {
                return null;
            }

            if (_hashes[slot] == hash)
            {
                var bucket = _buckets[b - 1];
                if (document.KeyOf(token).SequenceEqual(bucket.Key))
                {
                    return bucket;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static bool Follows(ParsedDocument document, ReadOnlySpan<Token> tokens, int i, string[] rest)
    {
        if (i + rest.Length >= tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < rest.Length; k++)
        {
            ref readonly var t = ref tokens[i + 1 + k];
            if (t.Kind is not (TokenKind.Word or TokenKind.Clitic or TokenKind.Number) || !document.KeyOf(t).SequenceEqual(rest[k]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Bucket(string key)
    {
        public string Key { get; } = key;

        public int Single { get; set; } = -1;

        public List<(string[] Words, int Group)> Sequences { get; } = [];

        public (string[] Words, int Group)[] Ordered { get; set; } = [];
    }
}
