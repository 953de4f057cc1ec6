using System.Runtime.CompilerServices;
using TextLens.Text;

namespace TextLens.Analyzers.Entities.Recognition;

/// <summary>
/// Greedy left-to-right BIO tagging with a shared, immutable <see cref="NerModel"/>: for each token, the rows of its
/// static features and of its history features (previous two predicted tags) are summed and the best tag is taken.
/// Thread-safe; all per-call state lives in a <see cref="NerScratch"/>.
/// </summary>
internal sealed class NerTagger
{
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
    /// <param name="scratch">Buffers for this call.</param>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> tags, Span<float> confidence, NerScratch scratch)
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
        NerFeatures.Extract(text, tokens, shift, buckets, atoms, scratch.Padded);

        var model = _model;
        Span<int> dynamic = stackalloc int[NerFeatures.DynamicCount];
        Span<int> scores = stackalloc int[NerTagSet.Count];
        int previous = NerTagSet.Start, previous2 = NerTagSet.Start;
        for (var i = 0; i < n; i++)
        {
            scores.Clear();
            foreach (var b in buckets.Slice(i * NerFeatures.StaticCount, NerFeatures.StaticCount))
            {
                AddRow(model, b, scores);
            }

            NerFeatures.Dynamic(atoms, i, previous, previous2, shift, dynamic);
            foreach (var b in dynamic)
            {
                AddRow(model, b, scores);
            }

            var best = 0;
            for (var t = 1; t < NerTagSet.Count; t++)
            {
                if (scores[t] > scores[best])
                {
                    best = t;
                }
            }

            tags[i] = (byte)best;
            if (!confidence.IsEmpty)
            {
                confidence[i] = best == NerTagSet.Outside ? 1f : Probability(scores, best, _model.Scale);
            }

            previous2 = previous;
            previous = best;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(NerModel model, int bucket, Span<int> scores)
    {
        ref readonly var row = ref model.Find(bucket);
        if (Unsafe.IsNullRef(in row))
        {
            return;
        }

        ReadOnlySpan<short> w = row.Weights;
        scores[0] += w[0];
        scores[1] += w[1];
        scores[2] += w[2];
        scores[3] += w[3];
        scores[4] += w[4];
        scores[5] += w[5];
        scores[6] += w[6];
        scores[7] += w[7];
        scores[8] += w[8];
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
        Padded = new uint[(size + 4) * 3];
        Tags = new byte[size];
        Confidence = new float[size];
    }
}
