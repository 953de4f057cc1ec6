namespace TextLens.Entities.Recognition;

/// <summary>
/// What the tagger predicted so far in a document for each capitalised word (the "prediction history" of Ratinov and
/// Roth 2009): a later <c>Kohl</c> is tagged knowing that <c>Helmut Kohl</c> was a person three sentences before, a
/// sentence-initial <c>Analysts</c> knowing the word was left outside names elsewhere. Counts per word of the five
/// categories (outside, PER, LOC, ORG, MISC) in a fixed open-addressing table: no allocation after construction.
/// When the table is half full, new words are no longer remembered (documents rarely hold that many capitalised words).
/// </summary>
internal sealed class NerDocumentMemory
{
    /// <summary>The history value of a word that does not start with a capital (no history is kept for those).</summary>
    public const uint NotCapitalised = 0;

    /// <summary>The history value of a capitalised word not seen before in the document.</summary>
    public const uint Unseen = 1;

    private const int Capacity = 1024;
    private const int Categories = 5;

    private readonly uint[] _keys = new uint[Capacity];
    private readonly byte[] _counts = new byte[Capacity * Categories];
    private readonly short[] _used = new short[Capacity / 2];
    private int _usedCount;

    /// <summary>Forgets every word (call at the start of each document).</summary>
    public void Clear()
    {
        for (var u = 0; u < _usedCount; u++)
        {
            var slot = _used[u];
            _keys[slot] = 0;
            _counts.AsSpan(slot * Categories, Categories).Clear();
        }

        _usedCount = 0;
    }

    /// <summary>
    /// The history value of a word: <see cref="NotCapitalised"/>, <see cref="Unseen"/>, or 2 + the category it was
    /// tagged most often (0 outside, 1 + the entity type), plus 5 when it was tagged with more than one category.
    /// </summary>
    /// <param name="low">The word's lower-case atom.</param>
    /// <param name="capitalised">Whether the word starts with a capital.</param>
    public uint Recall(uint low, bool capitalised)
    {
        if (!capitalised)
        {
            return NotCapitalised;
        }

        var slot = Find(low);
        if (slot < 0 || _keys[slot] == 0)
        {
            return Unseen;
        }

        var counts = _counts.AsSpan(slot * Categories, Categories);
        var best = 0;
        var seen = 0;
        for (var c = 0; c < Categories; c++)
        {
            if (counts[c] > 0)
            {
                seen++;
            }

            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return 2u + (uint)best + (seen > 1 ? 5u : 0u);
    }

    /// <summary>Remembers the tag predicted for a word (capitalised words only).</summary>
    public void Record(uint low, bool capitalised, byte tag)
    {
        if (!capitalised || low == 0)
        {
            return;
        }

        var slot = Find(low);
        if (slot < 0)
        {
            return;
        }

        if (_keys[slot] == 0)
        {
            if (_usedCount == _used.Length)
            {
                return;
            }

            _keys[slot] = low;
            _used[_usedCount++] = (short)slot;
        }

        var category = tag == NerTagSet.Outside ? 0 : 1 + NerTagSet.TypeOf(tag);
        ref var count = ref _counts[(slot * Categories) + category];
        if (count < byte.MaxValue)
        {
            count++;
        }
    }

    /// <summary>The slot holding <paramref name="low"/>, or the empty slot where it would go.</summary>
    private int Find(uint low)
    {
        var i = (int)((low * 0x9E3779B1u) >> 22);
        for (var probes = 0; probes < Capacity; probes++)
        {
            var k = _keys[i];
            if (k == low || k == 0)
            {
                return i;
            }

            i = (i + 1) & (Capacity - 1);
        }

        return -1;
    }
}
