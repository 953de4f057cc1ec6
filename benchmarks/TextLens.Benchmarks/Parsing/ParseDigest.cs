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
