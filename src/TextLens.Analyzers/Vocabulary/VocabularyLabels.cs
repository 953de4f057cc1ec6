using System.Runtime.CompilerServices;

namespace TextLens.Vocabulary;

/// <summary>
/// The label strings of one thread's vocabulary annotations, so that a word seen before costs no new string: a
/// direct-mapped cache of <see cref="Capacity"/> slots indexed by the key hash the parser already computed. A slot holds
/// the last label whose hash falls in it; a word meeting another word in its slot allocates its label and takes the slot.
/// Bounded (at most <see cref="Capacity"/> strings per thread, whatever the corpus), and never wrong: a hit is verified
/// character by character.
/// </summary>
internal sealed class VocabularyLabels
{
    /// <summary>Slots per thread: 65,536 (512 KB of references plus the strings they hold).</summary>
    public const int Capacity = 1 << 16;

    [ThreadStatic]
    private static VocabularyLabels? t_current;

    private readonly string?[] _slots = new string?[Capacity];

    /// <summary>The cache of the calling thread.</summary>
    public static VocabularyLabels ForThisThread() => t_current ??= new VocabularyLabels();

    /// <summary>The label of a word: its key as a string, from the cache when it is there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string Word(ReadOnlySpan<char> key, int hash)
    {
        ref var slot = ref _slots[(int)((uint)hash * 0x9E3779B9u >> 16)];
        if (slot is { } cached && key.SequenceEqual(cached))
        {
            return cached;
        }

        return slot = key.ToString();
    }

    /// <summary>The label of a bigram: the two keys joined by one space, from the cache when it is there.</summary>
    public string Bigram(ReadOnlySpan<char> first, int firstHash, ReadOnlySpan<char> second, int secondHash)
    {
        var hash = (int)((uint)firstHash * 0x85EBCA6Bu) ^ secondHash;
        ref var slot = ref _slots[(int)((uint)hash * 0x9E3779B9u >> 16)];
        if (slot is { } cached && cached.Length == first.Length + 1 + second.Length
            && cached[first.Length] == ' ' && cached.AsSpan(0, first.Length).SequenceEqual(first) && cached.AsSpan(first.Length + 1).SequenceEqual(second))
        {
            return cached;
        }

        return slot = string.Concat(first, " ", second);
    }
}
