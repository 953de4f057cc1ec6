using TextLens.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// The gazetteer words the recognizer uses as features: for each capitalised word of a gazetteer name or alias, the
/// set of (entity type, position in the name) it occurs with, as a bit mask. Keyed by the hash of the word's
/// lower-case form (the same atom <see cref="NerFeatures"/> computes for every token), built once at training time
/// from the gazetteers and stored inside the model file, so a model always sees the lists it was trained with.
/// Immutable; lookups allocate nothing.
/// </summary>
internal sealed class NerLexicon
{
    /// <summary>Types with their own bits; any other type shares the last slot.</summary>
    public static readonly string[] Types =
    [
        EntityTypes.Person, EntityTypes.GeopoliticalEntity, EntityTypes.Location, EntityTypes.Organization,
        EntityTypes.Nationality, EntityTypes.Facility, EntityTypes.Event, "OTHER",
    ];

    /// <summary>An empty lexicon (no gazetteer features).</summary>
    public static readonly NerLexicon Empty = new([], []);

    private readonly uint[] _keys;
    private readonly uint[] _masks;
    private readonly uint[] _tableKeys;
    private readonly uint[] _tableMasks;
    private readonly int _tableMask;

    /// <summary>Creates a lexicon from its entries (keys strictly ascending, masks non-zero).</summary>
    public NerLexicon(uint[] keys, uint[] masks)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(masks);
        if (keys.Length != masks.Length)
        {
            throw new ArgumentException("One mask per key is required.", nameof(masks));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if ((i > 0 && keys[i] <= keys[i - 1]) || masks[i] == 0)
            {
                throw new ArgumentException($"Lexicon keys must be strictly ascending with non-zero masks (entry {i}).", nameof(keys));
            }
        }

        _keys = keys;
        _masks = masks;
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity *= 2;
        }

        _tableMask = capacity - 1;
        _tableKeys = new uint[capacity];
        _tableMasks = new uint[capacity];
        for (var e = 0; e < keys.Length; e++)
        {
            var i = (int)(Mix(keys[e]) & (uint)_tableMask);
            while (_tableMasks[i] != 0)
            {
                i = (i + 1) & _tableMask;
            }

            _tableKeys[i] = keys[e];
            _tableMasks[i] = masks[e];
        }
    }

    /// <summary>The word hashes, ascending.</summary>
    public ReadOnlySpan<uint> Keys => _keys;

    /// <summary>The masks, one per key.</summary>
    public ReadOnlySpan<uint> Masks => _masks;

    /// <summary>Number of words.</summary>
    public int Count => _keys.Length;

    /// <summary>
    /// Builds a lexicon from names and their types: each name is tokenized by the TextLens parser, and each word that
    /// has an upper-case letter gets the bit of (type, position): the whole name, its first word, or a later word.
    /// </summary>
    public static NerLexicon Build(IEnumerable<(string Name, string Type)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var map = new SortedDictionary<uint, uint>();
        foreach (var (name, type) in names)
        {
            var doc = DocumentParser.Default.Parse(new TextDocument("lexicon", name));
            var tokens = doc.Tokens;
            var typeIndex = Array.IndexOf(Types, type);
            if (typeIndex < 0)
            {
                typeIndex = Types.Length - 1;
            }

            for (var i = 0; i < tokens.Length; i++)
            {
                var word = doc.TextOf(tokens[i]);
                if (!tokens[i].IsWordLike || !HasUpper(word))
                {
                    continue;
                }

                var position = tokens.Length == 1 ? 0 : i == 0 ? 1 : 2;
                var key = NerFeatures.LowerAtom(word);
                map[key] = map.GetValueOrDefault(key) | (1u << ((typeIndex * 3) + position));
            }
        }

        return new NerLexicon([.. map.Keys], [.. map.Values]);
    }

    /// <summary>The mask of a word's lower-case atom, or 0.</summary>
    public uint MaskOf(uint atom)
    {
        if (_keys.Length == 0)
        {
            return 0;
        }

        var i = (int)(Mix(atom) & (uint)_tableMask);
        while (true)
        {
            var m = _tableMasks[i];
            if (m == 0 || _tableKeys[i] == atom)
            {
                return m;
            }

            i = (i + 1) & _tableMask;
        }
    }

    private static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352D;
        x ^= x >> 15;
        return x;
    }
}
