using System.Text;
using System.Text.Unicode;
using FsCheck;
using FsCheck.Fluent;

namespace TextLens.Tests.Corpus;

public sealed class CorpusTextDecoderTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void Decode_ByteOrderMark_SelectsTheEncodingAndDropsTheMark(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        const string text = "Ağdam – «Shusha» 🙂";

        var decoded = CorpusTextDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(text)], out var replaced);

        Assert.Equal(text, decoded);
        Assert.False(replaced);
    }

    [Fact]
    public void Decode_NoMark_IsUtf8()
    {
        Assert.Equal("Füzuli", CorpusTextDecoder.Decode("Füzuli"u8, out var replaced));
        Assert.False(replaced);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 }, "a\uFFFDb")]
    [InlineData(new byte[] { 0x61, 0xC3 }, "a\uFFFD")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "\uFFFD\uFFFD\uFFFD")] // an encoded surrogate is not UTF-8
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00 }, "\uFFFDA")] // UTF-16 LE, unpaired high surrogate
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41, 0x42 }, "A\uFFFD")] // UTF-16 BE, odd length
    public void Decode_InvalidSequences_AreReplacedAndReported(byte[] bytes, string expected)
    {
        Assert.Equal(expected, CorpusTextDecoder.Decode(bytes, out var replaced));
        Assert.True(replaced);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, true)]
    [InlineData(new byte[] { 0x41, 0x42 }, false)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, false)] // UTF-16 has NUL bytes, and a mark
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x00 }, true)] // UTF-16 without a mark cannot be told from binary
    public void LooksBinary_NulBytesWithoutMark_AreBinary(byte[] bytes, bool expected) =>
        Assert.Equal(expected, CorpusTextDecoder.LooksBinary(bytes));

    [Fact]
    public void LooksBinary_NulAfterTheFirst8Kilobytes_IsText()
    {
        var bytes = Enumerable.Repeat((byte)'a', CorpusTextDecoder.BinarySniffLength + 10).ToArray();
        bytes[^1] = 0;

        Assert.False(CorpusTextDecoder.LooksBinary(bytes));
    }

    [Theory]
    [InlineData("plain\ttext\r\nlines", false)]
    [InlineData("nul\0", true)]
    [InlineData("escape\u001B[0m", true)]
    [InlineData("c1\u0085", true)]
    [InlineData("delete\u007F", true)]
    public void HasControlCharacters_OtherThanTabAndLineBreaks_AreFound(string text, bool expected) =>
        Assert.Equal(expected, CorpusTextDecoder.HasControlCharacters(text));

    [Fact]
    public void Decode_RandomBytes_NeverThrowsAndReportsReplacementExactly()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var text = CorpusTextDecoder.Decode(bytes, out var replaced);
            var hasMark = CorpusTextDecoder.DetectBom(bytes, out _) is not null || bytes.AsSpan().StartsWith(CorpusTextDecoder.Utf8Bom);
            return text is not null &&
                   (hasMark || replaced == !Utf8.IsValid(bytes)) &&
                   (!replaced || text.Contains('\uFFFD')) &&
                   (hasMark || replaced || text == Encoding.UTF8.GetString(bytes));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_RandomTextInEveryEncoding_RoundTrips()
    {
        var encodings = new[] { "utf-8", "utf-16", "utf-16BE", "utf-32", "utf-32BE" }.Select(Encoding.GetEncoding).ToArray();
        // A UTF-16 LE text starting with NUL would look like a UTF-32 LE mark (FF FE 00 00): that ambiguity is inherent.
        var valid = ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsValidUtf16(s) && !s.StartsWith('\0'));

        Prop.ForAll(valid, Arb.From(Gen.Choose(0, encodings.Length - 1)), (text, which) =>
        {
            var encoding = encodings[which];
            var decoded = CorpusTextDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(text)], out var replaced);
            return decoded == text && !replaced;
        }).QuickCheckThrowOnFailure();
    }

    internal static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
