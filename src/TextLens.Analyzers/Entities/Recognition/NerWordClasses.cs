namespace TextLens.Entities.Recognition;

/// <summary>
/// Word classes induced from unlabelled news, used as features of the recognizer: for each frequent word (keyed by
/// the hash of its lower-case form, the atom <see cref="NerFeatures"/> computes for every token) a distributional
/// cluster at three granularities and how often the word is written capitalised inside a sentence. Built by the
/// <c>ner-clusters</c> evaluation command and stored inside the model file, so a model always sees the classes it
/// was trained with. Holds no text: only word hashes and small integers. Immutable; lookups allocate nothing.
/// </summary>
/// <remarks>
/// A class value packs, from bit 0: the fine cluster (10 bits), the middle cluster (8 bits), the coarse cluster
/// (6 bits), the capitalisation class (2 bits: 0 rarely, 1 sometimes, 2 mostly, 3 almost always capitalised inside a
/// sentence) and bit 31 set. 0 means the word is not in the table.
/// </remarks>
internal sealed class NerWordClasses
{
    /// <summary>Most fine clusters a table may have.</summary>
    public const int MaxFine = 1 << 10;

    /// <summary>Most middle clusters a table may have.</summary>
    public const int MaxMiddle = 1 << 8;

    /// <summary>Most coarse clusters a table may have.</summary>
    public const int MaxCoarse = 1 << 6;

    /// <summary>An empty table (no cluster features fire but the "unknown word" one).</summary>
    public static readonly NerWordClasses Empty = new([], []);

    private const uint Present = 1u << 31;

    private readonly NerAtomTable _table;

    /// <summary>Creates a table from its entries (keys strictly ascending; values packed as described on the class).</summary>
    /// <exception cref="ArgumentException">Keys not ascending, or a value without its presence bit.</exception>
    public NerWordClasses(uint[] keys, uint[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            if ((values[i] & Present) == 0)
            {
                throw new ArgumentException($"Word class values must be packed (entry {i}).", nameof(values));
            }
        }

        _table = new NerAtomTable(keys, values, "Word class");
    }

    /// <summary>The word hashes, ascending.</summary>
    public ReadOnlySpan<uint> Keys => _table.Keys;

    /// <summary>The packed class values, one per key.</summary>
    public ReadOnlySpan<uint> Values => _table.Values;

    /// <summary>Number of words.</summary>
    public int Count => _table.Count;

    /// <summary>Packs a word's classes.</summary>
    public static uint Pack(int fine, int middle, int coarse, int capitalisation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fine);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fine, MaxFine);
        ArgumentOutOfRangeException.ThrowIfNegative(middle);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(middle, MaxMiddle);
        ArgumentOutOfRangeException.ThrowIfNegative(coarse);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(coarse, MaxCoarse);
        ArgumentOutOfRangeException.ThrowIfNegative(capitalisation);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capitalisation, 3);
        return Present | (uint)fine | ((uint)middle << 10) | ((uint)coarse << 18) | ((uint)capitalisation << 24);
    }

    /// <summary>The fine cluster of a packed value.</summary>
    public static int Fine(uint value) => (int)(value & 0x3FF);

    /// <summary>The middle cluster of a packed value.</summary>
    public static int Middle(uint value) => (int)((value >> 10) & 0xFF);

    /// <summary>The coarse cluster of a packed value.</summary>
    public static int Coarse(uint value) => (int)((value >> 18) & 0x3F);

    /// <summary>The capitalisation class of a packed value (0 rarely … 3 almost always capitalised inside a sentence).</summary>
    public static int Capitalisation(uint value) => (int)((value >> 24) & 0x3);

    /// <summary>The packed classes of a word's lower-case atom, or 0 when the word is not in the table.</summary>
    public uint ValueOf(uint atom) => _table.ValueOf(atom);
}
