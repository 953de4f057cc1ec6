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

    private readonly NerAtomTable _table;

    /// <summary>Creates a lexicon from its entries (keys strictly ascending, masks non-zero).</summary>
    public NerLexicon(uint[] keys, uint[] masks) => _table = new NerAtomTable(keys, masks, "Lexicon");

    /// <summary>The word hashes, ascending.</summary>
    public ReadOnlySpan<uint> Keys => _table.Keys;

    /// <summary>The masks, one per key.</summary>
    public ReadOnlySpan<uint> Masks => _table.Values;

    /// <summary>Number of words.</summary>
    public int Count => _table.Count;

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
    public uint MaskOf(uint atom) => _table.ValueOf(atom);

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
}
