using TextLens.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// Trains the greedy tagger's weights with the averaged perceptron (Collins 2002; the greedy, predicted-history
/// variant of Honnibal's tagger): each token is tagged with the current weights given the tags predicted before it,
/// and on a mistake the features move one unit towards the gold tag and away from the predicted one. The returned
/// weights are the average over every step, computed with the usual trick of a second accumulator.
/// Deterministic: the sequence order of each epoch is a Fisher-Yates shuffle driven by SplitMix64 from a fixed seed.
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly int _bits;
    private readonly int _shift;
    private readonly float[] _weights;
    private readonly double[] _accumulated;
    private readonly List<(int Start, int Length)> _sequences = [];
    private readonly List<int> _documentStarts = [];
    private readonly NerDocumentMemory _memory = new();
    private int[] _buckets = new int[1 << 16];
    private uint[] _atoms = new uint[1 << 12];
    private byte[] _gold = new byte[1 << 10];
    private uint[] _padded = new uint[64];
    private int _tokens;
    private long _step = 1;

    private readonly NerLexicon _lexicon;
    private readonly NerWordClasses _classes;

    /// <summary>
    /// Creates a trainer with a table of <c>2^bucketBits</c> rows, the gazetteer words of the gazetteer features and
    /// the word classes of the cluster features (none when omitted).
    /// </summary>
    public PerceptronTrainer(int bucketBits, NerLexicon lexicon, NerWordClasses? wordClasses = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        _classes = wordClasses ?? NerWordClasses.Empty;
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, NerModel.MinBucketBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, NerModel.MaxBucketBits);
        _bits = bucketBits;
        _shift = 64 - bucketBits;
        _weights = new float[(1 << bucketBits) * NerTagSet.Count];
        _accumulated = new double[_weights.Length];
    }

    /// <summary>Number of sequences added.</summary>
    public int SequenceCount => _sequences.Count;

    /// <summary>Number of tokens added.</summary>
    public int TokenCount => _tokens;

    /// <summary>Adds one training sequence: its features are extracted once, now.</summary>
    /// <param name="text">The text the tokens point into.</param>
    /// <param name="tokens">The tokens of the sequence (a sentence).</param>
    /// <param name="gold">One gold tag per token.</param>
    /// <param name="continuesDocument">Whether the sequence follows the previous one in the same document (the
    /// prediction history then carries over); otherwise it starts a document.</param>
    public void Add(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> gold, bool continuesDocument = false)
    {
        if (gold.Length != tokens.Length)
        {
            throw new ArgumentException("One gold tag per token is required.", nameof(gold));
        }

        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        Grow(ref _buckets, (_tokens + n) * NerFeatures.StaticCount);
        Grow(ref _atoms, (_tokens + n) * NerFeatures.AtomCount);
        Grow(ref _gold, _tokens + n);
        Grow(ref _padded, NerFeatures.PaddedSize(n));
        NerFeatures.Extract(text, tokens, _shift, _lexicon, _classes,
            _buckets.AsSpan(_tokens * NerFeatures.StaticCount, n * NerFeatures.StaticCount),
            _atoms.AsSpan(_tokens * NerFeatures.AtomCount, n * NerFeatures.AtomCount), _padded);
        foreach (var g in gold)
        {
            if (g >= NerTagSet.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(gold), g, "Not a tag.");
            }
        }

        gold.CopyTo(_gold.AsSpan(_tokens));
        if (!continuesDocument || _documentStarts.Count == 0)
        {
            _documentStarts.Add(_sequences.Count);
        }

        _sequences.Add((_tokens, n));
        _tokens += n;
    }

    /// <summary>
    /// Probability (0..1) that a token's word-identity features are left out of one training step ("word dropout"),
    /// which makes the model lean on shape, affix, context and gazetteer features as it must for names it never saw.
    /// </summary>
    public double WordDropout { get; set; }

    /// <summary>
    /// Whether the history features see what the same word was predicted earlier in the document (on by default).
    /// A model trained without must say so in its metadata (<see cref="NerModel.DocumentHistoryKey"/> = <c>false</c>).
    /// </summary>
    public bool UseDocumentHistory { get; set; } = true;

    /// <summary>
    /// Runs one epoch over the documents in an order shuffled from <paramref name="seed"/> (the sequences of a document
    /// in their order, so the prediction history is what tagging sees); returns the number of mistakes.
    /// </summary>
    public int Epoch(ulong seed)
    {
        var dropState = seed ^ 0xD1B54A32D192ED03UL;
        var dropBelow = (ulong)(Math.Clamp(WordDropout, 0, 1) * ulong.MaxValue);
        var kept = new int[NerFeatures.StaticCount];
        var order = new int[_documentStarts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var state = seed;
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        var mistakes = 0;
        Span<int> dynamic = stackalloc int[NerFeatures.DynamicCount];
        Span<float> scores = stackalloc float[NerTagSet.Count];
        foreach (var d in order)
        {
            _memory.Clear();
            var last = d + 1 < _documentStarts.Count ? _documentStarts[d + 1] : _sequences.Count;
            for (var s = _documentStarts[d]; s < last; s++)
            {
                mistakes += Sequence(s, dropBelow, ref dropState, kept, dynamic, scores);
            }
        }

        return mistakes;
    }

    /// <summary>One greedy pass over a sequence with updates on mistakes; returns the number of mistakes.</summary>
    private int Sequence(int s, ulong dropBelow, ref ulong dropState, int[] kept, Span<int> dynamic, Span<float> scores)
    {
        var mistakes = 0;
        var (start, length) = _sequences[s];
        var atoms = _atoms.AsSpan(start * NerFeatures.AtomCount, length * NerFeatures.AtomCount);
        int previous = NerTagSet.Start, previous2 = NerTagSet.Start;
        for (var i = 0; i < length; i++)
        {
            ReadOnlySpan<int> statics = _buckets.AsSpan((start + i) * NerFeatures.StaticCount, NerFeatures.StaticCount);
            var low = atoms[i * NerFeatures.AtomCount];
            var capitalised = atoms[(i * NerFeatures.AtomCount) + 2] != 0;
            var history = UseDocumentHistory ? _memory.Recall(low, capitalised) : NerDocumentMemory.NotCapitalised;
            NerFeatures.Dynamic(atoms, i, previous, previous2, history, _shift, dynamic);
            var dynamicKept = dynamic;
            if (dropBelow > 0 && SplitMix64(ref dropState) < dropBelow)
            {
                statics = NerFeatures.WithoutWordIdentity(statics, kept);
                dynamicKept = dynamic[..NerFeatures.DynamicWithoutWordIdentity];
            }

            scores.Clear();
            Score(statics, scores);
            Score(dynamicKept, scores);
            var best = 0;
            for (var t = 1; t < NerTagSet.Count; t++)
            {
                if (scores[t] > scores[best])
                {
                    best = t;
                }
            }

            var gold = _gold[start + i];
            if (best != gold)
            {
                mistakes++;
                Update(statics, gold, best);
                Update(dynamicKept, gold, best);
            }

            _memory.Record(low, capitalised, (byte)best);
            _step++;
            previous2 = previous;
            previous = best;
        }

        return mistakes;
    }

    /// <summary>The averaged weights (a new array).</summary>
    public float[] AveragedWeights()
    {
        var avg = new float[_weights.Length];
        for (var i = 0; i < avg.Length; i++)
        {
            avg[i] = (float)(_weights[i] - (_accumulated[i] / _step));
        }

        return avg;
    }

    /// <summary>The averaged, quantised model.</summary>
    public NerModel ToModel(IReadOnlyDictionary<string, string> metadata, float pruneBelow = 0) =>
        NerModel.Quantize(_bits, AveragedWeights(), metadata, _lexicon, pruneBelow, _classes);

    private void Score(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        foreach (var b in buckets)
        {
            var row = _weights.AsSpan(b * NerTagSet.Count, NerTagSet.Count);
            for (var t = 0; t < NerTagSet.Count; t++)
            {
                scores[t] += row[t];
            }
        }
    }

    private void Update(ReadOnlySpan<int> buckets, int gold, int predicted)
    {
        foreach (var b in buckets)
        {
            var g = (b * NerTagSet.Count) + gold;
            var p = (b * NerTagSet.Count) + predicted;
            _weights[g] += 1;
            _weights[p] -= 1;
            _accumulated[g] += _step;
            _accumulated[p] -= _step;
        }
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
