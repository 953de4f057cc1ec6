using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TextLens.Text;

namespace TextLens.Analyzers.Matching;

/// <summary>
/// Finds every pattern of a compiled lexicon in a parsed document: leftmost-longest, non-overlapping matches,
/// each reporting the pattern (and its payload) that matched. Immutable and thread-safe; no allocation while
/// scanning (matches come from a <see langword="ref struct"/> enumerator).
/// </summary>
/// <remarks>
/// <para>
/// How it works. Patterns are tokenized by the document parser and stored as a trie of token keys. The trie's
/// edges live in open-addressing tables keyed by (node, key hash) — the edges from the root in a compact table of
/// their own — and the key hash is the one the parser already computed for every token and part
/// (<see cref="Token.KeyHash"/>, <see cref="TokenPart.KeyHash"/>). A token that starts no pattern costs one bit
/// test in a 64 K-bit filter of first-word hashes and no pass over its characters. A hit is verified against the
/// key characters, so hash collisions never produce a match. A token whose only reading is its key walks the trie
/// directly (<see cref="WalkPlain"/>); every other start goes through the general search over all readings.
/// </para>
/// <para>
/// A token can be read in more than one way, and a match is valid for a pattern only if every reading it used is
/// allowed by the pattern's <see cref="MatchOptions"/>:
/// its key as written (always); a hyphenated compound's parts written together (<c>antiterrorist</c>) or its parts
/// one by one (both need <see cref="MatchOptions.HyphenVariants"/>); a match that starts or ends inside a compound
/// (needs <see cref="MatchOptions.MatchCompoundParts"/>); the diacritic-folded key when it differs from the key
/// (needs <see cref="MatchOptions.FoldDiacritics"/>). Case-sensitive patterns are checked against the original
/// text. A trailing <c>*</c> matches any word that starts with the prefix (not a joined compound, and not past a
/// hyphen); the distinct prefix lengths under each trie node are few, so they are tried with one running hash.
/// </para>
/// <para>
/// At each position the longest valid match wins; equally long matches go to the pattern added first. The
/// scan then resumes after the match.
/// </para>
/// </remarks>
internal sealed class PhraseMatcher
{
    private const int FlagSplit = 1;
    private const int FlagJoined = 2;
    private const int FlagPartial = 4;
    private const int FlagFolded = 8;

    private const byte NodeHasExact = 1;
    private const byte NodeHasPrefix = 2;

    private const int RootFilterBits = 1 << 16;
    private const int RootPrefixFilterBits = 1 << 12;

    private readonly Slot[] _slots;
    private readonly int _shift;
    private readonly RootSlot[] _rootSlots;
    private readonly int _rootShift;
    private readonly char[] _atomChars;
    private readonly byte[] _nodeFlags;
    private readonly int[] _plainTerminal;
    private readonly int[] _terminalStart;
    private readonly int[] _terminals;
    private readonly int[] _prefixLengthStart;
    private readonly int[] _prefixLengths;
    private readonly ulong[] _rootFilter;
    private readonly ulong[] _rootPrefixFilter = new ulong[RootPrefixFilterBits / 64];
    private readonly bool _rootPrefixes;
    private readonly bool _rootPrefixFilterUsable = true;
    private readonly MatchOptions[] _options;
    private readonly int[] _payloads;
    private readonly string?[] _caseTexts;
    private readonly bool[] _prefixPatterns;
    private readonly bool _anyFolding;
    private readonly bool _anyHyphenVariants;
    private readonly bool _anyCompoundParts;

    internal PhraseMatcher(PhraseMatcherBuilder.TrieBuilder trie, MatchOptions[] options, int[] payloads, string?[] caseTexts, bool[] prefixes, int maxAtoms)
    {
        _options = options;
        _payloads = payloads;
        _caseTexts = caseTexts;
        _prefixPatterns = prefixes;
        MaxAtoms = maxAtoms;
        foreach (var o in options)
        {
            _anyFolding |= (o & MatchOptions.FoldDiacritics) != 0;
            _anyHyphenVariants |= (o & MatchOptions.HyphenVariants) != 0;
            _anyCompoundParts |= (o & MatchOptions.MatchCompoundParts) != 0;
        }

        var nodes = trie.NodeCount;
        _nodeFlags = new byte[nodes];
        _terminalStart = new int[nodes + 1];
        var terminalCount = 0;
        for (var n = 0; n < nodes; n++)
        {
            _terminalStart[n] = terminalCount;
            terminalCount += trie.Terminals[n].Count;
        }

        _terminalStart[nodes] = terminalCount;
        _terminals = new int[terminalCount];
        // The pattern a plain reading (no flag) of a node's atoms accepts without further checks: its first terminal,
        // unless that one is case-sensitive (-2: run the checks), or -1 when the node ends no pattern.
        _plainTerminal = new int[nodes];
        for (var n = 0; n < nodes; n++)
        {
            trie.Terminals[n].CopyTo(_terminals, _terminalStart[n]);
            var terminals = trie.Terminals[n];
            _plainTerminal[n] = terminals.Count == 0 ? -1 : (options[terminals[0]] & MatchOptions.CaseSensitive) == 0 ? terminals[0] : -2;
        }

        // Prefix lengths per node, sorted and distinct.
        var prefixLengths = new SortedSet<int>[nodes];
        var atomLength = 0;
        foreach (var ((parent, atom, prefix), _) in trie.Edges)
        {
            atomLength += atom.Length;
            if (prefix)
            {
                (prefixLengths[parent] ??= []).Add(atom.Length);
                _nodeFlags[parent] |= NodeHasPrefix;
            }
            else
            {
                _nodeFlags[parent] |= NodeHasExact;
            }
        }

        _prefixLengthStart = new int[nodes + 1];
        var lengths = new List<int>();
        for (var n = 0; n < nodes; n++)
        {
            _prefixLengthStart[n] = lengths.Count;
            if (prefixLengths[n] is { } set)
            {
                lengths.AddRange(set);
            }
        }

        _prefixLengthStart[nodes] = lengths.Count;
        _prefixLengths = lengths.ToArray();

        // The edge tables, each a power of two at most half full: first words (every candidate token looks there) in a
        // compact table of their own that stays in the fastest caches, every other edge in the main table.
        var rootEdges = trie.Edges.Count(e => e.Key.Parent == 0 && !e.Key.Prefix);
        var rootCapacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rootEdges * 2));
        _rootShift = 32 - BitOperations.Log2((uint)rootCapacity);
        _rootSlots = new RootSlot[rootCapacity];
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (trie.Edges.Count - rootEdges) * 2));
        _shift = 32 - BitOperations.Log2((uint)capacity);
        _slots = new Slot[capacity];
        // Each distinct atom once, preceded by its length (PatternSyntax caps a pattern at 1,000 characters, so a length
        // fits a char), and padded so that SameKey can load a whole vector at any atom's offset. An edge stores the offset
        // of its atom's first character: no limit on the pool but the size of an array (a packed offset and length capped
        // the pool at 2,097,151 characters, which 200,000 patterns passed).
        var pool = new List<char>(atomLength + trie.Edges.Count + Vector128<ushort>.Count);
        var pooled = new Dictionary<string, int>(StringComparer.Ordinal);
        _rootFilter = new ulong[RootFilterBits / 64];
        foreach (var ((parent, atom, prefix), child) in trie.Edges)
        {
            var nodeKey = parent * 2 + (prefix ? 1 : 0) + 1;
            var hash = TokenKeyHash.Compute(atom);
            if (!pooled.TryGetValue(atom, out var packed))
            {
                pool.Add((char)atom.Length);
                packed = pool.Count;
                pool.AddRange(atom);
                pooled[atom] = packed;
            }

            if (parent == 0 && !prefix)
            {
                var r = RootIndex(hash);
                while (_rootSlots[r].Child != 0)
                {
                    r = (r + 1) & (rootCapacity - 1);
                }

                _rootSlots[r] = new RootSlot(hash, child, packed);
            }
            else
            {
                var i = Index(nodeKey, hash);
                while (_slots[i].NodeKey != 0)
                {
                    i = (i + 1) & (capacity - 1);
                }

                _slots[i] = new Slot(nodeKey, hash, child, packed);
            }

            if (parent == 0 && !prefix)
            {
                _rootFilter[(hash & (RootFilterBits - 1)) >> 6] |= 1UL << hash;
            }
            else if (parent == 0)
            {
                _rootPrefixes = true;
                if (atom.Length >= 2)
                {
                    var bigram = PrefixBigram(atom[0], atom[1]);
                    _rootPrefixFilter[bigram >> 6] |= 1UL << bigram;
                }
                else
                {
                    _rootPrefixFilterUsable = false;
                }
            }
        }

        pool.AddRange(new char[Vector128<ushort>.Count]);
        _atomChars = pool.ToArray();
        PatternCount = options.Length;
        NodeCount = nodes;
    }

    /// <summary>The number of patterns compiled.</summary>
    public int PatternCount { get; }

    /// <summary>The number of trie nodes (for diagnostics and benchmarks).</summary>
    public int NodeCount { get; }

    /// <summary>The most atoms (words and parts) in one compiled pattern variant.</summary>
    public int MaxAtoms { get; }

    /// <summary>The payload of a pattern.</summary>
    public int PayloadOf(int patternIndex) => _payloads[patternIndex];

    /// <summary>Enumerates the matches in a document, left to right, without allocating.</summary>
    public MatchEnumerator Matches(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new MatchEnumerator(this, document);
    }

    /// <summary>Adds every match in a document to <paramref name="matches"/>.</summary>
    public void FindAll(ParsedDocument document, List<PhraseMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var m in Matches(document))
        {
            matches.Add(m);
        }
    }

    /// <summary>Counts the matches in a document.</summary>
    public int Count(ParsedDocument document)
    {
        var n = 0;
        foreach (var _ in Matches(document))
        {
            n++;
        }

        return n;
    }

    /// <summary>The letters and digits of a text (diacritics folded when asked), the unit of case-sensitive comparison.</summary>
    internal static string LettersAndDigits(string text, bool foldDiacritics)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars.Add(foldDiacritics ? FoldDiacriticsKeepCase(c) : c);
            }
        }

        return new string(chars.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldDiacriticsKeepCase(char c)
    {
        if (c < 128)
        {
            return c;
        }

        var lower = CharFolding.FoldCase(c);
        var folded = CharFolding.FoldDiacritics(lower);
        return lower == c ? folded : char.ToUpperInvariant(folded);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(int nodeKey, int hash) =>
        (int)((((uint)hash ^ ((uint)nodeKey * 0x9E3779B9u)) * 0x9E3779B9u) >> _shift);

    /// <summary>Finds the child of <paramref name="nodeKey"/> (node × 2 + prefix + 1) along an atom, verified character by character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int nodeKey, int hash, ReadOnlySpan<char> atom)
    {
        if (nodeKey == 1)
        {
            return FindRoot(hash, atom);
        }

        var mask = _slots.Length - 1;
        var i = Index(nodeKey, hash);
        while (true)
        {
            ref readonly var s = ref _slots[i];
            if (s.NodeKey == 0)
            {
                return -1;
            }

            if (s.NodeKey == nodeKey && s.Hash == hash && AtomLength(s.Atom) == atom.Length && SameChars(s.Atom, atom))
            {
                return s.Child;
            }

            i = (i + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RootIndex(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _rootShift);

    /// <summary>Finds the child of the root along a first word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindRoot(int hash, ReadOnlySpan<char> atom)
    {
        var slots = _rootSlots;
        var mask = slots.Length - 1;
        var i = RootIndex(hash);
        while (true)
        {
            ref readonly var s = ref slots[i];
            if (s.Child == 0)
            {
                return -1;
            }

            if (s.Hash == hash && AtomLength(s.Atom) == atom.Length && SameChars(s.Atom, atom))
            {
                return s.Child;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Whether the stored atom at <paramref name="offset"/> has the characters of <paramref name="atom"/> (same length checked by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameChars(int offset, ReadOnlySpan<char> atom)
    {
        // Words are short: a plain loop beats the call into the vectorised comparison.
        if (atom.Length > 16)
        {
            return _atomChars.AsSpan(offset, atom.Length).SequenceEqual(atom);
        }

        var stored = _atomChars.AsSpan(offset, atom.Length);
        for (var i = 0; i < atom.Length; i++)
        {
            if (stored[i] != atom[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="FindRoot"/> for the key of a token, [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// of the document's key buffer <paramref name="keys"/>, verified with <see cref="SameKey"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindRootKey(int hash, char[] keys, int start, int length)
    {
        var slots = _rootSlots;
        var mask = slots.Length - 1;
        var i = RootIndex(hash);
        while (true)
        {
            ref readonly var s = ref slots[i];
            if (s.Child == 0)
            {
                return -1;
            }

            if (s.Hash == hash && AtomLength(s.Atom) == length && SameKey(s.Atom, keys, start, length))
            {
                return s.Child;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary><see cref="Find"/> for the key of a token below the root, as in <see cref="FindRootKey"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindKey(int nodeKey, int hash, char[] keys, int start, int length)
    {
        var mask = _slots.Length - 1;
        var i = Index(nodeKey, hash);
        while (true)
        {
            ref readonly var s = ref _slots[i];
            if (s.NodeKey == 0)
            {
                return -1;
            }

            if (s.NodeKey == nodeKey && s.Hash == hash && AtomLength(s.Atom) == length && SameKey(s.Atom, keys, start, length))
            {
                return s.Child;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>
    /// Whether the stored atom at <paramref name="offset"/> has the characters of the key at <paramref name="start"/>
    /// (same length checked by the caller): a key of up to 8 characters is compared with one vector compare and no
    /// loop (a loop's exit is a mispredicted branch for every candidate token), when the key buffer holds 8 characters
    /// from <paramref name="start"/> (the parser pads it); the atom pool is padded for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameKey(int offset, char[] keys, int start, int length)
    {
        if (Vector128.IsHardwareAccelerated && length <= Vector128<ushort>.Count && (ulong)(uint)start + (uint)Vector128<ushort>.Count <= (uint)keys.Length)
        {
            var stored = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(_atomChars)), (nuint)(uint)offset);
            var key = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(keys)), (nuint)(uint)start);
            var lanes = (1u << length) - 1;
            return (Vector128.Equals(stored, key).ExtractMostSignificantBits() & lanes) == lanes;
        }

        return SameChars(offset, keys.AsSpan(start, length));
    }

    /// <summary>Finds the child of a node along the joined parts of a compound (<c>antiterrorist</c>).</summary>
    private int FindJoined(int node, int hash, ParsedDocument doc, ReadOnlySpan<TokenPart> parts, bool folded)
    {
        if (node == 0)
        {
            var slots = _rootSlots;
            for (var r = RootIndex(hash); slots[r].Child != 0; r = (r + 1) & (slots.Length - 1))
            {
                ref readonly var rs = ref slots[r];
                if (rs.Hash == hash && JoinedEquals(_atomChars.AsSpan(rs.Atom, AtomLength(rs.Atom)), doc, parts, folded))
                {
                    return rs.Child;
                }
            }

            return -1;
        }

        var nodeKey = node * 2 + 1;
        var mask = _slots.Length - 1;
        var i = Index(nodeKey, hash);
        while (true)
        {
            ref readonly var s = ref _slots[i];
            if (s.NodeKey == 0)
            {
                return -1;
            }

            if (s.NodeKey == nodeKey && s.Hash == hash && JoinedEquals(_atomChars.AsSpan(s.Atom, AtomLength(s.Atom)), doc, parts, folded))
            {
                return s.Child;
            }

            i = (i + 1) & mask;
        }
    }

    private static bool JoinedEquals(ReadOnlySpan<char> atom, ParsedDocument doc, ReadOnlySpan<TokenPart> parts, bool folded)
    {
        var at = 0;
        foreach (ref readonly var p in parts)
        {
            var key = folded ? doc.FoldedKeyOf(p) : doc.KeyOf(p);
            if (at + key.Length > atom.Length || !atom.Slice(at, key.Length).SequenceEqual(key))
            {
                return false;
            }

            at += key.Length;
        }

        return at == atom.Length;
    }

    private static int JoinedHash(ParsedDocument doc, ReadOnlySpan<TokenPart> parts, bool folded)
    {
        var h = TokenKeyHash.Seed;
        foreach (ref readonly var p in parts)
        {
            foreach (var c in folded ? doc.FoldedKeyOf(p) : doc.KeyOf(p))
            {
                h = TokenKeyHash.Add(h, c);
            }
        }

        return h;
    }

    /// <summary>Whether some pattern's first word (not a prefix) may have this key hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStart(int hash) => (_rootFilter[(hash & (RootFilterBits - 1)) >> 6] & (1UL << hash)) != 0;

    /// <summary>Whether a first-word prefix may start this key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartWithPrefix(ReadOnlySpan<char> key)
    {
        if (!_rootPrefixes)
        {
            return false;
        }

        if (!_rootPrefixFilterUsable)
        {
            return true;
        }

        if (key.Length < 2)
        {
            return false;
        }

        var bigram = PrefixBigram(key[0], key[1]);
        return (_rootPrefixFilter[bigram >> 6] & (1UL << bigram)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixBigram(char a, char b) => ((a * 31) + b) & (RootPrefixFilterBits - 1);

    /// <summary>Whether a match may start at part <paramref name="k"/> of compound <paramref name="t"/> (only patterns that match compound parts start there).</summary>
    private bool IsPartCandidate(in Token t, int k, ParsedDocument doc)
    {
        ref readonly var p = ref doc.PartsOf(t)[k];
        return MayStart(p.KeyHash) || (_rootPrefixes && MayStartWithPrefix(doc.KeyOf(p))) || (_anyFolding && t.Has(TokenFlags.NonAscii));
    }

    /// <summary>Looks for the longest match starting at token <paramref name="token"/>, part <paramref name="part"/> (0 = the token's start).</summary>
    private bool TryMatchAt(ref Search s, int token, int part)
    {
        ref readonly var t = ref s.Tokens[token];
        s.BestEnd = -1;
        s.BestPattern = int.MaxValue;
        if (part == 0)
        {
            s.Start = t.Start;
            StepToken(ref s, 0, token, 0);
        }
        else
        {
            s.Start = s.Document.PartsOf(t)[part].Start;
            StepPart(ref s, 0, token, part, FlagPartial);
        }

        return s.BestEnd >= 0;
    }

    /// <summary>Consumes token <paramref name="i"/> from trie node <paramref name="node"/> in every reading it has.</summary>
    private void StepToken(ref Search s, int node, int i, int flags)
    {
        ref readonly var t = ref s.Tokens[i];
        var key = s.Document.KeyOf(t);
        if (node != 0 || MayStart(t.KeyHash) || (_rootPrefixes && MayStartWithPrefix(key)))
        {
            TryAtom(ref s, node, key, t.KeyHash, t.End, flags, i + 1, 0, flags, allowPrefix: true);
        }

        var nonAscii = _anyFolding && t.Has(TokenFlags.NonAscii);
        ReadOnlySpan<char> folded = default;
        if (nonAscii)
        {
            folded = s.Document.FoldedKeyOf(t);
            nonAscii = !folded.SequenceEqual(key);
            if (nonAscii)
            {
                TryAtom(ref s, node, folded, TokenKeyHash.Compute(folded), t.End, flags | FlagFolded, i + 1, 0, flags | FlagFolded, allowPrefix: true);
            }
        }

        if ((_anyHyphenVariants || _anyCompoundParts) && t.PartCount >= 2 && t.Has(TokenFlags.Hyphenated))
        {
            var parts = s.Document.PartsOf(t);
            if (_anyHyphenVariants && (_nodeFlags[node] & NodeHasExact) != 0)
            {
                JoinedReadings(ref s, node, i, parts, flags, nonAscii);
            }

            StepPart(ref s, node, i, 0, flags);
        }
    }

    /// <summary>Reads a compound as its parts written together (<c>antiterrorist</c>), folded too when that differs.</summary>
    private void JoinedReadings(ref Search s, int node, int i, ReadOnlySpan<TokenPart> parts, int flags, bool nonAscii)
    {
        var end = s.Tokens[i].End;
        var child = FindJoined(node, JoinedHash(s.Document, parts, folded: false), s.Document, parts, folded: false);
        if (child >= 0)
        {
            Arrive(ref s, child, end, flags | FlagJoined, i + 1, 0, flags | FlagJoined);
        }

        if (nonAscii)
        {
            child = FindJoined(node, JoinedHash(s.Document, parts, folded: true), s.Document, parts, folded: true);
            if (child >= 0)
            {
                Arrive(ref s, child, end, flags | FlagJoined | FlagFolded, i + 1, 0, flags | FlagJoined | FlagFolded);
            }
        }
    }

    /// <summary>Consumes part <paramref name="k"/> of compound token <paramref name="i"/>.</summary>
    private void StepPart(ref Search s, int node, int i, int k, int flags)
    {
        ref readonly var t = ref s.Tokens[i];
        var parts = s.Document.PartsOf(t);
        ref readonly var p = ref parts[k];
        var last = k == parts.Length - 1;
        var endFlags = last ? flags : flags | FlagPartial;
        var nextToken = last ? i + 1 : i;
        var nextPart = last ? 0 : k + 1;
        var key = s.Document.KeyOf(p);
        if (node != 0 || MayStart(p.KeyHash) || (_rootPrefixes && MayStartWithPrefix(key)))
        {
            TryAtom(ref s, node, key, p.KeyHash, p.End, endFlags, nextToken, nextPart, flags, allowPrefix: true);
        }

        if (_anyFolding && t.Has(TokenFlags.NonAscii))
        {
            var folded = s.Document.FoldedKeyOf(p);
            if (!folded.SequenceEqual(key))
            {
                TryAtom(ref s, node, folded, TokenKeyHash.Compute(folded), p.End, endFlags | FlagFolded, nextToken, nextPart, flags | FlagFolded, allowPrefix: true);
            }
        }
    }

    /// <summary>Follows the exact edge and every prefix edge that <paramref name="key"/> allows from <paramref name="node"/>.</summary>
    private void TryAtom(ref Search s, int node, ReadOnlySpan<char> key, int hash, int end, int endFlags, int nextToken, int nextPart, int flags, bool allowPrefix)
    {
        var nodeFlags = _nodeFlags[node];
        if ((nodeFlags & NodeHasExact) != 0)
        {
            var child = Find(node * 2 + 1, hash, key);
            if (child >= 0)
            {
                Arrive(ref s, child, end, endFlags, nextToken, nextPart, flags);
            }
        }

        if (allowPrefix && (nodeFlags & NodeHasPrefix) != 0)
        {
            var h = TokenKeyHash.Seed;
            var at = 0;
            for (var x = _prefixLengthStart[node]; x < _prefixLengthStart[node + 1]; x++)
            {
                var length = _prefixLengths[x];
                if (length > key.Length)
                {
                    break;
                }

                while (at < length)
                {
                    h = TokenKeyHash.Add(h, key[at++]);
                }

                var child = Find(node * 2 + 2, h, key[..length]);
                if (child >= 0 && !key[length..].Contains('-'))
                {
                    Arrive(ref s, child, end, endFlags, nextToken, nextPart, flags);
                }
            }
        }
    }

    /// <summary>Records the best pattern ending at <paramref name="end"/> in <paramref name="child"/> and walks on.</summary>
    private void Arrive(ref Search s, int child, int end, int endFlags, int nextToken, int nextPart, int flags)
    {
        if (end >= s.BestEnd)
        {
            for (var x = _terminalStart[child]; x < _terminalStart[child + 1]; x++)
            {
                var pattern = _terminals[x];
                if (end == s.BestEnd && pattern >= s.BestPattern)
                {
                    break;
                }

                if (Accepts(ref s, pattern, endFlags, end))
                {
                    s.BestEnd = end;
                    s.BestPattern = pattern;
                    s.BestNextToken = nextToken;
                    s.BestNextPart = nextPart;
                    break;
                }
            }
        }

        if ((_nodeFlags[child] & (NodeHasExact | NodeHasPrefix)) == 0)
        {
            return;
        }

        if (nextPart > 0)
        {
            StepPart(ref s, child, nextToken, nextPart, flags | FlagSplit);
        }
        else if (nextToken < s.Tokens.Length)
        {
            StepToken(ref s, child, nextToken, flags);
        }
    }

    /// <summary>
    /// Walks the trie from the root along tokens that have no reading but their key (no compound, nothing to fold,
    /// no prefix edge on the way), keeping the longest accepted pattern. Returns <see langword="false"/> when the walk
    /// meets anything else, and the caller runs the general search from the same token instead.
    /// </summary>
    /// <param name="tokens">The document's tokens.</param>
    /// <param name="document">The document.</param>
    /// <param name="start">The first token (plain, its hash in the root filter).</param>
    /// <param name="end">The end of the longest match found.</param>
    /// <param name="pattern">Its pattern, or -1 when there is none.</param>
    /// <param name="next">The token after it.</param>
    private bool WalkPlain(ReadOnlySpan<Token> tokens, ParsedDocument document, int start, out int end, out int pattern, out int next)
    {
        end = -1;
        pattern = -1;
        next = start + 1;
        var text = document.Text;
        ref readonly var first = ref tokens[start];
        var from = first.Start;
        var keys = document.KeyBuffer;
        var node = FindRootKey(first.KeyHash, keys, first.Start, first.Length);
        var j = start;
        while (node >= 0)
        {
            var accepted = _plainTerminal[node];
            if (accepted == -2)
            {
                accepted = FirstAccepted(node, text, from, tokens[j].End);
            }

            if (accepted >= 0)
            {
                end = tokens[j].End;
                pattern = accepted;
                next = j + 1;
            }

            var flags = _nodeFlags[node];
            if ((flags & NodeHasPrefix) != 0)
            {
                // A prefix edge below the root needs the general search.
                return false;
            }

            if ((flags & NodeHasExact) == 0 || ++j == tokens.Length)
            {
                break;
            }

            ref readonly var t = ref tokens[j];
            if ((_anyFolding && t.Has(TokenFlags.NonAscii)) || ((_anyHyphenVariants || _anyCompoundParts) && t.PartCount >= 2))
            {
                return false;
            }

            node = FindKey(node * 2 + 1, t.KeyHash, keys, t.Start, t.Length);
        }

        return true;
    }

    /// <summary>The first pattern of a leaf node that a plain reading (no flags) of [start, end) satisfies, or -1.</summary>
    private int FirstAccepted(int node, string text, int start, int end)
    {
        for (var x = _terminalStart[node]; x < _terminalStart[node + 1]; x++)
        {
            var pattern = _terminals[x];
            var o = _options[pattern];
            if ((o & MatchOptions.CaseSensitive) == 0
                || CaseMatches(_caseTexts[pattern]!, text.AsSpan(start, end - start), (o & MatchOptions.FoldDiacritics) != 0, _prefixPatterns[pattern]))
            {
                return pattern;
            }
        }

        return -1;
    }

    private bool Accepts(ref Search s, int pattern, int flags, int end)
    {
        var o = _options[pattern];
        if ((flags & (FlagSplit | FlagJoined)) != 0 && (o & MatchOptions.HyphenVariants) == 0)
        {
            return false;
        }

        if ((flags & FlagPartial) != 0 && (o & MatchOptions.MatchCompoundParts) == 0)
        {
            return false;
        }

        if ((flags & FlagFolded) != 0 && (o & MatchOptions.FoldDiacritics) == 0)
        {
            return false;
        }

        return (o & MatchOptions.CaseSensitive) == 0
            || CaseMatches(_caseTexts[pattern]!, s.Document.Text.AsSpan(s.Start, end - s.Start), (o & MatchOptions.FoldDiacritics) != 0, _prefixPatterns[pattern]);
    }

    /// <summary>Whether the letters and digits of <paramref name="span"/> are exactly (or, for a prefix pattern, start with) <paramref name="expected"/>.</summary>
    private static bool CaseMatches(string expected, ReadOnlySpan<char> span, bool foldDiacritics, bool prefix)
    {
        var at = 0;
        foreach (var c in span)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            if (at == expected.Length)
            {
                return prefix;
            }

            if ((foldDiacritics ? FoldDiacriticsKeepCase(c) : c) != expected[at++])
            {
                return false;
            }
        }

        return at == expected.Length;
    }

    /// <summary>An edge from the root: key hash → child (never 0, which marks an empty slot), atom as in <see cref="Slot"/>.</summary>
    private readonly record struct RootSlot(int Hash, int Child, int Atom);

    /// <summary>An edge: (node, key hash) → child, with the atom's characters at offset <c>Atom</c> of the atom pool (its length just before).</summary>
    private readonly record struct Slot(int NodeKey, int Hash, int Child, int Atom);

    /// <summary>The length of the atom whose characters start at <paramref name="offset"/> of the pool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AtomLength(int offset) => _atomChars[offset - 1];

    /// <summary>The state of one search: the document's tables and the best match found so far.</summary>
    private ref struct Search
    {
        public ReadOnlySpan<Token> Tokens;
        public ParsedDocument Document;
        public int Start;
        public int BestEnd;
        public int BestPattern;
        public int BestNextToken;
        public int BestNextPart;
    }

    /// <summary>Enumerates the matches of a <see cref="PhraseMatcher"/> in one document without allocating.</summary>
    public ref struct MatchEnumerator
    {
        private readonly PhraseMatcher _matcher;
        private Search _search;
        private int _token;
        private int _part;

        internal MatchEnumerator(PhraseMatcher matcher, ParsedDocument document)
        {
            _matcher = matcher;
            _search = new Search { Tokens = document.Tokens, Document = document };
            _token = 0;
            _part = 0;
            Current = default;
        }

        /// <summary>The current match.</summary>
        public PhraseMatch Current { get; private set; }

        /// <summary>Returns this enumerator (for <see langword="foreach"/>).</summary>
        public readonly MatchEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next match.</summary>
        public bool MoveNext()
        {
            var tokens = _search.Tokens;
            var document = _search.Document;
            var m = _matcher;
            var filter = m._rootFilter;
            var otherFlags = m._anyFolding ? TokenFlags.NonAscii : TokenFlags.None;
            var partsMatter = m._anyHyphenVariants || m._anyCompoundParts;
            var prefixes = m._rootPrefixes;
            while (_token < tokens.Length)
            {
                bool candidate;
                if (_part == 0)
                {
                    // Skip, in registers, the tokens no match can start at: most of them.
                    if (!prefixes)
                    {
                        var i = _token;
                        while (i < tokens.Length)
                        {
                            ref readonly var x = ref tokens[i];
                            if ((filter[(x.KeyHash & (RootFilterBits - 1)) >> 6] & (1UL << x.KeyHash)) != 0 || (x.Flags & otherFlags) != 0 || (partsMatter && x.PartCount >= 2))
                            {
                                break;
                            }

                            i++;
                        }

                        _token = i;
                        if (i == tokens.Length)
                        {
                            break;
                        }
                    }

                    ref readonly var t = ref tokens[_token];
                    var key = document.KeyOf(t);
                    var exact = m.MayStart(t.KeyHash);
                    var other = (m._rootPrefixes && m.MayStartWithPrefix(key))
                        || (m._anyFolding && t.Has(TokenFlags.NonAscii))
                        || ((m._anyHyphenVariants || m._anyCompoundParts) && t.PartCount >= 2);
                    if (!other)
                    {
                        // The common case: the token can only be read as its key, so its one trie edge decides.
                        if (!exact)
                        {
                            _token++;
                            continue;
                        }

                        var walked = m.WalkPlain(tokens, document, _token, out var end, out var pattern, out var next);
                        if (walked)
                        {
                            if (pattern >= 0)
                            {
                                Current = new PhraseMatch(t.Start, end - t.Start, m._payloads[pattern], pattern);
                                _token = next;
                                return true;
                            }

                            _token++;
                            continue;
                        }
                    }

                    candidate = true;
                }
                else
                {
                    candidate = m.IsPartCandidate(tokens[_token], _part, document);
                }

                if (candidate && m.TryMatchAt(ref _search, _token, _part))
                {
                    var pattern = _search.BestPattern;
                    Current = new PhraseMatch(_search.Start, _search.BestEnd - _search.Start, m._payloads[pattern], pattern);
                    _token = _search.BestNextToken;
                    _part = _search.BestNextPart;
                    return true;
                }

                // Advance: into the parts of a compound only when some pattern may match part of one.
                ref readonly var current = ref tokens[_token];
                if (m._anyCompoundParts && current.PartCount >= 2 && current.Has(TokenFlags.Hyphenated) && _part + 1 < current.PartCount)
                {
                    _part++;
                }
                else
                {
                    _token++;
                    _part = 0;
                }
            }

            return false;
        }
    }
}
