using System.Numerics;
using System.Runtime.CompilerServices;
using TextLens.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// Feature extraction for the statistical recognizer. Every feature is a template id combined with one to three
/// 32-bit "atoms" (hashes of a word, a shape, an affix, a tag) and mixed into a bucket of the model's weight table.
/// Atoms are hashed incrementally over the token's characters (FNV-1a with a fixed seed), so no string is ever
/// built and extraction allocates nothing.
/// </summary>
/// <remarks>
/// Changing a template, the hashing or the atoms changes every bucket: bump <see cref="Version"/>, which is stored
/// in the model header, and retrain.
/// </remarks>
internal static class NerFeatures
{
    /// <summary>Version of the feature set; a model trained with another version is refused at load.</summary>
    public const int Version = 3;

    /// <summary>Features per token that do not depend on predicted tags.</summary>
    public const int StaticCount = 38;

    /// <summary>Features per token that depend on the previous predicted tags.</summary>
    public const int DynamicCount = 6;

    /// <summary>Atoms kept per token for the dynamic features: lower-case word, shape, and 1 when the word starts with a capital.</summary>
    public const int AtomCount = 3;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private const ulong Seed = 0x5445_584C_454E_5331; // "TEXLENS1"

    // Padding atoms for positions outside the sequence (two before, two after).
    private const uint Before2 = 0xB0500002, Before1 = 0xB0500001, After1 = 0xE0500001, After2 = 0xE0500002;
    private const uint Absent = 0xAB5E17;

    // Static templates.
    private const int TBias = 0, TLow = 1, TRaw = 2, TPrefix = 3, TSuffix = 7, TShape = 11, TShortShape = 12,
        TLowM1 = 13, TLowP1 = 14, TLowM2 = 15, TLowP2 = 16, TShapeM1 = 17, TShapeP1 = 18, TShapeM2 = 19, TShapeP2 = 20,
        TBigramM1 = 21, TBigramP1 = 22, TShortShapeTrigram = 23, TLowM1Shape = 24, TShapeLowP1 = 25, TPositionShape = 26,
        TCapsLineLow = 27, TSurround = 28, TGazetteer = 29, TGazetteerM1 = 30, TGazetteerP1 = 31,
        TClassFine = 32, TClassMiddle = 33, TClassCoarse = 34, TClassMiddleM1 = 35, TClassMiddleP1 = 36, TCapitalisationShape = 37;

    // The atom of a word the word-class table does not hold.
    private const uint Unclassed = 0xC1A55;

    // Dynamic templates.
    private const int TPrev = 40, TPrev2 = 41, TPrevLow = 42, TPrevShape = 43, THistory = 44, THistoryShape = 45;

    // Character classes of the ASCII range for shapes: X upper, x lower, d digit, otherwise the character itself.
    private static readonly char[] AsciiClass = BuildAsciiClass();

    /// <summary>
    /// Extracts the static features of a sequence of tokens.
    /// </summary>
    /// <param name="text">The document text the tokens point into.</param>
    /// <param name="tokens">The tokens of one sequence (a sentence).</param>
    /// <param name="shift">64 minus the table's bucket bits.</param>
    /// <param name="lexicon">The gazetteer words.</param>
    /// <param name="classes">The word classes induced from unlabelled news.</param>
    /// <param name="buckets">Receives <see cref="StaticCount"/> bucket indices per token.</param>
    /// <param name="atoms">Receives <see cref="AtomCount"/> atoms per token for <see cref="Dynamic"/>.</param>
    /// <param name="padded">Scratch of at least <see cref="PaddedSize"/> atoms.</param>
    /// <param name="wanted">Per token, 0 when its features are not needed (its atoms are still computed, as context of
    /// its neighbours); empty when every token's are.</param>
    public static void Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int shift, NerLexicon lexicon, NerWordClasses classes,
        Span<int> buckets, Span<uint> atoms, Span<uint> padded, ReadOnlySpan<byte> wanted = default)
    {
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        // Padded per-token atoms: low, shape, short shape, gazetteer mask, word classes at index (i + 2) * Stride.
        Pad(padded[..(2 * Stride)], Before2, Before1);
        Pad(padded.Slice((n + 2) * Stride, 2 * Stride), After1, After2);

        var anyLower = false;
        var anyLetter = false;
        for (var i = 0; i < n; i++)
        {
            ref readonly var token = ref tokens[i];
            var word = text.Slice(token.Start, token.Length);
            var f = buckets.Slice(i * StaticCount, StaticCount);
            uint raw = FnvOffset, low = FnvOffset, shape = FnvOffset, shortShape = FnvOffset;
            uint p1 = Absent, p2 = Absent, p3 = Absent, p4 = Absent;
            var lastClass = '\0';
            var run = 0;
            var capitalised = 0u;
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                char cls;
                char lc;
                if (c < 128)
                {
                    cls = AsciiClass[c];
                    lc = cls switch
                    {
                        'X' => (char)(c | 0x20),
                        'd' => '0',
                        _ => c,
                    };
                    if (cls == 'd')
                    {
                        c = '0';
                    }
                }
                else
                {
                    cls = ClassOf(c);
                    lc = FoldChar(c);
                    if (cls == 'd')
                    {
                        c = '0';
                    }
                }

                if (k == 0 && cls == 'X')
                {
                    capitalised = 1;
                }

                anyLower |= cls == 'x';
                anyLetter |= cls is 'x' or 'X';
                raw = (raw ^ c) * FnvPrime;
                low = (low ^ lc) * FnvPrime;
                switch (k)
                {
                    case 0: p1 = low; break;
                    case 1: p2 = low; break;
                    case 2: p3 = low; break;
                    case 3: p4 = low; break;
                }

                if (cls != lastClass)
                {
                    shortShape = (shortShape ^ cls) * FnvPrime;
                    lastClass = cls;
                    run = 0;
                }

                if (run < 4)
                {
                    shape = (shape ^ cls) * FnvPrime;
                    run++;
                }
            }

            // Suffixes: hash the last four characters backwards.
            uint s = FnvOffset, s1 = Absent, s2 = Absent, s3 = Absent, s4 = Absent;
            for (int k = word.Length - 1, j = 0; k >= 0 && j < 4; k--, j++)
            {
                var c = word[k];
                var lc = FoldChar(c);
                s = (s ^ lc) * FnvPrime;
                switch (j)
                {
                    case 0: s1 = s; break;
                    case 1: s2 = s; break;
                    case 2: s3 = s; break;
                    default: s4 = s; break;
                }
            }

            var a = padded.Slice((i + 2) * Stride, Stride);
            a[0] = low;
            a[1] = shape;
            a[2] = shortShape;
            // The table lookups are skipped when neither the token nor a neighbour needs features.
            var looked = wanted.IsEmpty || wanted[i] != 0 || (i > 0 && wanted[i - 1] != 0) || (i + 1 < n && wanted[i + 1] != 0);
            a[3] = looked ? lexicon.MaskOf(low) : 0;
            a[4] = looked ? classes.ValueOf(low) : 0;
            atoms[i * AtomCount] = low;
            atoms[(i * AtomCount) + 1] = shape;
            atoms[(i * AtomCount) + 2] = capitalised;
            if (!wanted.IsEmpty && wanted[i] == 0)
            {
                continue;
            }

            f[TBias] = Bucket(Key(TBias, 0), shift);
            f[TLow] = Bucket(Key(TLow, low), shift);
            f[TRaw] = Bucket(Key(TRaw, raw), shift);
            f[TPrefix] = Bucket(Key(TPrefix, p1), shift);
            f[TPrefix + 1] = Bucket(Key(TPrefix + 1, p2), shift);
            f[TPrefix + 2] = Bucket(Key(TPrefix + 2, p3), shift);
            f[TPrefix + 3] = Bucket(Key(TPrefix + 3, p4), shift);
            f[TSuffix] = Bucket(Key(TSuffix, s1), shift);
            f[TSuffix + 1] = Bucket(Key(TSuffix + 1, s2), shift);
            f[TSuffix + 2] = Bucket(Key(TSuffix + 2, s3), shift);
            f[TSuffix + 3] = Bucket(Key(TSuffix + 3, s4), shift);
            f[TShape] = Bucket(Key(TShape, shape), shift);
            f[TShortShape] = Bucket(Key(TShortShape, shortShape), shift);
            f[TPositionShape] = Bucket(Key(TPositionShape, shape, (uint)Math.Min(i, 2)), shift);
        }

        var capsLine = anyLetter && !anyLower ? 1u : 0u;
        for (var i = 0; i < n; i++)
        {
            if (!wanted.IsEmpty && wanted[i] == 0)
            {
                continue;
            }

            var f = buckets.Slice(i * StaticCount, StaticCount);
            var at = (i + 2) * Stride;
            var low = padded[at];
            var shape = padded[at + 1];
            var lowM1 = padded[at - Stride];
            var lowP1 = padded[at + Stride];
            f[TLowM1] = Bucket(Key(TLowM1, lowM1), shift);
            f[TLowP1] = Bucket(Key(TLowP1, lowP1), shift);
            f[TLowM2] = Bucket(Key(TLowM2, padded[at - (2 * Stride)]), shift);
            f[TLowP2] = Bucket(Key(TLowP2, padded[at + (2 * Stride)]), shift);
            f[TShapeM1] = Bucket(Key(TShapeM1, padded[at - Stride + 1]), shift);
            f[TShapeP1] = Bucket(Key(TShapeP1, padded[at + Stride + 1]), shift);
            f[TShapeM2] = Bucket(Key(TShapeM2, padded[at - (2 * Stride) + 1]), shift);
            f[TShapeP2] = Bucket(Key(TShapeP2, padded[at + (2 * Stride) + 1]), shift);
            f[TBigramM1] = Bucket(Key(TBigramM1, lowM1, low), shift);
            f[TBigramP1] = Bucket(Key(TBigramP1, low, lowP1), shift);
            f[TShortShapeTrigram] = Bucket(Key(TShortShapeTrigram, padded[at - Stride + 2], padded[at + 2], padded[at + Stride + 2]), shift);
            f[TGazetteer] = Bucket(Key(TGazetteer, padded[at + 3]), shift);
            f[TGazetteerM1] = Bucket(Key(TGazetteerM1, padded[at - Stride + 3]), shift);
            f[TGazetteerP1] = Bucket(Key(TGazetteerP1, padded[at + Stride + 3]), shift);
            f[TLowM1Shape] = Bucket(Key(TLowM1Shape, lowM1, shape), shift);
            f[TShapeLowP1] = Bucket(Key(TShapeLowP1, shape, lowP1), shift);
            f[TCapsLineLow] = Bucket(Key(TCapsLineLow, low, capsLine), shift);
            f[TSurround] = Bucket(Key(TSurround, lowM1, lowP1), shift);
            var packed = padded[at + 4];
            f[TClassFine] = Bucket(Key(TClassFine, ClassAtom(packed, 0)), shift);
            f[TClassMiddle] = Bucket(Key(TClassMiddle, ClassAtom(packed, 1)), shift);
            f[TClassCoarse] = Bucket(Key(TClassCoarse, ClassAtom(packed, 2)), shift);
            f[TClassMiddleM1] = Bucket(Key(TClassMiddleM1, ClassAtom(padded[at - Stride + 4], 1)), shift);
            f[TClassMiddleP1] = Bucket(Key(TClassMiddleP1, ClassAtom(padded[at + Stride + 4], 1)), shift);
            var capitalisation = packed == 0 ? 4u : (uint)NerWordClasses.Capitalisation(packed);
            f[TCapitalisationShape] = Bucket(Key(TCapitalisationShape, capitalisation, padded[at + 2], (uint)Math.Min(i, 1)), shift);
        }
    }

    /// <summary>
    /// The atom of a token's cluster at a granularity (0 fine, 1 middle, 2 coarse): the cluster id, or the packed
    /// value itself for a word the table does not hold (0) and for the padding before and after the sequence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ClassAtom(uint packed, int level)
    {
        if (packed == 0)
        {
            return Unclassed;
        }

        if (packed < 0x8000_0000u || (packed & 0x7C00_0000u) != 0)
        {
            return packed; // padding atom
        }

        return level switch
        {
            0 => (uint)NerWordClasses.Fine(packed),
            1 => (uint)NerWordClasses.Middle(packed),
            _ => (uint)NerWordClasses.Coarse(packed),
        };
    }

    /// <summary>The dynamic features that do not name the word come first: previous tag, previous two tags, previous tag with shape.</summary>
    public const int DynamicWithoutWordIdentity = 3;

    /// <summary>
    /// Copies the static features of one token into <paramref name="kept"/> without those that name the word itself
    /// (lower-case and raw form, the bigrams holding it, its all-caps-line conjunction), for word dropout in training.
    /// </summary>
    public static ReadOnlySpan<int> WithoutWordIdentity(ReadOnlySpan<int> statics, Span<int> kept)
    {
        var n = 0;
        for (var t = 0; t < statics.Length; t++)
        {
            if (t is not (TLow or TRaw or TBigramM1 or TBigramP1 or TCapsLineLow))
            {
                kept[n++] = statics[t];
            }
        }

        return kept[..n];
    }

    /// <summary>Atoms per token in the padded scratch.</summary>
    private const int Stride = 5;

    /// <summary>Size of the padded scratch for a sequence of <paramref name="n"/> tokens.</summary>
    public static int PaddedSize(int n) => (n + 4) * Stride;

    /// <summary>
    /// The lower-case atom of a word: FNV-1a over its case-folded characters with every digit read as <c>0</c>.
    /// <see cref="Extract"/> computes the same value for every token.
    /// </summary>
    public static uint LowerAtom(ReadOnlySpan<char> word)
    {
        var h = FnvOffset;
        foreach (var c in word)
        {
            h = (h ^ FoldChar(c)) * FnvPrime;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldChar(char c) =>
        c < 128 ? (c is >= '0' and <= '9' ? '0' : CharFolding.FoldCase(c)) : char.IsDigit(c) ? '0' : CharFolding.FoldCase(c);

    private static void Pad(Span<uint> two, uint first, uint second)
    {
        for (var k = 0; k < Stride; k++)
        {
            two[k] = first ^ (uint)k;
            two[Stride + k] = second ^ (uint)k;
        }
    }

    /// <summary>
    /// The features of token <paramref name="i"/> that depend on earlier predictions: the previous two predicted tags
    /// (<see cref="NerTagSet.Start"/> before the sequence) and what the same word was tagged earlier in the document
    /// (<paramref name="history"/>, from <see cref="NerDocumentMemory.Recall"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dynamic(ReadOnlySpan<uint> atoms, int i, int previous, int previous2, uint history, int shift, Span<int> buckets)
    {
        var low = atoms[i * AtomCount];
        var shape = atoms[(i * AtomCount) + 1];
        buckets[0] = Bucket(Key(TPrev, (uint)previous), shift);
        buckets[1] = Bucket(Key(TPrev2, (uint)((previous * 16) + previous2)), shift);
        buckets[2] = Bucket(Key(TPrevShape, shape, (uint)previous), shift);
        buckets[3] = Bucket(Key(TPrevLow, low, (uint)previous), shift);
        buckets[4] = Bucket(Key(THistory, history), shift);
        buckets[5] = Bucket(Key(THistoryShape, history, shape), shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int template, uint a) => ((ulong)(uint)template << 32 | a) ^ Seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int template, uint a, uint b) => Key(template, a) ^ (b * Golden);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int template, uint a, uint b, uint c) => Key(template, a, b) ^ BitOperations.RotateLeft(c * 0xC2B2AE3D27D4EB4FUL, 31);

    /// <summary>Mixes a key (murmur3 finaliser) and keeps its top bits as the bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(ulong key, int shift)
    {
        key ^= key >> 33;
        key *= 0xFF51AFD7ED558CCDUL;
        key ^= key >> 33;
        key *= 0xC4CEB9FE1A85EC53UL;
        key ^= key >> 33;
        return (int)(key >> shift);
    }

    private static char ClassOf(char c)
    {
        if (char.IsUpper(c))
        {
            return 'X';
        }

        if (char.IsLetter(c))
        {
            return 'x';
        }

        return char.IsDigit(c) ? 'd' : c;
    }

    private static char[] BuildAsciiClass()
    {
        var table = new char[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = c switch
            {
                >= 'A' and <= 'Z' => 'X',
                >= 'a' and <= 'z' => 'x',
                >= '0' and <= '9' => 'd',
                _ => (char)c,
            };
        }

        return table;
    }
}
