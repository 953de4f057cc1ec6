using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TextLens.Corpus;

/// <summary>
/// Turns the bytes of corpus files into text: byte order mark detection (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), UTF-8
/// otherwise; invalid sequences are replaced with U+FFFD and reported, never thrown. Also the checks made on every
/// file before decoding (binary content) and on every text after (control characters).
/// </summary>
internal static class CorpusTextDecoder
{
    /// <summary>How many leading bytes are searched for NUL to call a file binary.</summary>
    public const int BinarySniffLength = 8 * 1024;

    /// <summary>The UTF-8 encoding of U+FFFD, the replacement character.</summary>
    public static ReadOnlySpan<byte> Utf8Replacement => [0xEF, 0xBF, 0xBD];

    /// <summary>Replaces an invalid sequence with U+FFFD (the default <see cref="DecoderFallback.ReplacementFallback"/> writes <c>?</c>).</summary>
    public static DecoderFallback ReplacementFallback { get; } = new DecoderReplacementFallback("\uFFFD");

    /// <summary>The UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    // C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>
    /// The encoding announced by a byte order mark at the start of <paramref name="prefix"/> (at least 4 bytes when the
    /// file has them), or <see langword="null"/> for UTF-8 (with or without its mark).
    /// </summary>
    /// <param name="prefix">The first bytes of the content.</param>
    /// <param name="bomLength">Length of the mark found, 0 when none.</param>
    /// <param name="decoderFallback">The fallback of the returned encoding.</param>
    public static Encoding? DetectBom(ReadOnlySpan<byte> prefix, out int bomLength, DecoderFallback? decoderFallback = null)
    {
        decoderFallback ??= ReplacementFallback;
        int codePage;
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (codePage, bomLength) = (12000, 4);
        }
        else if (prefix.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (codePage, bomLength) = (12001, 4);
        }
        else if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (codePage, bomLength) = (1200, 2);
        }
        else if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (codePage, bomLength) = (1201, 2);
        }
        else
        {
            bomLength = prefix.StartsWith(Utf8Bom) ? 3 : 0;
            return null;
        }

        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, decoderFallback);
    }

    /// <summary>Whether the content looks binary: no UTF-16/32 byte order mark and a NUL byte in the first 8 KB.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (DetectBom(bytes, out _) is not null)
        {
            return false;
        }

        return bytes[..Math.Min(bytes.Length, BinarySniffLength)].Contains((byte)0);
    }

    /// <summary>Decodes a whole file: byte order mark, then UTF-8 or the marked encoding, replacing invalid sequences.</summary>
    /// <param name="bytes">The content of the file.</param>
    /// <param name="replaced">Whether invalid sequences were replaced with U+FFFD.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool replaced)
    {
        var encoding = DetectBom(bytes, out var bomLength, DecoderFallback.ExceptionFallback);
        var content = bytes[bomLength..];
        if (encoding is null)
        {
            replaced = !Utf8.IsValid(content);
            return Encoding.UTF8.GetString(content);
        }

        try
        {
            replaced = false;
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            replaced = true;
            return Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, ReplacementFallback)
                .GetString(content);
        }
    }

    /// <summary>Whether the text has a control character other than tab, line feed and carriage return.</summary>
    public static bool HasControlCharacters(ReadOnlySpan<char> text) => text.ContainsAny(ControlCharacters);
}

/// <summary>
/// A decoder fallback that replaces each invalid sequence with U+FFFD, like the default one, and counts the
/// replacements, so that a reader decoding a stream can tell that some text was repaired.
/// </summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    private long _count;

    /// <summary>Invalid sequences replaced so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public override int MaxCharCount => 1;

    /// <inheritdoc />
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Interlocked.Increment(ref owner._count);
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0)
            {
                return '\0';
            }

            _remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining == 1)
            {
                return false;
            }

            _remaining++;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
