using System.Globalization;
using System.Text;
using TextLens.Corpus;

namespace TextLens.Benchmarks;

/// <summary>
/// The corpus every TextLens benchmark reads: real news when the shared data folder is present, a seeded synthetic
/// news-like corpus otherwise. Loaded once per process into memory (so benchmarks time analysis, not disk), with
/// metadata (outlet, date, title) so grouping and periods are exercised.
/// </summary>
/// <remarks>
/// <para><b>Which corpus.</b> The environment variable <c>TEXTLENS_BENCH_CORPUS</c> chooses: <c>bbc</c> (the default:
/// <c>../shared/data/bbc-news/bbc_news.jsonl</c>, 2,225 BBC News articles, about 5 M characters), <c>allsides</c>
/// (<c>../shared/data/allsides/allsides_articles.jsonl.gz</c>, 37,554 articles, 223 M characters: large, use with
/// <c>TEXTLENS_BENCH_DOCS</c>), <c>synthetic</c>, or the path of any corpus <see cref="CorpusSources.Open"/> reads.
/// <c>../shared</c> is found next to the repository root, which is located by walking up from
/// <see cref="AppContext.BaseDirectory"/> to the folder holding <c>TextLens.sln</c>. When the file is absent (a fresh
/// clone: news text is the publishers' copyright and is never stored in the repository) the synthetic corpus is used
/// and <see cref="Source"/> says so.</para>
/// <para><b>Size.</b> <c>TEXTLENS_BENCH_DOCS=n</c> keeps the first n documents. <c>TEXTLENS_BENCH_DRY=1</c> (the CI dry
/// run) keeps the first 100, so a dry pass over every benchmark takes seconds per class.</para>
/// <para><b>The synthetic generator</b> (<see cref="Synthetic"/>), deterministic for a seed: a vocabulary of 4,000
/// lower-case pseudo-words whose lengths follow the distribution of English running text (2-4 letters most common,
/// mean about 4.7, a tail past 12; letters drawn by English letter frequency) plus 60 real function words, drawn with a
/// Zipf law (s ≈ 1) so frequent words repeat as in news; 400 capitalised names (one or two words, sometimes with a
/// title such as "Gen." or "Mr."); sentences of 6-34 words starting with a capital and ending in ". ", "? " or "! ";
/// commas after about 7% of words; about one sentence in six is a quotation in curly quotes (“…,” the minister said.);
/// numbers with thousands separators and decimals (2,728; 1.5; 12,000,000; 1990s; 45%); paragraphs of 1-5 sentences
/// separated by a blank line; documents of 1,100-3,400 characters (mean about 2,250, as BBC News); five outlets
/// and dates in 2020-2023.</para>
/// </remarks>
public sealed class BenchmarkCorpus
{
    /// <summary>The seed of the synthetic corpus.</summary>
    public const int SyntheticSeed = 20230919;

    private static readonly Lazy<BenchmarkCorpus> Shared = new(Load);

    /// <summary>Wraps documents.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="source">Where they came from.</param>
    public BenchmarkCorpus(IReadOnlyList<TextDocument> documents, string source)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = [.. documents];
        Source = source;
        foreach (var d in Documents)
        {
            TotalChars += d.Text.Length;
        }
    }

    /// <summary>The corpus chosen by the environment, loaded once per process.</summary>
    public static BenchmarkCorpus Instance => Shared.Value;

    /// <summary>The documents, in corpus order.</summary>
    public TextDocument[] Documents { get; }

    /// <summary>Characters of text over all documents (UTF-16 code units).</summary>
    public long TotalChars { get; }

    /// <summary>Where the text came from: a path, or <c>synthetic (seed …)</c>.</summary>
    public string Source { get; }

    /// <summary>Whether <c>TEXTLENS_BENCH_DRY=1</c> is set (the CI dry run: small corpora).</summary>
    public static bool IsDryRun => Environment.GetEnvironmentVariable("TEXTLENS_BENCH_DRY") is "1" or "true";

    /// <summary>One line for benchmark logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}: {Documents.Length:N0} documents, {TotalChars:N0} chars");

    /// <summary>The repository root (the folder holding <c>TextLens.sln</c>), or <see langword="null"/>.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A file under <c>../shared/data</c> next to the repository, or <see langword="null"/> when absent.</summary>
    /// <param name="relativePath">For example <c>bbc-news/bbc_news.jsonl</c>.</param>
    public static string? SharedDataFile(string relativePath)
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", relativePath));
        return File.Exists(path) ? path : null;
    }

    /// <summary>Reads a corpus file or folder into memory (skipping unreadable records).</summary>
    /// <param name="path">A corpus <see cref="CorpusSources.Open"/> reads.</param>
    /// <param name="maxDocuments">Keep at most this many documents; 0 for all.</param>
    public static BenchmarkCorpus Read(string path, int maxDocuments = 0)
    {
        var documents = new List<TextDocument>();
        foreach (var record in CorpusSources.Open(path).ReadAsync().ToBlockingEnumerable())
        {
            if (record.Document is { } d)
            {
                documents.Add(d);
                if (maxDocuments > 0 && documents.Count >= maxDocuments)
                {
                    break;
                }
            }
        }

        return new BenchmarkCorpus(documents, path);
    }

    private static BenchmarkCorpus Load()
    {
        var max = IsDryRun ? 100 : 0;
        if (int.TryParse(Environment.GetEnvironmentVariable("TEXTLENS_BENCH_DOCS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            max = max == 0 ? n : Math.Min(max, n);
        }

        var choice = Environment.GetEnvironmentVariable("TEXTLENS_BENCH_CORPUS");
        var path = choice?.ToLowerInvariant() switch
        {
            null or "" or "bbc" => SharedDataFile("bbc-news/bbc_news.jsonl"),
            "allsides" => SharedDataFile("allsides/allsides_articles.jsonl.gz"),
            "synthetic" => null,
            _ when File.Exists(choice) || System.IO.Directory.Exists(choice) => choice,
            _ => throw new InvalidOperationException($"TEXTLENS_BENCH_CORPUS='{choice}': expected bbc, allsides, synthetic or an existing corpus path."),
        };
        if (path is not null)
        {
            var corpus = Read(path, max);
            if (corpus.Documents.Length > 0)
            {
                return corpus;
            }
        }

        return new BenchmarkCorpus(Synthetic(max > 0 ? max : 2_225, SyntheticSeed), $"synthetic (seed {SyntheticSeed})");
    }

    // English letters by frequency in running text (per mille, rounded): e t a o i n s h r d l c u m w f g y p b v k j x q z.
    private const string Letters = "etaoinshrdlcumwfgypbvkjxqz";
    private static readonly int[] LetterWeights = [127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1, 1];

    // Word lengths 1..15 of English running text (per mille).
    private static readonly int[] LengthWeights = [30, 170, 210, 160, 110, 85, 75, 55, 40, 28, 17, 10, 5, 3, 2];

    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his", "on", "be", "at",
        "by", "had", "are", "but", "from", "or", "have", "an", "they", "which", "one", "were", "said", "has", "their",
        "been", "would", "who", "will", "more", "not", "she", "its", "after", "than", "also", "new", "we", "there",
        "this", "about", "over", "could", "year", "people", "government", "minister", "told", "officials", "week", "last", "two",
    ];

    private static readonly string[] Titles = ["Mr", "Ms", "Dr", "Gen.", "President", "Minister"];
    private static readonly string[] Outlets = ["Global Newswire", "Caspian Dispatch", "Yerevan Herald", "Moscow Wire", "Bosphorus Times"];
    private static readonly string[] Verbs = ["said", "told reporters", "claimed", "added", "according to a statement", "wrote"];

    /// <summary>
    /// Generates news-like documents, deterministic for a seed (see the remarks of <see cref="BenchmarkCorpus"/> for
    /// the distributions).
    /// </summary>
    /// <param name="count">Documents to generate.</param>
    /// <param name="seed">The seed.</param>
    public static TextDocument[] Synthetic(int count, int seed = SyntheticSeed)
    {
        var random = new Random(seed);
        var vocabulary = new string[4_000];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            string w;
            do
            {
                w = Word(random, Pick(random, LengthWeights) + 1);
            }
            while (!seen.Add(w));
            vocabulary[i] = w;
        }

        var words = FunctionWords.Concat(vocabulary).ToArray();
        var zipf = ZipfTable(words.Length);
        var names = new string[400];
        for (var i = 0; i < names.Length; i++)
        {
            var first = Capitalise(Word(random, 3 + random.Next(6)));
            var name = random.Next(3) == 0 ? first : first + " " + Capitalise(Word(random, 4 + random.Next(7)));
            names[i] = random.Next(5) == 0 ? Titles[random.Next(Titles.Length)] + " " + name : name;
        }

        var documents = new TextDocument[count];
        var sb = new StringBuilder(4096);
        for (var d = 0; d < count; d++)
        {
            sb.Clear();
            var target = 1_100 + random.Next(2_300);
            while (sb.Length < target)
            {
                var sentences = 1 + random.Next(5);
                for (var s = 0; s < sentences; s++)
                {
                    if (s > 0)
                    {
                        sb.Append(' ');
                    }

                    var quoted = random.Next(6) == 0;
                    if (quoted)
                    {
                        sb.Append('“');
                    }

                    AppendSentence(sb, random, words, zipf, names, quoted);
                    if (quoted)
                    {
                        sb.Append(",” ").Append(names[random.Next(names.Length)]).Append(' ').Append(Verbs[random.Next(Verbs.Length)]).Append('.');
                    }
                }

                sb.Append("\n\n");
            }

            var text = sb.ToString().TrimEnd();
            var metadata = new DocumentMetadata
            {
                Outlet = Outlets[d % Outlets.Length],
                Date = new DateOnly(2020, 1, 1).AddDays(random.Next(4 * 365)),
                Title = Capitalise(words[Zipf(random, zipf)]) + " " + names[random.Next(names.Length)],
            };
            documents[d] = new TextDocument($"synthetic/{d:D5}", text, metadata);
        }

        return documents;
    }

    private static void AppendSentence(StringBuilder sb, Random random, string[] words, double[] zipf, string[] names, bool quoted)
    {
        var length = 6 + random.Next(29);
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            var roll = random.Next(100);
            var start = sb.Length;
            if (roll < 6)
            {
                sb.Append(names[random.Next(names.Length)]);
            }
            else if (roll < 9)
            {
                AppendNumber(sb, random);
            }
            else
            {
                sb.Append(words[Zipf(random, zipf)]);
            }

            if (i == 0 && char.IsLower(sb[start]))
            {
                sb[start] = char.ToUpperInvariant(sb[start]);
            }

            if (i < length - 1 && random.Next(100) < 7)
            {
                sb.Append(',');
            }
        }

        if (!quoted)
        {
            var end = random.Next(40);
            sb.Append(end == 0 ? '?' : end == 1 ? '!' : '.');
        }
    }

    private static void AppendNumber(StringBuilder sb, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                sb.Append((1_000 + random.Next(9_000)).ToString("N0", CultureInfo.InvariantCulture));
                break;
            case 1:
                sb.Append((random.Next(1, 100) + random.Next(10) / 10.0).ToString("0.0", CultureInfo.InvariantCulture));
                break;
            case 2:
                sb.Append((random.Next(1, 50) * 1_000_000).ToString("N0", CultureInfo.InvariantCulture));
                break;
            case 3:
                sb.Append(1950 + random.Next(7) * 10).Append('s');
                break;
            case 4:
                sb.Append(random.Next(1, 100)).Append('%');
                break;
            default:
                sb.Append(1990 + random.Next(34));
                break;
        }
    }

    private static string Word(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[Pick(r, LetterWeights)];
            }
        });

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double[] ZipfTable(int n)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Zipf(Random random, double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
