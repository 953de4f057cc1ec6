using System.Runtime.CompilerServices;
using TextLens.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// Greedy left-to-right BIO tagging with a shared, immutable <see cref="NerModel"/>: for each token, the rows of its
/// static features and of its history features (previous two predicted tags) are summed and the best tag is taken.
/// Thread-safe; all per-call state lives in a <see cref="NerScratch"/>.
/// </summary>
internal sealed class NerTagger
{
    private const int TouchAhead = 16;

    private readonly NerModel _model;

    /// <summary>Creates a tagger over a model.</summary>
    public NerTagger(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The model.</summary>
    public NerModel Model => _model;

    /// <summary>
    /// Tags one sequence (a sentence) of tokens.
    /// </summary>
    /// <param name="text">The text the tokens point into.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="tags">Receives one tag per token.</param>
    /// <param name="confidence">Receives, per token, the softmax probability of its tag over the nine tags (computed for entity tags only; 1 for O), or empty to skip.</param>
    /// <param name="scratch">Buffers for this call, and the document's prediction history (<see cref="NerScratch.Memory"/>:
    /// clear it at the start of each document).</param>
    /// <param name="onlyNearCapitals">Whether tokens with no capitalised token within one position are tagged <c>O</c>
    /// without being scored (names are capitalised words and the connectors between them, so the tags barely change,
    /// and most of running news text is skipped).</param>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> tags, Span<float> confidence, NerScratch scratch, bool onlyNearCapitals = false)
    {
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        if (tags.Length < n)
        {
            throw new ArgumentException("The tag buffer is shorter than the token sequence.", nameof(tags));
        }

        scratch.Ensure(n);
        var shift = _model.Shift;
        var buckets = scratch.Buckets.AsSpan(0, n * NerFeatures.StaticCount);
        var atoms = scratch.Atoms.AsSpan(0, n * NerFeatures.AtomCount);
        var near = scratch.Near.AsSpan(0, n);
        if (onlyNearCapitals)
        {
            MarkNearCapitals(tokens, near);
        }
        else
        {
            near.Fill(1);
        }

        NerFeatures.Extract(text, tokens, shift, _model.Lexicon, _model.WordClasses, buckets, atoms, scratch.Padded, near);

        var model = _model;

        // Static scores first: the rows of every token are independent of the decisions, so their (cache-missing)
        // lookups overlap; the greedy pass then adds only the four history features.
        var scores = scratch.Scores.AsSpan(0, n * NerTagSet.Count);
        scores.Clear();
        for (var i = 0; i < n; i++)
        {
            if ((i & (TouchAhead - 1)) == 0)
            {
                var count = Math.Min(TouchAhead, n - i) * NerFeatures.StaticCount;
                scratch.Touched ^= model.Touch(buckets.Slice(i * NerFeatures.StaticCount, count));
            }

            if (near[i] != 0)
            {
                model.Score(buckets.Slice(i * NerFeatures.StaticCount, NerFeatures.StaticCount), scores.Slice(i * NerTagSet.Count, NerTagSet.Count));
            }
        }

        Span<int> dynamic = stackalloc int[NerFeatures.DynamicCount];
        var memory = scratch.Memory;
        int previous = NerTagSet.Start, previous2 = NerTagSet.Start;
        for (var i = 0; i < n; i++)
        {
            if (near[i] == 0)
            {
                tags[i] = NerTagSet.Outside;
                if (!confidence.IsEmpty)
                {
                    confidence[i] = 1f;
                }

                previous2 = previous;
                previous = NerTagSet.Outside;
                continue;
            }

            var s = scores.Slice(i * NerTagSet.Count, NerTagSet.Count);
            var low = atoms[i * NerFeatures.AtomCount];
            var capitalised = atoms[(i * NerFeatures.AtomCount) + 2] != 0;
            var history = model.UsesDocumentHistory ? memory.Recall(low, capitalised) : NerDocumentMemory.NotCapitalised;
            NerFeatures.Dynamic(atoms, i, previous, previous2, history, shift, dynamic);
            model.Score(dynamic, s);

            var best = 0;
            for (var t = 1; t < NerTagSet.Count; t++)
            {
                if (s[t] > s[best])
                {
                    best = t;
                }
            }

            tags[i] = (byte)best;
            memory.Record(low, capitalised, (byte)best);
            if (!confidence.IsEmpty)
            {
                confidence[i] = best == NerTagSet.Outside ? 1f : Probability(s, best, model.Scale);
            }

            previous2 = previous;
            previous = best;
        }
    }

    /// <summary>Marks (1) the tokens that are, or stand next to, a token starting with a capital or written in capitals.</summary>
    private static void MarkNearCapitals(ReadOnlySpan<Token> tokens, Span<byte> near)
    {
        near.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((tokens[i].Flags & (TokenFlags.Capitalized | TokenFlags.AllCaps)) != 0)
            {
                near[i] = 1;
                if (i > 0)
                {
                    near[i - 1] = 1;
                }

                if (i + 1 < near.Length)
                {
                    near[i + 1] = 1;
                }
            }
        }
    }

    private static float Probability(ReadOnlySpan<int> scores, int best, float scale)
    {
        var sum = 0f;
        var top = scores[best];
        foreach (var s in scores)
        {
            sum += MathF.Exp((s - top) * scale);
        }

        return 1f / sum;
    }
}

/// <summary>
/// Per-call buffers of the tagger, sized to the longest sequence seen. Rent one per thread with <see cref="Rent"/>
/// and give it back with <see cref="Return"/>; after warm-up tagging allocates nothing.
/// </summary>
internal sealed class NerScratch
{
    private const int KeepAtMost = 4096;

    [ThreadStatic]
    private static NerScratch? t_cached;

    public int[] Buckets = [];
    public uint[] Atoms = [];
    public uint[] Padded = [];
    public byte[] Tags = [];
    public float[] Confidence = [];
    public int[] Scores = [];
    public byte[] Near = [];

    /// <summary>The prediction history of the document being tagged.</summary>
    public readonly NerDocumentMemory Memory = new();

    /// <summary>Sink of <see cref="NerModel.Touch"/> results, so the loads are not optimised away.</summary>
    public int Touched;

    /// <summary>Takes this thread's cached scratch or a new one.</summary>
    public static NerScratch Rent()
    {
        var s = t_cached ?? new NerScratch();
        t_cached = null;
        return s;
    }

    /// <summary>Keeps a scratch for this thread's next call (dropped when it grew unusually large).</summary>
    public static void Return(NerScratch scratch)
    {
        if (scratch.Tags.Length <= KeepAtMost)
        {
            t_cached = scratch;
        }
    }

    /// <summary>Grows the buffers to hold <paramref name="n"/> tokens.</summary>
    public void Ensure(int n)
    {
        if (Tags.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, Math.Max(64, Tags.Length * 2));
        Buckets = new int[size * NerFeatures.StaticCount];
        Atoms = new uint[size * NerFeatures.AtomCount];
        Padded = new uint[NerFeatures.PaddedSize(size)];
        Tags = new byte[size];
        Confidence = new float[size];
        Scores = new int[size * NerTagSet.Count];
        Near = new byte[size];
    }
}
