using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    internal const int RolePunct = 4;
    internal const int RoleSymbol = 5;
    internal const int RoleQuote = 6;
    internal const int RoleApostrophe = 7;
    internal const int RoleAt = 8;
    internal const int RoleSkip = 9;
    internal const int RoleJoiner = 10;
    internal const int RoleHyphen = 11;
    internal const int RolePeriod = 12;
    internal const int RoleComma = 13;
    internal const int RoleHighSurrogate = 14;
    internal const int RoleLoneSurrogate = 15;

    /// <summary>Class bytes below this are word characters (letter, digit, mark).</summary>
    private const int WordLimit = RoleSpace << 3;

    /// <summary>Class bytes below this start a word (letter, digit).</summary>
    private const int WordStartLimit = RoleMark << 3;

    private static readonly byte[] Classes = BuildClassTable();

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="doc"/>'s token, part and key tables.</summary>
    public static void Tokenize(string text, ParsedDocument doc)
    {
        ReadOnlySpan<char> s = text;
        var keys = doc.KeyBuffer.AsSpan(0, s.Length);
        ref var table = ref MemoryMarshal.GetArrayDataReference(Classes);
        var n = s.Length;
        var i = 0;
        var words = 0;
        var space = TokenFlags.SpaceBefore;
        while (i < n)
        {
            var c = s[i];
            int k = Unsafe.Add(ref table, c);
            if (k < WordStartLimit)
            {
                if (k < 8 && (c | 0x20) is 'h' or 'w' or 'f')
                {
                    var urlEnd = TryUrl(s, i);
                    if (urlEnd > 0)
                    {
                        EmitSpan(s, keys, doc, i, urlEnd, TokenKind.Url, space);
                        i = urlEnd;
                        space = TokenFlags.None;
                        continue;
                    }
                }

                i = ScanWord(s, keys, doc, i, k, space, ref words);
                space = TokenFlags.None;
                continue;
            }

            switch (k >> 3)
            {
                case RoleSpace:
                    i++;
                    space = TokenFlags.SpaceBefore;
                    continue;
                case RoleSkip:
                case RoleJoiner:
                    // Format and control characters are transparent: they neither make a token nor count as space.
                    i++;
                    continue;
                case RoleQuote:
                    EmitChar(keys, doc, i, c, TokenKind.QuoteMark, space);
                    i++;
                    break;
                case RoleApostrophe:
                    EmitChar(keys, doc, i, c, c == '\u02BC' ? TokenKind.Punctuation : TokenKind.QuoteMark, space);
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
                case RoleSymbol:
                case RoleLoneSurrogate:
                case RoleMark:
                    i = EmitSymbol(s, keys, doc, i, i + 1, TokenKind.Symbol, space);
                    break;
                case RoleHighSurrogate:
                    if (i + 1 < n && char.IsLowSurrogate(s[i + 1]))
                    {
                        var pk = Classify(char.ConvertToUtf32(c, s[i + 1]));
                        if (pk >> 3 == RoleSkip)
                        {
                            i += 2;
                            continue;
                        }

                        if (pk < WordStartLimit)
                        {
                            i = ScanWord(s, keys, doc, i, pk, space, ref words);
                            space = TokenFlags.None;
                            continue;
                        }

                        var kind = (pk >> 3) is RolePunct or RolePeriod or RoleComma or RoleHyphen ? TokenKind.Punctuation : TokenKind.Symbol;
                        i = EmitSymbol(s, keys, doc, i, i + 2, kind, space);
                    }
                    else
                    {
                        i = EmitSymbol(s, keys, doc, i, i + 1, TokenKind.Symbol, space);
                    }

                    break;
                default:
                    // Punctuation, and a hyphen, period or comma that joins nothing.
                    EmitChar(keys, doc, i, c, TokenKind.Punctuation, space);
                    i++;
                    break;
            }

            space = TokenFlags.None;
        }

        doc.WordCount = words;
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

    /// <summary>Scans a word or number starting at <paramref name="start"/> (a letter or digit with class <paramref name="first"/>), emits it and any clitic after it.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, Span<char> keys, ParsedDocument doc, int start, int first, TokenFlags flags, ref int words)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(Classes);
        var n = s.Length;
        var i = start;
        var h = TokenKeyHash.Seed;
        int letters = 0, uppers = 0, bits = 0, all = 0;
        var kind = first >> 3 == RoleDigit ? TokenKind.Number : TokenKind.Word;
        var firstPart = -1;
        var partStart = start;
        var segmentStart = start;
        var longestSegment = 0;
        var dotted = false;

        while (true)
        {
            while ((uint)i < (uint)n)
            {
                var c = s[i];
                int k = Unsafe.Add(ref table, c);
                if (k >= WordLimit)
                {
                    if (k >> 3 != RoleHighSurrogate || (uint)(i + 1) >= (uint)n || !char.IsLowSurrogate(s[i + 1]))
                    {
                        break;
                    }

                    k = Classify(char.ConvertToUtf32(c, s[i + 1]));
                    if (k >= WordLimit)
                    {
                        break;
                    }

                    var f0 = CharFolding.FoldCase(c);
                    var f1 = CharFolding.FoldCase(s[i + 1]);
                    keys[i] = f0;
                    keys[i + 1] = f1;
                    h = TokenKeyHash.Add(TokenKeyHash.Add(h, f0), f1);
                    letters += k < 8 ? 1 : 0;
                    uppers += k & UpperBit;
                    bits |= k;
                    all |= 0x80;
                    i += 2;
                    continue;
                }

                var f = c < 128 ? (char)(c | ((k & UpperBit) << 5)) : CharFolding.FoldCase(c);
                keys[i] = f;
                h = TokenKeyHash.Add(h, f);
                letters += k < 8 ? 1 : 0;
                uppers += k & UpperBit;
                bits |= k;
                all |= c;
                i++;
            }

            if (i >= n)
            {
                break;
            }

            var sep = s[i];
            var role = Unsafe.Add(ref table, sep) >> 3;
            if (role == RoleHyphen)
            {
                if (!IsWordStartAt(s, i + 1))
                {
                    break;
                }

                if (firstPart < 0)
                {
                    firstPart = doc.PartTableCount;
                }

                doc.AddPart(new TokenPart(partStart, i - partStart, TokenKeyHash.Compute(keys.Slice(partStart, i - partStart))));
                partStart = i + 1;
            }
            else if (role == RolePeriod)
            {
                if (kind == TokenKind.Number)
                {
                    if (!IsDigitAt(s, i - 1) || !IsDigitAt(s, i + 1))
                    {
                        break;
                    }
                }
                else
                {
                    if (!IsLetterAt(s, i + 1))
                    {
                        break;
                    }

                    dotted = true;
                    longestSegment = Math.Max(longestSegment, i - segmentStart);
                    segmentStart = i + 1;
                }
            }
            else if (role == RoleComma)
            {
                if (kind != TokenKind.Number || !IsDigitAt(s, i - 1) || !IsDigitAt(s, i + 1))
                {
                    break;
                }
            }
            else if (role == RoleApostrophe)
            {
                // Inner apostrophe (don't, O'Brien) unless it starts a final 's (a clitic).
                if (!IsLetterAt(s, i + 1) || ((s[i + 1] | 0x20) == 's' && !IsWordCharAt(s, i + 2)))
                {
                    break;
                }
            }
            else if (role == RoleJoiner)
            {
                if (!IsWordCharAt(s, i + 1))
                {
                    break;
                }
            }
            else
            {
                break;
            }

            var fs = CharFolding.FoldCase(sep);
            keys[i] = fs;
            h = TokenKeyHash.Add(h, fs);
            all |= sep;
            i++;
        }

        var hyphenated = firstPart >= 0;
        if (hyphenated)
        {
            doc.AddPart(new TokenPart(partStart, i - partStart, TokenKeyHash.Compute(keys.Slice(partStart, i - partStart))));
        }
        else if (kind == TokenKind.Word && i < n && s[i] == '.' && IsAbbreviation(keys, start, i, dotted ? Math.Max(longestSegment, i - segmentStart) : 0, (first & UpperBit) != 0, uppers, bits))
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

        if (uppers >= 2 && uppers == letters)
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

        if (dotted)
        {
            flags |= TokenFlags.Dotted;
        }

        if (hyphenated)
        {
            flags |= TokenFlags.Hyphenated;
        }

        doc.AddToken(new Token(start, i - start, kind, flags, h, hyphenated ? firstPart : 0, hyphenated ? doc.PartTableCount - firstPart : 0));
        words++;

        // A possessive or contraction 's, or a bare apostrophe after a final s (separatists’), is a clitic.
        if (i < n && Unsafe.Add(ref table, s[i]) >> 3 == RoleApostrophe && s[i] != '\u02BC')
        {
            if ((uint)(i + 1) < (uint)n && (s[i + 1] | 0x20) == 's' && !IsWordCharAt(s, i + 2))
            {
                return EmitSpan(s, keys, doc, i, i + 2, TokenKind.Clitic, TokenFlags.None);
            }

            if ((s[i - 1] | 0x20) == 's' && !IsWordCharAt(s, i + 1))
            {
                return EmitSpan(s, keys, doc, i, i + 1, TokenKind.Clitic, TokenFlags.None);
            }
        }

        return i;
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
            if (role is RoleSpace or RoleSkip or RoleQuote || c is '<' or '>' or '`' or '{' or '}' or '|' or '\\' or '^' or '\u2019')
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

        while (doc.TokenTableCount > 0 && doc.TokenTable[doc.TokenTableCount - 1].Start >= localStart)
        {
            ref readonly var removed = ref doc.TokenTable[--doc.TokenTableCount];
            if (removed.IsWordLike)
            {
                words--;
            }

            if (removed.PartCount > 0)
            {
                doc.PartTableCount = removed.FirstPart;
            }
        }

        var space = localStart == 0 || char.IsWhiteSpace(s[localStart - 1]) ? TokenFlags.SpaceBefore : TokenFlags.None;
        return EmitSpan(s, keys, doc, localStart, end, TokenKind.Email, space);
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

        doc.AddToken(new Token(start, end - start, kind, flags, h));
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

        doc.AddToken(new Token(i, 1, kind, flags, TokenKeyHash.Add(TokenKeyHash.Seed, f)));
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
