using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TextLens.Benchmarks.Framing;
using TextLens.Entities;
using TextLens.Text;

namespace TextLens.Benchmarks.Entities;

/// <summary>
/// Entity analysis over the news corpus (the documents of <see cref="FramingWorkload"/>: BBC news read at run time,
/// synthetic fallback, white space collapsed), parsed once beforehand so only matching and analysis are measured, on
/// one thread with one reused context (as an engine worker runs). The baseline is the framing matcher with the
/// framing workload's 10,000 generated patterns, match only, on the same parsed documents; the framing analyzer with
/// its default lexicon is a second reference. The entity analyzer runs with a generated gazetteer of 10,000 aliases
/// (a fifth of them single capitalised words taken from the corpus, so it matches at a realistic rate; the rest
/// generated names of one to three words), gazetteer-only and with the rule-based recognizer of unlisted names, and
/// with the embedded world + karabakh gazetteers and the recognizer. One operation is one pass over every document;
/// <c>MChars/s</c> is corpus characters divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EntityBenchmarks
{
    private ParsedDocument[] _documents = [];
    private AnalysisContext _context = null!;
    private FramingWorkload _workload = null!;
    private IAnalyzer _framing = null!;
    private IAnalyzer _generatedGazetteerOnly = null!;
    private IAnalyzer _generatedWithUnlisted = null!;
    private IAnalyzer _defaultsWithUnlisted = null!;
    private IAnalyzer _defaultsWithModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = FramingWorkload.For(10_000);
        _documents = _workload.ParseAll();
        _context = new AnalysisContext(_documents[0]);
        var gazetteer = GenerateGazetteer(_workload.Documents, 10_000, seed: 20231109);
        Console.WriteLine($"// Corpus: {_workload.Source}, {_documents.Length} documents, {_workload.TotalChars} chars; generated gazetteer: " +
                          $"{gazetteer.Entities.Count} entities, {gazetteer.Entities.Sum(e => 1 + e.Aliases.Count)} names");

        _framing = new TextLensPipelineBuilder().AddFraming().Analyzers.Single();
        _generatedGazetteerOnly = new TextLensPipelineBuilder().AddEntities(o => { o.AddGazetteer(gazetteer); o.Mode = EntityMode.GazetteerOnly; }).Analyzers.Single();
        _generatedWithUnlisted = new TextLensPipelineBuilder().AddEntities(o => o.AddGazetteer(gazetteer)).Analyzers.Single();
        _defaultsWithUnlisted = new TextLensPipelineBuilder().AddEntities().Analyzers.Single();
        _defaultsWithModel = new TextLensPipelineBuilder().AddEntities(o => o.UseStatisticalRecognizer()).Analyzers.Single();
        Console.WriteLine($"// Hits or annotations per pass: framing matcher 10k {FramingMatcher10k()}, framing analyzer {Run(_framing)}, generated gazetteer {Run(_generatedGazetteerOnly)}, " +
                          $"+ unlisted {Run(_generatedWithUnlisted)}, world + karabakh + unlisted {Run(_defaultsWithUnlisted)}, " +
                          $"world + karabakh + model {Run(_defaultsWithModel)}");
    }

    [Benchmark(Baseline = true)]
    public int FramingMatcher10k() => _workload.CountMatchOnly(_documents);

    [Benchmark]
    public int FramingAnalyzer() => Run(_framing);

    [Benchmark]
    public int EntitiesGazetteer10k() => Run(_generatedGazetteerOnly);

    [Benchmark]
    public int EntitiesGazetteer10kAndUnlisted() => Run(_generatedWithUnlisted);

    [Benchmark]
    public int EntitiesDefaultsAndUnlisted() => Run(_defaultsWithUnlisted);

    /// <summary>The console's default: the embedded gazetteers + the statistical model for unlisted names (<c>--recognizer statistical</c>).</summary>
    [Benchmark]
    public int EntitiesDefaultsAndModel() => Run(_defaultsWithModel);

    internal int Run(IAnalyzer analyzer)
    {
        var annotations = 0;
        // One context reused from document to document, as each engine worker does.
        var context = _context;
        for (var i = 0; i < _documents.Length; i++)
        {
            context.Reset(_documents[i], CancellationToken.None);
            context.Begin(analyzer.Descriptor.Layer);
            analyzer.Analyze(context);
            annotations += context.Count;
        }

        return annotations;
    }

    /// <summary>A gazetteer with exactly <paramref name="aliases"/> names (canonical names included).</summary>
    internal static Gazetteer GenerateGazetteer(TextDocument[] corpus, int aliases, int seed)
    {
        var random = new Random(seed);
        var names = new List<string>(aliases);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // A fifth: capitalised words of the corpus that are not common English words.
        foreach (var document in corpus)
        {
            foreach (var word in document.Text.Split([' ', '\n', ',', '.', '"', '(', ')', ':', ';', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                if (names.Count >= aliases / 5)
                {
                    break;
                }

                if (word.Length >= 4 && char.IsUpper(word[0]) && word.All(char.IsLetter) && !word.All(char.IsUpper) && seen.Add(word)
                    && !Common.Contains(word.ToLowerInvariant()))
                {
                    names.Add(word);
                }
            }
        }

        string[] syllables = ["ka", "ra", "bakh", "shu", "sha", "fu", "zu", "li", "lach", "in", "gan", "ja", "dar", "mo", "ro", "va", "ne", "tor", "bel", "an", "is", "ko", "vo", "ma", "ri"];
        string Word()
        {
            var sb = new StringBuilder();
            for (var k = random.Next(2, 4); k > 0; k--)
            {
                sb.Append(syllables[random.Next(syllables.Length)]);
            }

            sb[0] = char.ToUpperInvariant(sb[0]);
            return sb.ToString();
        }

        string[] tails = ["Ministry", "Agency", "district", "village", "Council", "road", "Committee", "Group", "region", "Bank"];
        while (names.Count < aliases)
        {
            var words = random.Next(1, 4);
            var name = words switch
            {
                1 => Word(),
                2 => Word() + " " + (random.Next(2) == 0 ? Word() : tails[random.Next(tails.Length)]),
                _ => Word() + " " + Word() + " " + tails[random.Next(tails.Length)],
            };
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        // Two or three names an entity: the first is the canonical name.
        var json = new StringBuilder("{ \"name\": \"generated\", \"version\": \"1\", \"entities\": [\n");
        string[] types = ["GPE", "LOC", "ORG", "PERSON", "FAC"];
        var at = 0;
        var id = 0;
        while (at < names.Count)
        {
            var take = Math.Min(names.Count - at, random.Next(2, 4));
            var aliasList = string.Join(", ", names.Skip(at + 1).Take(take - 1).Select(a => "\"" + a + "\""));
            json.Append(CultureInfo.InvariantCulture, $"  {{ \"id\": \"gen.e.n{id++}\", \"name\": \"{names[at]}\", \"type\": \"{types[id % types.Length]}\", \"aliases\": [{aliasList}] }},\n");
            at += take;
        }

        json.Append("] }");
        return Gazetteer.Parse(json.ToString(), "generated");
    }

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "this", "that", "they", "their", "there", "these", "when", "what", "which", "while", "with", "from", "after", "before", "but",
        "however", "mr", "mrs", "some", "many", "most", "also", "it", "its", "he", "she", "we", "in", "on", "at", "for", "and", "said", "says",
    };

    /// <summary>Throughput over the framing workload's documents, which every operation analyses once.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("FramingWorkloadThroughput", static _ => FramingWorkload.For(10_000).TotalChars));
    }
}
