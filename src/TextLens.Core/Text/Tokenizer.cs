using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TextLens.Text;

/// <summary>
/// Splits a text into tokens in one left-to-right pass, writing each token's case-folded key into
/// <see cref="ParsedDocument.KeyBuffer"/> at the token's own offsets and hashing it while folding.
/// </summary>
/// <remarks>
/// <para>
/// Every UTF-16 code unit is classified by one lookup in a 64 K table built once from the Unicode categories
/// (<see cref="Classify(int)"/>): the byte holds a role (letter, digit, mark, space, punctuation, quote, ...) and
/// upper/lower/digit bits. ASCII text only ever touches the first 128 entries, and ASCII letters are folded with
/// one bit operation; other characters go through <see cref="CharFolding.FoldCase(char)"/>. Supplementary
/// characters (surrogate pairs) are classified by code point and never split.
/// </para>
/// <para>
/// Rules, in the order they apply inside a word: letters, digits and combining marks continue a word;
/// <c>-</c> (and U+2010, U+2011) between two word characters joins a compound (<see cref="TokenFlags.Hyphenated"/>,
/// parts recorded); <c>.</c> or <c>,</c> between digits continues a number (<c>2,728</c>, <c>1.5</c>); <c>.</c>
/// between a word and a letter joins a dotted name (<c>Caliber.Az</c>, <see cref="TokenFlags.Dotted"/>); an
/// apostrophe before a letter stays inside (<c>don't</c>, <c>O'Brien</c>) unless it starts a final <c>'s</c>,
/// which becomes a <see cref="TokenKind.Clitic"/> token; a bare apostrophe after a final <c>s</c> followed by a
/// non-letter is a clitic too (<c>separatists’</c>). A word that is a single capital letter, a run of
/// single letters joined by dots (<c>U.S</c>, <c>e.g</c>) or a listed abbreviation keeps the period after it
/// (<see cref="TokenFlags.Abbreviation"/>). Words that begin with <c>http://</c>, <c>https://</c>, <c>ftp://</c>
/// or <c>www.</c> are URLs up to the next space or quotation mark, without trailing sentence punctuation;
/// <c>local@domain.tld</c> is an e-mail address. Quotation marks and apostrophes outside words are
/// <see cref="TokenKind.QuoteMark"/> tokens; every other punctuation character or symbol is a token of one
/// character (a symbol keeps the combining marks and variation selectors that follow it). Control and
/// format characters (BOM, zero-width space, bidi marks) separate tokens without being tokens; zero-width
/// joiners and the soft hyphen between two word characters stay inside the word.
/// </para>
/// </remarks>
internal static class Tokenizer
{
    internal const int UpperBit = 1;
    internal const int LowerBit = 2;
    internal const int DigitBit = 4;

    internal const int RoleLetter = 0;
    internal const int RoleDigit = 1;
    internal const int RoleMark = 2;
    internal const int RoleSpace = 3;
    internal const int RoleLineBreak = 4;
    internal const int RolePunct = 5;
    internal const int RoleTerminator = 6;
    internal const int RolePeriod = 7;
    internal const int RoleComma = 8;
    internal const int RoleHyphen = 9;
    internal const int RoleApostrophe = 10;
    internal const int RoleJoiner = 11;
    internal const int RoleSymbol = 12;
    internal const int RoleQuote = 13;
    internal const int RoleAt = 14;
    internal const int RoleSkip = 15;
    internal const int RoleHighSurrogate = 16;
    internal const int RoleLoneSurrogate = 17;

    /// <summary>Flags of the first token after a line break (and of the first token of the text).</summary>
    private const TokenFlags LineStart = TokenFlags.SpaceBefore | TokenFlags.ParagraphStart | TokenFlags.SentenceStart;

    /// <summary>Class bytes below this are word characters (letter, digit, mark).</summary>
    private const int WordLimit = RoleSpace << 3;

    /// <summary>Class bytes below this start a word (letter, digit).</summary>
    private const int WordStartLimit = RoleMark << 3;

    /// <summary>Values of <see cref="AsciiWordClasses"/> at or above this end the ASCII loop of <see cref="Tokenize"/>.</summary>
    private const int AsciiPlainEnd = 0x40;

    /// <summary>An <see cref="AsciiWordClasses"/> value: the character ends the ASCII loop and the word needs the full rules.</summary>
    private const int AsciiSlowEnd = 0x80;

    /// <summary>An <see cref="AsciiWordClasses"/> value: a comma, which ends a word (not a number) without any further rule.</summary>
    private const int AsciiCommaEnd = 0x81;

    /// <summary>An <see cref="AsciiWordClasses"/> value: a period, which ends a word of more than five letters not followed by a letter without any further rule.</summary>
    private const int AsciiPeriodEnd = 0x82;

    private static readonly byte[] Classes = BuildClassTable();

    /// <summary>
    /// For the ASCII loop of <see cref="Tokenize"/>: the class bits of an ASCII letter or digit (below 8),
    /// <see cref="AsciiPlainEnd"/> for a character that ends a word without any further rule, <see cref="AsciiSlowEnd"/>
    /// for everything else (other scripts, the separators that may join, and the colon of <c>http:</c>).
    /// </summary>
    private static readonly byte[] AsciiWordClasses = BuildAsciiWordTable();

    /// <summary>
    /// Tokenizes <paramref name="s"/> (the text of the document <paramref name="doc"/> was reset for) into the
    /// document's token, part, key and marker tables, and sets <see cref="ParsedDocument.WordCount"/>.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> s, ParsedDocument doc)
    {
        var keys = doc.KeyBuffer.AsSpan(0, s.Length);
        ref var table = ref MemoryMarshal.GetArrayDataReference(Classes);
        var n = s.Length;
        var i = 0;
        var words = 0;
        var space = LineStart;
        ref var src = ref MemoryMarshal.GetReference(s);
        ref var dst = ref MemoryMarshal.GetReference(keys);
        ref var ascii = ref MemoryMarshal.GetArrayDataReference(AsciiWordClasses);
        while (i < n)
        {
            var c = s[i];
            int k = Unsafe.Add(ref table, c);
            if (k < WordStartLimit)
            {
                // The common word: a run of ASCII letters and digits, folded (c | 0x20 lower-cases an ASCII letter
                // and keeps a digit) and hashed in a loop that keeps its few values in registers.
                var start = i;
                if (Vector256.IsHardwareAccelerated && n - i > Vector256<ushort>.Count)
                {
                    // Up to 15 ASCII letters and digits measured with one vector compare, folded with one store and
                    // hashed without a branch on the length: the word's end costs no mispredicted loop exit.
                    var run = VectorRun(ref src, ref dst, i);
                    if (run.Length != 0)
                    {
                        i += run.Length;
                        var end = Unsafe.Add(ref ascii, Unsafe.Add(ref src, i));
                        if (end != AsciiPlainEnd && !EndsWordPlainly(s, start, i, k, end))
                        {
                            i = SlowWord(s, keys, doc, start, k, space, ref words, i, run.Hash, run.Bits);
                            space = TokenFlags.None;
                            continue;
                        }

                        EmitAsciiWord(s, doc, start, i, k, space, run.Hash, run.Bits, words);
                        words++;
                        space = TokenFlags.None;
                        continue;
                    }
                }

                var h = TokenKeyHash.Seed;
                var bits = 0;
                int x;
                while (true)
                {
                    var rc = Unsafe.Add(ref src, i);
                    x = Unsafe.Add(ref ascii, rc);
                    if (x >= AsciiPlainEnd)
                    {
                        break;
                    }

                    var f = (char)(rc | 0x20);
                    Unsafe.Add(ref dst, i) = f;
                    h = TokenKeyHash.Add(h, f);
                    bits |= x;
                    if (++i == n)
                    {
                        x = AsciiPlainEnd;
                        break;
                    }
                }

                if (x != AsciiPlainEnd && !EndsWordPlainly(s, start, i, k, x))
                {
                    // Another script, a separator that may join, a URL, a number or a short word before a period: the full rules.
                    i = SlowWord(s, keys, doc, start, k, space, ref words, i, h, bits);
                    space = TokenFlags.None;
                    continue;
                }

                EmitAsciiWord(s, doc, start, i, k, space, h, bits, words);
                words++;
                space = TokenFlags.None;
                continue;
            }

            var role = k >> 3;
            if (role == RoleSpace)
            {
                i++;
                space |= TokenFlags.SpaceBefore;
                continue;
            }

            if (role == RoleLineBreak)
            {
                i++;
                space = LineStart;
                continue;
            }

            if (role is RoleSkip or RoleJoiner)
            {
                // Format and control characters are transparent: they neither make a token nor count as space.
                i++;
                continue;
            }

            if (role == RoleHighSurrogate && i + 1 < n && char.IsLowSurrogate(s[i + 1]))
            {
                var pk = Classify(char.ConvertToUtf32(c, s[i + 1]));
                if (pk >> 3 == RoleSkip)
                {
                    i += 2;
                    continue;
                }

                if (pk < WordStartLimit)
                {
                    i = ScanWord(s, keys, doc, i, pk, space, ref words, i, TokenKeyHash.Seed, 0, 0);
                    space = TokenFlags.None;
                    continue;
                }

                MarkLineStart(doc, space, words);
                var kind = (pk >> 3) is RolePunct or RoleTerminator or RolePeriod or RoleComma or RoleHyphen ? TokenKind.Punctuation : TokenKind.Symbol;
                i = EmitSymbol(s, keys, doc, i, i + 2, kind, space);
                space = TokenFlags.None;
                continue;
            }

            MarkLineStart(doc, space, words);
            switch (role)
            {
                case RolePunct:
                case RoleComma:
                case RoleHyphen:
                    EmitChar(keys, doc, i, c, TokenKind.Punctuation, space);
                    i++;
                    break;
                case RoleTerminator:
                case RolePeriod:
                    MarkToken(doc, space, words);
                    EmitChar(keys, doc, i, c, TokenKind.Punctuation, space);
                    i++;
                    break;
                case RoleQuote:
                    MarkToken(doc, space, words);
                    EmitChar(keys, doc, i, c, TokenKind.QuoteMark, space);
                    i++;
                    break;
                case RoleApostrophe:
                    if (c == '\u02BC')
                    {
                        EmitChar(keys, doc, i, c, TokenKind.Punctuation, space);
                    }
                    else
                    {
                        MarkToken(doc, space, words);
                        EmitChar(keys, doc, i, c, TokenKind.QuoteMark, space);
                    }

                    i++;
                    break;
                case RoleAt:
                    var emailEnd = TryEmail(s, keys, doc, i, ref words);
                    if (emailEnd > 0)
                    {
                        i = emailEnd;
                    }
                    else
                    {
                        EmitChar(keys, doc, i, c, TokenKind.Symbol, space);
                        i++;
                    }

                    break;
                default:
                    // Symbols, lone surrogates and combining marks with no letter before them.
                    i = EmitSymbol(s, keys, doc, i, i + 1, TokenKind.Symbol, space);
                    break;
            }

            space = TokenFlags.None;
        }

        doc.WordCount = words;
    }

    /// <summary>Records a marker for the next token when it starts a line (paragraph).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkLineStart(ParsedDocument doc, TokenFlags flags, int words)
    {
        if ((flags & TokenFlags.ParagraphStart) != 0)
        {
            doc.AddMarker(doc.TokenTableCount, words);
        }
    }

    /// <summary>Records a marker for the next token unless <see cref="MarkLineStart"/> already did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkToken(ParsedDocument doc, TokenFlags flags, int words)
    {
        if ((flags & TokenFlags.ParagraphStart) == 0)
        {
            doc.AddMarker(doc.TokenTableCount, words);
        }
    }

    /// <summary>Cheap test of the first letters of <c>http</c>, <c>ftp:</c> and <c>www.</c> before the real check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayStartUrl(ReadOnlySpan<char> s, int i, char c)
    {
        if (i + 4 >= s.Length)
        {
            return false;
        }

        var c1 = s[i + 1] | 0x20;
        return (c | 0x20) switch
        {
            'h' => c1 == 't' && (s[i + 2] | 0x20) == 't' && (s[i + 3] | 0x20) == 'p',
            'w' => c1 == 'w' && (s[i + 2] | 0x20) == 'w' && s[i + 3] == '.',
            'f' => c1 == 't' && (s[i + 2] | 0x20) == 'p' && s[i + 3] == ':',
            _ => false,
        };
    }

    /// <summary>Class byte of the character (or surrogate pair) at <paramref name="index"/>; <see cref="RoleSpace"/> past the end.</summary>
    internal static int ClassAt(ReadOnlySpan<char> s, int index)
    {
        if ((uint)index >= (uint)s.Length)
        {
            return RoleSpace << 3;
        }

        var c = s[index];
        int k = Classes[c];
        if (k >> 3 == RoleHighSurrogate && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            return Classify(char.ConvertToUtf32(c, s[index + 1]));
        }

        return k;
    }

    /// <summary>Class byte of one UTF-16 code unit (a high surrogate has role <see cref="RoleHighSurrogate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ClassOf(char c) => Classes[c];

    /// <summary>The role of a class byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int RoleOf(int classByte) => classByte >> 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordCharAt(ReadOnlySpan<char> s, int index) => ClassAt(s, index) < WordLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordStartAt(ReadOnlySpan<char> s, int index) => ClassAt(s, index) < WordStartLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterAt(ReadOnlySpan<char> s, int index) => ClassAt(s, index) < 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigitAt(ReadOnlySpan<char> s, int index) => ClassAt(s, index) >> 3 == RoleDigit;

    /// <summary>
    /// Whether the ASCII character at <paramref name="end"/> after the ASCII run [<paramref name="start"/>,
    /// <paramref name="end"/>), which the ASCII table gave <paramref name="endClass"/> (not <see cref="AsciiPlainEnd"/>),
    /// ends the word as plainly as white space would: a comma after a word that is not a number, or a period after a word
    /// of more than five characters (never an abbreviation) when no letter follows (no dotted name). Everything
    /// <see cref="ScanWord"/> would add then is nothing: no part, no dot, no clitic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsWordPlainly(ReadOnlySpan<char> s, int start, int end, int first, int endClass)
    {
        if (first >= 8)
        {
            return false;
        }

        return endClass == AsciiCommaEnd || (endClass == AsciiPeriodEnd && end - start > 5 && !IsLetterAt(s, end + 1));
    }

    /// <summary>
    /// Measures, folds and hashes the run of ASCII letters and digits at <paramref name="i"/> when it is 1 to 15
    /// characters long (at least 17 characters must remain in the text); returns a length of 0 otherwise (a longer
    /// run, or a character outside ASCII first), and the caller takes the scalar loop. Writes the folded characters
    /// of the 16 at <paramref name="i"/> into the key buffer (those after the run are overwritten by whatever token
    /// covers them; no other position is read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static VectorRunResult VectorRun(ref char src, ref char dst, int i)
    {
        ref var at = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref src, i));
        var v = Vector256.LoadUnsafe(ref at);
        var folded = v | Vector256.Create((ushort)0x20);
        var letter = Vector256.LessThanOrEqual(folded - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
        var digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        var upper = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)('Z' - 'A')));
        var wordMask = (letter | digit).ExtractMostSignificantBits();
        var length = BitOperations.TrailingZeroCount(~wordMask);
        if (length - 1 >= 15)
        {
            return default;
        }

        folded.StoreUnsafe(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref dst, i)));
        var runMask = (1u << length) - 1;
        var uppers = upper.ExtractMostSignificantBits() & runMask;
        var lowers = letter.ExtractMostSignificantBits() & runMask & ~uppers;
        var digits = digit.ExtractMostSignificantBits() & runMask;
        var bits = (uppers != 0 ? UpperBit : 0) | (lowers != 0 ? LowerBit : 0) | (digits != 0 ? DigitBit : 0);

        // FNV-1a of the first 8 characters into a small table, then of the next 7 when the run is longer; the hash of
        // the run is the entry at its length. Characters after the run are hashed and ignored.
        var hashes = default(RunHashes);
        ref var slot = ref hashes[0];
        var h = TokenKeyHash.Seed;
        h = HashStep(ref slot, ref at, h, 0);
        h = HashStep(ref slot, ref at, h, 1);
        h = HashStep(ref slot, ref at, h, 2);
        h = HashStep(ref slot, ref at, h, 3);
        h = HashStep(ref slot, ref at, h, 4);
        h = HashStep(ref slot, ref at, h, 5);
        h = HashStep(ref slot, ref at, h, 6);
        h = HashStep(ref slot, ref at, h, 7);
        if (length > 8)
        {
            h = HashStep(ref slot, ref at, h, 8);
            h = HashStep(ref slot, ref at, h, 9);
            h = HashStep(ref slot, ref at, h, 10);
            h = HashStep(ref slot, ref at, h, 11);
            h = HashStep(ref slot, ref at, h, 12);
            h = HashStep(ref slot, ref at, h, 13);
            HashStep(ref slot, ref at, h, 14);
        }

        return new VectorRunResult(length, Unsafe.Add(ref slot, length - 1), bits);
    }

    /// <summary>Adds the folded character <paramref name="j"/> of the run to <paramref name="h"/> and records the hash of the prefix up to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashStep(ref int slot, ref ushort at, int h, int j)
    {
        h = TokenKeyHash.Add(h, (char)(Unsafe.Add(ref at, j) | 0x20));
        Unsafe.Add(ref slot, j) = h;
        return h;
    }

    /// <summary>The running hashes of <see cref="VectorRun"/>, one per prefix length.</summary>
    [InlineArray(16)]
    private struct RunHashes
    {
        private int _first;
    }

    /// <summary>What <see cref="VectorRun"/> found: the run's length (0: none), hash and class bits.</summary>
    private readonly record struct VectorRunResult(int Length, int Hash, int Bits);

    /// <summary>
    /// Emits a word the ASCII loop of <see cref="Tokenize"/> could not finish: it stopped at <paramref name="i"/>
    /// (hash <paramref name="h"/>, class bits <paramref name="bits"/> of [<paramref name="start"/>, <paramref name="i"/>))
    /// on a character outside ASCII, a separator that may join (<c>. , - '</c>) or a colon (after <c>http</c>).
    /// Checks for a URL first, then continues in <see cref="ScanWord"/>. Returns the index after the token(s).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SlowWord(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int start, int first, TokenFlags flags, ref int words, int i, int h, int bits)
    {
        if (first < 8 && MayStartUrl(s, start, s[start]))
        {
            var urlEnd = TryUrl(s, start);
            if (urlEnd > 0)
            {
                MarkLineStart(doc, flags, words);
                return EmitSpan(s, keys, doc, start, urlEnd, TokenKind.Url, flags);
            }
        }

        return ScanWord(s, keys, doc, start, first, flags, ref words, i, h, CountUppers(s, start, i), bits);
    }

    /// <summary>The number of ASCII capitals in [start, end).</summary>
    private static int CountUppers(ReadOnlySpan<char> s, int start, int end)
    {
        var uppers = 0;
        foreach (var c in s[start..end])
        {
            uppers += c is >= 'A' and <= 'Z' ? 1 : 0;
        }

        return uppers;
    }

    /// <summary>
    /// Emits the plain ASCII word or number [<paramref name="start"/>, <paramref name="end"/>) that <see cref="Tokenize"/>
    /// folded and hashed (<paramref name="h"/>) in its ASCII loop or with <see cref="VectorRun"/>, whose first character has class
    /// <paramref name="first"/> and whose characters' class bits are <paramref name="bits"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitAsciiWord(ReadOnlySpan<char> s, ParsedDocument doc, int start, int end, int first, TokenFlags flags, int h, int bits, int words)
    {
        // Capitalized is the upper bit of the first character, HasDigit the digit bit of any (see the asserts in the class table).
        flags |= (TokenFlags)((first & UpperBit) | ((bits & DigitBit) << 8));
        if ((bits & (UpperBit | LowerBit)) == UpperBit && CountUppers(s, start, end) >= 2)
        {
            flags |= TokenFlags.AllCaps;
        }

        if ((flags & TokenFlags.ParagraphStart) != 0)
        {
            doc.AddMarker(doc.TokenTableCount, words);
        }

        // The kind is the role of the first character: RoleLetter (0) is TokenKind.Word, RoleDigit (1) TokenKind.Number.
        doc.AddToken(start, end - start, (TokenKind)(first >> 3), flags, h);
    }

    /// <summary>
    /// Scans the rest of a word or number that starts at <paramref name="start"/>, from <paramref name="i"/> where a
    /// first ASCII run stopped (with its hash and letter accumulators), emits it and any clitic after it.
    /// </summary>
    /// <remarks>
    /// ASCII letters and digits are folded and hashed by <see cref="AsciiRun"/>, a small leaf loop whose state the
    /// JIT keeps in registers; everything rarer (other scripts, separators, compound parts) runs here.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanWord(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int start, int first, TokenFlags flags, ref int words, int i, int h, int uppers, int bits)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(Classes);
        var n = s.Length;
        var all = 0;
        var shape = new WordShape(start, first >> 3 == RoleDigit);
        while (i < n)
        {

            // A letter or digit of another script, a surrogate pair, or a separator that may join.
            int width;
            int wk = Unsafe.Add(ref table, s[i]);
            if (wk < WordLimit)
            {
                width = 1;
            }
            else if (wk >> 3 == RoleHighSurrogate && (wk = ClassAt(s, i)) < WordLimit)
            {
                width = 2;
            }
            else
            {
                var role = Unsafe.Add(ref table, s[i]) >> 3;
                if (role < RolePeriod || role > RoleJoiner || !shape.Joins(s, keys, doc, i))
                {
                    break;
                }

                width = 1;
                wk = 0;
            }

            uppers += wk & UpperBit;
            bits |= wk;
            for (var end = i + width; i < end; i++)
            {
                var c = s[i];
                var f = CharFolding.FoldCase(c);
                keys[i] = f;
                h = TokenKeyHash.Add(h, f);
                all |= c;
            }

            (i, h, uppers, bits) = AsciiRun(s, keys, i, h, uppers, bits);
        }

        var kind = shape.IsNumber ? TokenKind.Number : TokenKind.Word;
        var hyphenated = shape.FirstPart >= 0;
        if (hyphenated)
        {
            doc.AddPart(new TokenPart(shape.PartStart, i - shape.PartStart, TokenKeyHash.Compute(keys[shape.PartStart..i])));
        }
        else if (kind == TokenKind.Word && i < n && s[i] == '.'
            && IsAbbreviation(keys, start, i, shape.Dotted ? Math.Max(shape.LongestSegment, i - shape.SegmentStart) : 0, (first & UpperBit) != 0, uppers, bits))
        {
            keys[i] = '.';
            h = TokenKeyHash.Add(h, '.');
            i++;
            flags |= TokenFlags.Abbreviation;
        }

        if ((first & UpperBit) != 0)
        {
            flags |= TokenFlags.Capitalized;
        }

        if (uppers >= 2 && (bits & LowerBit) == 0 && !HasCaselessLetter(s, start, i))
        {
            flags |= TokenFlags.AllCaps;
        }

        if (all >= 128)
        {
            flags |= TokenFlags.NonAscii;
        }

        if ((bits & DigitBit) != 0)
        {
            flags |= TokenFlags.HasDigit;
        }

        if (shape.Dotted)
        {
            flags |= TokenFlags.Dotted;
        }

        if (hyphenated)
        {
            flags |= TokenFlags.Hyphenated;
        }

        if ((flags & (TokenFlags.ParagraphStart | TokenFlags.Abbreviation)) != 0)
        {
            doc.AddMarker(doc.TokenTableCount, words);
        }

        doc.AddToken(start, i - start, kind, flags, h, hyphenated ? shape.FirstPart : 0, hyphenated ? doc.PartTableCount - shape.FirstPart : 0);
        words++;

        // A possessive or contraction 's, or a bare apostrophe after a final s (separatists’), is a clitic.
        if (i < n && Unsafe.Add(ref table, s[i]) >> 3 == RoleApostrophe && s[i] != '\u02BC')
        {
            return Clitic(s, keys, doc, i, words);
        }

        return i;
    }

    /// <summary>
    /// Folds and hashes the run of ASCII letters and digits at <paramref name="i"/>, continuing <paramref name="hash"/>;
    /// <paramref name="uppers"/> counts capitals and <paramref name="bits"/> accumulates the class bits.
    /// </summary>
    private static AsciiRunResult AsciiRun(ReadOnlySpan<char> s, Span<char> keys, int i, int hash, int uppers, int bits)
    {
        // keys is at least as long as s (the tokenizer slices the key buffer to the text length).
        ref var src = ref MemoryMarshal.GetReference(s);
        ref var dst = ref MemoryMarshal.GetReference(keys);
        ref var table = ref MemoryMarshal.GetArrayDataReference(Classes);
        var n = s.Length;
        var h = hash;
        var u = uppers;
        var b = bits;
        while ((uint)i < (uint)n)
        {
            var c = Unsafe.Add(ref src, i);
            if (c >= 128)
            {
                break;
            }

            int k = Unsafe.Add(ref table, c);
            if (k >= WordLimit)
            {
                break;
            }

            var f = (char)(c | ((k & UpperBit) << 5));
            Unsafe.Add(ref dst, i) = f;
            h = TokenKeyHash.Add(h, f);
            u += k & UpperBit;
            b |= k;
            i++;
        }

        return new AsciiRunResult(i, h, u, b);
    }

    /// <summary>Where an ASCII run ended, and the hash and letter accumulator after it (returned in registers).</summary>
    private readonly record struct AsciiRunResult(int End, int Hash, int Uppers, int Bits);

    /// <summary>Emits the clitic that starts with the apostrophe at <paramref name="i"/>, if there is one.</summary>
    private static int Clitic(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int i, int words)
    {
        if (i + 1 < s.Length && (s[i + 1] | 0x20) == 's' && !IsWordCharAt(s, i + 2))
        {
            return EmitSpan(s, keys, doc, i, i + 2, TokenKind.Clitic, TokenFlags.None);
        }

        if ((s[i - 1] | 0x20) == 's' && !IsWordCharAt(s, i + 1))
        {
            doc.AddMarker(doc.TokenTableCount, words);
            return EmitSpan(s, keys, doc, i, i + 1, TokenKind.Clitic, TokenFlags.None);
        }

        return i;
    }

    /// <summary>Whether [start, end) holds a letter without case (so the token cannot be all capitals).</summary>
    private static bool HasCaselessLetter(ReadOnlySpan<char> s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (ClassAt(s, i) == (RoleLetter << 3))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a word scan learned about separators: compound parts, dotted segments, number or word.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct WordShape
    {
        public readonly bool IsNumber;
        public int FirstPart;
        public int PartStart;
        public int SegmentStart;
        public int LongestSegment;
        public bool Dotted;

        public WordShape(int start, bool isNumber)
        {
            IsNumber = isNumber;
            FirstPart = -1;
            PartStart = start;
            SegmentStart = start;
            LongestSegment = 0;
            Dotted = false;
        }

        /// <summary>Whether the separator at <paramref name="i"/> (hyphen, period, comma, apostrophe or joiner) continues the word; records parts and segments.</summary>
        public bool Joins(ReadOnlySpan<char> s, ReadOnlySpan<char> keys, ParsedDocument doc, int i)
        {
            switch (Classes[s[i]] >> 3)
            {
                case RoleHyphen:
                    if (!IsWordStartAt(s, i + 1))
                    {
                        return false;
                    }

                    if (FirstPart < 0)
                    {
                        FirstPart = doc.PartTableCount;
                    }

                    doc.AddPart(new TokenPart(PartStart, i - PartStart, TokenKeyHash.Compute(keys[PartStart..i])));
                    PartStart = i + 1;
                    return true;
                case RolePeriod:
                    if (IsNumber)
                    {
                        return IsDigitAt(s, i - 1) && IsDigitAt(s, i + 1);
                    }

                    if (!IsLetterAt(s, i + 1))
                    {
                        return false;
                    }

                    Dotted = true;
                    LongestSegment = Math.Max(LongestSegment, i - SegmentStart);
                    SegmentStart = i + 1;
                    return true;
                case RoleComma:
                    return IsNumber && IsDigitAt(s, i - 1) && IsDigitAt(s, i + 1);
                case RoleApostrophe:
                    // Inner apostrophe (don't, O'Brien) unless it starts a final 's (a clitic).
                    return IsLetterAt(s, i + 1) && !((s[i + 1] | 0x20) == 's' && !IsWordCharAt(s, i + 2));
                case RoleJoiner:
                    return IsWordCharAt(s, i + 1);
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether a word followed by a period is an abbreviation that keeps the period.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> keys, int start, int end, int longestDottedSegment, bool capitalized, int uppers, int bits)
    {
        var length = end - start;
        if (longestDottedSegment > 0)
        {
            // U.S, U.K, e.g, i.e: single letters joined by dots.
            return longestDottedSegment == 1;
        }

        if ((bits & DigitBit) != 0)
        {
            return false;
        }

        if (length == 1)
        {
            // An initial: one capital letter (A. Volkov, J. R. Smith).
            return uppers == 1;
        }

        return length <= 5 && Abbreviations.IsKnown(keys.Slice(start, length), capitalized);
    }

    /// <summary>URL starting at <paramref name="start"/>: returns its end, or 0 when there is none.</summary>
    private static int TryUrl(ReadOnlySpan<char> s, int start)
    {
        var rest = s[start..];
        int prefix;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = rest[0] is 'f' or 'F' ? 6 : 7;
        }
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && IsWordStartAt(s, start + 4))
        {
            prefix = 4;
        }
        else
        {
            return 0;
        }

        var end = start + prefix;
        int opens = 0, closes = 0, openSquare = 0, closeSquare = 0;
        while (end < s.Length)
        {
            var c = s[end];
            var role = Classes[c] >> 3;
            if (role is RoleSpace or RoleLineBreak or RoleSkip or RoleQuote || c is '<' or '>' or '`' or '{' or '}' or '|' or '\\' or '^' or '\u2019')
            {
                break;
            }

            opens += c == '(' ? 1 : 0;
            closes += c == ')' ? 1 : 0;
            openSquare += c == '[' ? 1 : 0;
            closeSquare += c == ']' ? 1 : 0;
            end++;
        }

        // Trailing sentence punctuation, and a closing bracket that has no opening one inside the URL, are not part of it.
        while (end > start + prefix)
        {
            var last = s[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
            {
                end--;
            }
            else if (last == ')' && closes > opens)
            {
                closes--;
                end--;
            }
            else if (last == ']' && closeSquare > openSquare)
            {
                closeSquare--;
                end--;
            }
            else
            {
                break;
            }
        }

        return end > start + prefix ? end : 0;
    }

    /// <summary>
    /// E-mail address around the <c>@</c> at <paramref name="at"/>: when there is one, removes the tokens already
    /// emitted for its local part, emits it and returns its end; otherwise returns 0.
    /// </summary>
    private static int TryEmail(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int at, ref int words)
    {
        // Domain: labels of letters, digits and hyphens joined by dots, at least one dot between word characters.
        var end = at + 1;
        var validDot = false;
        while (end < s.Length)
        {
            var c = s[end];
            var k = ClassAt(s, end);
            if (k < WordStartLimit || k >> 3 == RoleMark)
            {
                end += char.IsHighSurrogate(c) ? 2 : 1;
            }
            else if (c == '-' || (c == '.' && end > at + 1 && IsWordCharAt(s, end - 1) && IsWordStartAt(s, end + 1)))
            {
                validDot |= c == '.';
                end++;
            }
            else
            {
                break;
            }
        }

        while (end > at + 1 && s[end - 1] is '-' or '.')
        {
            end--;
        }

        if (!validDot || !IsWordStartAt(s, at + 1))
        {
            return 0;
        }

        // Local part: letters, digits and . _ % + - back to the previous space or other character.
        var localStart = at;
        while (localStart > 0)
        {
            var c = s[localStart - 1];
            var k = Classes[c];
            if (k < WordLimit || c is '.' or '_' or '%' or '+' or '-')
            {
                localStart--;
            }
            else
            {
                break;
            }
        }

        // Do not cut a token that started before the local part.
        var count = doc.TokenTableCount;
        while (count > 0 && doc.TokenTable[count - 1].Start >= localStart)
        {
            count--;
        }

        if (count > 0 && doc.TokenTable[count - 1].End > localStart)
        {
            localStart = doc.TokenTable[count - 1].End;
        }

        while (localStart < at && !IsWordStartAt(s, localStart))
        {
            localStart++;
        }

        if (localStart >= at || char.IsLowSurrogate(s[localStart]))
        {
            return 0;
        }

        // Replace the tokens of the local part; the address inherits the position flags of the first of them.
        var flags = TokenFlags.None;
        while (doc.TokenTableCount > 0 && doc.TokenTable[doc.TokenTableCount - 1].Start >= localStart)
        {
            ref readonly var removed = ref doc.TokenTable[--doc.TokenTableCount];
            flags = removed.Flags & LineStart;
            if (removed.IsWordLike)
            {
                words--;
            }

            if (removed.PartCount > 0)
            {
                doc.PartTableCount = removed.FirstPart;
            }
        }

        while (doc.MarkerTableCount > 0 && doc.MarkerTable[doc.MarkerTableCount - 1].Token >= doc.TokenTableCount)
        {
            doc.MarkerTableCount--;
        }

        MarkLineStart(doc, flags, words);
        return EmitSpan(s, keys, doc, localStart, end, TokenKind.Email, flags);
    }

    /// <summary>Emits a token over [start, end) of any kind, folding and hashing every character; returns end.</summary>
    private static int EmitSpan(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int start, int end, TokenKind kind, TokenFlags flags)
    {
        var h = TokenKeyHash.Seed;
        var all = 0;
        var digit = false;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            var f = CharFolding.FoldCase(c);
            keys[i] = f;
            h = TokenKeyHash.Add(h, f);
            all |= c;
            digit |= Classes[c] >> 3 == RoleDigit;
        }

        if (all >= 128)
        {
            flags |= TokenFlags.NonAscii;
        }

        if (digit)
        {
            flags |= TokenFlags.HasDigit;
        }

        doc.AddToken(start, end - start, kind, flags, h);
        return end;
    }

    /// <summary>Emits a symbol over [start, end) plus any combining marks, joiners or variation selectors after it.</summary>
    private static int EmitSymbol(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int start, int end, TokenKind kind, TokenFlags flags)
    {
        while (end < s.Length && ClassAt(s, end) >> 3 == RoleMark)
        {
            end += char.IsHighSurrogate(s[end]) ? 2 : 1;
        }

        return EmitSpan(s, keys, doc, start, end, kind, flags);
    }

    /// <summary>Emits a one-character token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitChar(Span<char> keys, ParsedDocument doc, int i, char c, TokenKind kind, TokenFlags flags)
    {
        var f = CharFolding.FoldCase(c);
        keys[i] = f;
        if (c >= 128)
        {
            flags |= TokenFlags.NonAscii;
        }

        doc.AddToken(i, 1, kind, flags, TokenKeyHash.Add(TokenKeyHash.Seed, f));
    }

    /// <summary>Class byte of a code point: role in bits 3..7, <see cref="UpperBit"/>, <see cref="LowerBit"/>, <see cref="DigitBit"/> below.</summary>
    internal static byte Classify(int codePoint)
    {
        switch (codePoint)
        {
            case '\'' or '\u2019' or '\u02BC':
                return RoleApostrophe << 3;
            case '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2018' or '\u201A' or '\u201B' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A':
                return RoleQuote << 3;
            case '-' or '\u2010' or '\u2011':
                return RoleHyphen << 3;
            case '.':
                return RolePeriod << 3;
            case '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049':
                return RoleTerminator << 3;
            case '\n' or '\r' or '\u2028' or '\u2029':
                return RoleLineBreak << 3;
            case ',':
                return RoleComma << 3;
            case '@':
                return RoleAt << 3;
            case '\u200C' or '\u200D' or '\u00AD' or '\u2060':
                return RoleJoiner << 3;
            case '%' or '\u2030' or '\u2031' or '#' or '&' or '*' or '\u2022' or '\u00A7' or '\u00B6' or '\u2020' or '\u2021':
                return RoleSymbol << 3;
        }

        if (codePoint is >= 0xD800 and <= 0xDBFF)
        {
            return RoleHighSurrogate << 3;
        }

        if (codePoint is >= 0xDC00 and <= 0xDFFF)
        {
            return RoleLoneSurrogate << 3;
        }

        if (codePoint < 0x10000 && char.IsWhiteSpace((char)codePoint))
        {
            return RoleSpace << 3;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => (RoleLetter << 3) | UpperBit,
            UnicodeCategory.LowercaseLetter => (RoleLetter << 3) | LowerBit,
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => RoleLetter << 3,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => RoleMark << 3,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => (RoleDigit << 3) | DigitBit,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation => RolePunct << 3,
            UnicodeCategory.Control or UnicodeCategory.Format => RoleSkip << 3,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => RoleSpace << 3,
            _ => RoleSymbol << 3,
        };
    }

    private static byte[] BuildAsciiWordTable()
    {
        // EmitAsciiWord turns class bits into flags with shifts.
        Debug.Assert((int)TokenFlags.Capitalized == UpperBit && (int)TokenFlags.HasDigit == DigitBit << 8);
        Debug.Assert((int)TokenKind.Word == RoleLetter && (int)TokenKind.Number == RoleDigit);
        var table = new byte[0x10000];
        table.AsSpan().Fill(AsciiSlowEnd);
        for (var c = 0; c < 128; c++)
        {
            var k = Classes[c];
            var role = k >> 3;
            if (k < WordLimit)
            {
                // ASCII letters and digits only (no ASCII combining marks exist); c | 0x20 folds them.
                Debug.Assert(role is RoleLetter or RoleDigit && (char)(c | 0x20) == CharFolding.FoldCase((char)c));
                table[c] = (byte)(k & 7);
            }
            else if ((role < RolePeriod || role > RoleJoiner) && c != ':')
            {
                table[c] = AsciiPlainEnd;
            }
            else if (c == ',')
            {
                table[c] = AsciiCommaEnd;
            }
            else if (c == '.')
            {
                table[c] = AsciiPeriodEnd;
            }
        }

        return table;
    }

    private static byte[] BuildClassTable()
    {
        var table = new byte[0x10000];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = Classify(c);
        }

        return table;
    }
}
