using BenchmarkDotNet.Attributes;
using TextLens.Text;

namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// Parser throughput over the whole news corpus on one thread, reusing one <see cref="ParsedDocument"/> (as the
/// engine does): tokenizer alone, tokenizer + sentence splitter, and the full parse (tokens, sentences,
/// quotations). One operation is one pass over every document; the <c>MChars/s</c> column is corpus characters
/// divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseBenchmarks
{
    private readonly ParsedDocument _parsed = new();
    private TextDocument[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchmarkCorpus.Instance;
        _documents = corpus.Documents;
        Console.WriteLine($"// Corpus: {corpus}");

        // Grow the tables once so the measured passes allocate nothing.
        Parse();
    }

    [Benchmark]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var document in _documents)
        {
            _parsed.Reset(document);
            Tokenizer.Tokenize(document.Text, _parsed);
            tokens += _parsed.TokenTableCount;
        }

        return tokens;
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        var sentences = 0;
        foreach (var document in _documents)
        {
            _parsed.Reset(document);
            Tokenizer.Tokenize(document.Text, _parsed);
            SentenceSplitter.Split(_parsed);
            sentences += _parsed.SentenceTableCount;
        }

        return sentences;
    }

    [Benchmark(Baseline = true)]
    public int Parse()
    {
        var quotes = 0;
        foreach (var document in _documents)
        {
            DocumentParser.Default.Parse(document, _parsed);
            quotes += _parsed.QuoteTableCount;
        }

        return quotes;
    }
}
