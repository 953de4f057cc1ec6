using System.Security.Cryptography;
using System.Runtime.InteropServices;
using TextLens.Benchmarks.Framing;
using TextLens.Text;

namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// <c>dotnet run -c Release -- --parse-digest</c>: a SHA-256 digest of everything the parser produces for the corpus
/// (tokens with spans, kinds, flags, key hashes and parts; keys; parts; sentences; paragraphs; quotes; word counts)
/// and of the framing matcher's matches at 50, 1,000 and 10,000 patterns. Run it before and after a change to the
/// parser or the matcher: the digests must not move.
/// </summary>
internal static class ParseDigest
{
    public static void Run()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var parsed = new ParsedDocument();
        foreach (var document in BenchmarkCorpus.Instance.Documents)
        {
            DocumentParser.Default.Parse(document, parsed);
            Append(sha, parsed);
        }

        Console.WriteLine($"parse  {Convert.ToHexString(sha.GetHashAndReset())}");
        var random = new Random(20240601);
        for (var d = 0; d < 20_000; d++)
        {
            DocumentParser.Default.Parse(new TextDocument("r" + d, RandomText(random)), parsed);
            Append(sha, parsed);
        }

        Console.WriteLine($"random {Convert.ToHexString(sha.GetHashAndReset())}");
        foreach (var patterns in new[] { 50, 1_000, 10_000 })
        {
            var w = FramingWorkload.For(patterns);
            foreach (var document in w.Documents)
            {
                DocumentParser.Default.Parse(document, parsed);
                Append(sha, parsed);
                foreach (var m in w.Matcher.Matches(parsed))
                {
                    sha.AppendData(MemoryMarshal.AsBytes([m.Start, m.Length, m.Payload, m.PatternIndex]));
                }
            }

            Console.WriteLine($"{patterns,-6} {Convert.ToHexString(sha.GetHashAndReset())}");
        }
    }

    /// <summary>Pieces of the random texts: words of every length and case, numbers, and every character the parser treats specially.</summary>
    private static readonly string[] Pieces =
    [
        "a", "I", "Baku", "mines", "s", "TM", "USA", "NATO", "57", "U.S.", "Gen.", "Sep.", "e.g.", "A.", "2,728", "1.5", "1990s", "Caliber.Az",
        "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "Government", "internationalisation",
        "Министерство", "Ağdərə", "ə", "Ş", "\u4E2D\u6587", " ", "  ", "\t", "\u00A0", "\n", "\r\n", "\n\n",
        ".", "...", "\u2026", "!", "?", ",", ":", ";", "(", ")", "%", "$", "@", "a@b.az", "x.y@", "@c.d", "_", "+",
        "-", "\u2010", "\u2013", "anti-", "-tank", "\u201C", "\u201D", "\"", "\u2019", "'", "\u02BC", "'s", "\u2019s",
        "http://", "https://x.az/a_(b).", "www.", "www.x.az", "ftp://", "http", "https", "www", "\u0301", "\uD83D\uDE00",
        "\uD800", "\u200D", "\u00AD", "\u200B", "\0", "\u007F",
    ];

    private static string RandomText(Random random)
    {
        var text = new System.Text.StringBuilder();
        var pieces = random.Next(0, 120);
        for (var p = 0; p < pieces; p++)
        {
            switch (random.Next(8))
            {
                case 0:
                    // An ASCII run of 1 to 24 letters and digits in any case.
                    var length = random.Next(1, 25);
                    for (var j = 0; j < length; j++)
                    {
                        text.Append("aZ0mQ9xYbk"[random.Next(10)]);
                    }

                    break;
                case 1:
                    text.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 2:
                    text.Append((char)random.Next(0, 0x10000));
                    break;
                default:
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return text.ToString();
    }

    private static void Append(IncrementalHash sha, ParsedDocument parsed)
    {
        foreach (ref readonly var t in parsed.Tokens)
        {
            sha.AppendData(MemoryMarshal.AsBytes([t.Start, t.Length, (int)t.Kind, (int)t.Flags, t.KeyHash, t.FirstPart, t.PartCount]));
            sha.AppendData(MemoryMarshal.AsBytes(parsed.KeyOf(t)));
        }

        foreach (ref readonly var p in parsed.Parts)
        {
            sha.AppendData(MemoryMarshal.AsBytes([p.Start, p.Length, p.KeyHash]));
        }

        sha.AppendData(MemoryMarshal.AsBytes(parsed.Sentences));
        sha.AppendData(MemoryMarshal.AsBytes(parsed.Paragraphs));
        sha.AppendData(MemoryMarshal.AsBytes(parsed.Quotes));
        sha.AppendData(MemoryMarshal.AsBytes([parsed.WordCount, parsed.Tokens.Length]));
    }
}
