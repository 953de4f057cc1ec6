namespace TextLens.Entities.Recognition;

/// <summary>
/// An immutable map from word atoms (the 32-bit hashes <see cref="NerFeatures"/> computes for every token) to non-zero
/// 32-bit values: the sorted entries as stored in the model file, and an open-addressing table at most half full for
/// lookups that allocate nothing. The gazetteer words (<see cref="NerLexicon"/>) and the word classes
/// (<see cref="NerWordClasses"/>) are both one.
/// </summary>
internal sealed class NerAtomTable
{
    private readonly uint[] _keys;
    private readonly uint[] _values;
    private readonly uint[] _tableKeys;
    private readonly uint[] _tableValues;
    private readonly int _tableMask;

    /// <summary>Creates a table from its entries.</summary>
    /// <param name="keys">The atoms, strictly ascending.</param>
    /// <param name="values">One non-zero value per atom.</param>
    /// <param name="what">What the entries are, for error messages (<c>Lexicon</c>, <c>Word class</c>).</param>
    /// <exception cref="ArgumentException">Lengths differ, keys not strictly ascending, or a value is zero.</exception>
    public NerAtomTable(uint[] keys, uint[] values, string what)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Length != values.Length)
        {
            throw new ArgumentException($"{what}: one value per key is required.", nameof(values));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if ((i > 0 && keys[i] <= keys[i - 1]) || values[i] == 0)
            {
                throw new ArgumentException($"{what} keys must be strictly ascending with non-zero values (entry {i}).", nameof(keys));
            }
        }

        _keys = keys;
        _values = values;
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity *= 2;
        }

        _tableMask = capacity - 1;
        _tableKeys = new uint[capacity];
        _tableValues = new uint[capacity];
        for (var e = 0; e < keys.Length; e++)
        {
            var i = (int)(Mix(keys[e]) & (uint)_tableMask);
            while (_tableValues[i] != 0)
            {
                i = (i + 1) & _tableMask;
            }

            _tableKeys[i] = keys[e];
            _tableValues[i] = values[e];
        }
    }

    /// <summary>The atoms, ascending.</summary>
    public ReadOnlySpan<uint> Keys => _keys;

    /// <summary>The values, one per atom.</summary>
    public ReadOnlySpan<uint> Values => _values;

    /// <summary>Number of entries.</summary>
    public int Count => _keys.Length;

    /// <summary>The value of an atom, or 0 when it has none.</summary>
    public uint ValueOf(uint atom)
    {
        if (_keys.Length == 0)
        {
            return 0;
        }

        var i = (int)(Mix(atom) & (uint)_tableMask);
        while (true)
        {
            var v = _tableValues[i];
            if (v == 0 || _tableKeys[i] == atom)
            {
                return v;
            }

            i = (i + 1) & _tableMask;
        }
    }

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352D;
        x ^= x >> 15;
        return x;
    }
}
