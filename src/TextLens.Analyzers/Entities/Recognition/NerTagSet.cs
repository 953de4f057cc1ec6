namespace TextLens.Entities.Recognition;

/// <summary>
/// The BIO tag set of the CoNLL-2003 recognizer: <c>O</c>, then <c>B-</c>/<c>I-</c> for PER, LOC, ORG, MISC.
/// A tag is a byte: 0 is <c>O</c>; for entity type <c>k</c> (0..3) <c>B</c> is <c>1 + 2k</c> and <c>I</c> is <c>2 + 2k</c>.
/// </summary>
internal static class NerTagSet
{
    /// <summary>Number of tags (O plus B and I of four types).</summary>
    public const int Count = 9;

    /// <summary>The outside tag.</summary>
    public const byte Outside = 0;

    /// <summary>The pseudo-tag of positions before the start of a sequence (history features only).</summary>
    public const byte Start = Count;

    /// <summary>Number of entity types.</summary>
    public const int TypeCount = 4;

    /// <summary>CoNLL-2003 type names, indexed by type.</summary>
    public static readonly string[] ConllTypes = ["PER", "LOC", "ORG", "MISC"];

    /// <summary>Tag names, indexed by tag.</summary>
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    /// <summary>The B tag of a type.</summary>
    public static byte Begin(int type) => (byte)(1 + (2 * type));

    /// <summary>The I tag of a type.</summary>
    public static byte Inside(int type) => (byte)(2 + (2 * type));

    /// <summary>The type of an entity tag (-1 for O).</summary>
    public static int TypeOf(byte tag) => tag == Outside ? -1 : (tag - 1) >> 1;

    /// <summary>Whether a tag is a B tag.</summary>
    public static bool IsBegin(byte tag) => tag != Outside && (tag & 1) == 1;

    /// <summary>The type index of a CoNLL type name, or -1.</summary>
    public static int TypeIndex(string conllType) => Array.IndexOf(ConllTypes, conllType);

    /// <summary>
    /// Whether a tag starts a new entity given the previous tag. An <c>I-X</c> that does not follow <c>B-X</c> or
    /// <c>I-X</c> starts one (the lenient reading of conlleval), so a greedy decoder needs no constraint.
    /// </summary>
    public static bool StartsEntity(byte previous, byte tag) =>
        tag != Outside && (IsBegin(tag) || TypeOf(previous) != TypeOf(tag));
}
