using System.Text;
using System.Text.Json;

namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// The benchmark corpus: real news text read at run time from <c>../shared/data/bbc-news/bbc_news.jsonl</c>
/// (relative to the repository root, found by walking up from the application directory; override with the
/// <c>TEXTLENS_BENCH_CORPUS</c> environment variable), or a generated news-like corpus of about the same size
/// when the file is absent. No corpus text is stored in the repository.
/// </summary>
internal sealed class NewsCorpus
{
    private static readonly Lazy<NewsCorpus> Shared = new(Load);

    private NewsCorpus(TextDocument[] documents, string source)
    {
        Documents = documents;
        Source = source;
        foreach (var d in documents)
        {
            TotalChars += d.Text.Length;
        }
    }

    /// <summary>The corpus loaded once per process.</summary>
    public static NewsCorpus Instance => Shared.Value;

    public TextDocument[] Documents { get; }

    public long TotalChars { get; }

    /// <summary>Where the text came from (a path, or "synthetic").</summary>
    public string Source { get; }

    private static NewsCorpus Load()
    {
        var path = Locate();
        if (path is not null)
        {
            var documents = new List<TextDocument>();
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    documents.Add(new TextDocument(documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), text.GetString()!));
                }
            }

            if (documents.Count > 0)
            {
                return new NewsCorpus([.. documents], path);
            }
        }

        return new NewsCorpus(Synthetic(2_000, 2_300, seed: 20230919), "synthetic");
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEXTLENS_BENCH_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "bbc-news", "bbc_news.jsonl"));
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    /// <summary>News-like generated text: headline, paragraphs, quotations, numbers, compounds, abbreviations.</summary>
    internal static TextDocument[] Synthetic(int count, int averageLength, int seed)
    {
        string[] words =
        [
            "the", "ministry", "said", "forces", "region", "of", "and", "in", "to", "a", "road", "mines", "were", "cleared",
            "officials", "reported", "on", "Monday", "talks", "between", "the", "two", "sides", "continued", "after",
            "ceasefire", "peacekeeping", "contingent", "anti-tank", "long-term", "U.S.", "Gen.", "Baku’s", "residents’",
            "2,728", "1.5", "1990s", "122mm", "Caliber.Az", "Министерство", "Ağdərə", "statement", "according", "sources",
        ];
        var random = new Random(seed);
        var documents = new TextDocument[count];
        var sb = new StringBuilder();
        for (var d = 0; d < count; d++)
        {
            sb.Clear();
            var target = averageLength / 2 + random.Next(averageLength);
            var inQuote = false;
            var sentenceStart = true;
            while (sb.Length < target)
            {
                var w = words[random.Next(words.Length)];
                sb.Append(sentenceStart ? char.ToUpperInvariant(w[0]) + w[1..] : w);
                sentenceStart = false;
                var roll = random.Next(100);
                if (roll < 5)
                {
                    sb.Append(inQuote ? "”" : " “");
                    inQuote = !inQuote;
                }
                else if (roll < 12)
                {
                    sb.Append(',');
                }
                else if (roll < 19)
                {
                    sb.Append(random.Next(4) == 0 ? ".\n\n" : ". ");
                    sentenceStart = true;
                    continue;
                }

                sb.Append(' ');
            }

            documents[d] = new TextDocument(d.ToString(System.Globalization.CultureInfo.InvariantCulture), sb.ToString());
        }

        return documents;
    }
}
