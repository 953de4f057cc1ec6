using System.Globalization;
using TextLens.Entities;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary>
/// The training settings shared by <c>ner-train</c> and <c>ner-cv</c> (<c>--epochs --bits --seed --prune --dropout
/// --gazetteers --classes --history</c>), the gazetteer words and word classes they load, and one training run.
/// </summary>
internal sealed class NerTraining
{
    /// <summary>The options this reads from a command line.</summary>
    public static readonly string[] Options = ["epochs", "bits", "seed", "prune", "gazetteers", "dropout", "classes", "history"];

    private NerTraining(NerCommandLine cl)
    {
        Epochs = cl.Int("epochs", 10);
        Bits = cl.Int("bits", 22);
        Seed = cl.Int("seed", 1);
        Prune = cl.Float("prune", 0f);
        Dropout = cl.Float("dropout", 0f);
        DocumentHistory = (cl["history"] ?? "on") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--history must be on or off (was '{other}')."),
        };
        var gazetteerNames = (cl["gazetteers"] ?? "world,karabakh").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => !string.Equals(n, "none", StringComparison.Ordinal)).ToArray();
        Gazetteers = gazetteerNames.Select(TextLens.Entities.Gazetteers.Default).ToArray();
        Lexicon = NerLexicon.Build(Gazetteers.SelectMany(g => g.Entities)
            .SelectMany(e => e.Aliases.Select(a => a.Text).Prepend(e.Name).Select(name => (name, e.Type))));
        ClassesPath = cl["classes"] is { } c && !string.Equals(c, "none", StringComparison.Ordinal) ? c : null;
        WordClasses = ClassesPath is null ? NerWordClasses.Empty : NerWordClassFile.Read(ClassesPath);
    }

    public int Epochs { get; }

    public int Bits { get; }

    public int Seed { get; }

    public float Prune { get; }

    public float Dropout { get; }

    public bool DocumentHistory { get; }

    public Gazetteer[] Gazetteers { get; }

    public NerLexicon Lexicon { get; }

    public string? ClassesPath { get; }

    public NerWordClasses WordClasses { get; }

    public static NerTraining From(NerCommandLine cl) => new(cl);

    /// <summary>What the run uses, one line.</summary>
    public string Describe() =>
        $"gazetteer features: {Lexicon.Count} words from {(Gazetteers.Length == 0 ? "no gazetteer" : string.Join(", ", Gazetteers.Select(g => g.ToString())))}; " +
        $"word classes: {(ClassesPath is null ? "none" : $"{WordClasses.Count} words from {ClassesPath}")}; document history {(DocumentHistory ? "on" : "off")}; " +
        $"{Epochs} epochs, seed {Seed}, 2^{Bits} buckets, dropout {Dropout.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Creates a trainer and adds every sentence of the documents, each document's sentences in order.</summary>
    public PerceptronTrainer Prepare(IEnumerable<ParsedConllDocument> documents)
    {
        var trainer = new PerceptronTrainer(Bits, Lexicon, WordClasses) { WordDropout = Dropout, UseDocumentHistory = DocumentHistory };
        foreach (var doc in documents)
        {
            var first = true;
            foreach (var s in doc.Parsed.Sentences)
            {
                if (s.TokenCount == 0)
                {
                    continue;
                }

                trainer.Add(doc.Parsed.Text, doc.Parsed.Tokens.Slice(s.FirstToken, s.TokenCount), doc.Gold.AsSpan(s.FirstToken, s.TokenCount), continuesDocument: !first);
                first = false;
            }
        }

        return trainer;
    }

    /// <summary>The seed of one epoch.</summary>
    public ulong EpochSeed(int epoch) => ((ulong)(uint)Seed << 32) | (uint)epoch;

    /// <summary>The metadata every model of these settings carries (the command adds data and figures).</summary>
    public Dictionary<string, string> Metadata() => new(StringComparer.Ordinal)
    {
        ["epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
        ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        ["bucketBits"] = Bits.ToString(CultureInfo.InvariantCulture),
        ["prune"] = Prune.ToString(CultureInfo.InvariantCulture),
        ["wordDropout"] = Dropout.ToString(CultureInfo.InvariantCulture),
        ["featureSet"] = NerFeatures.Version.ToString(CultureInfo.InvariantCulture),
        ["gazetteers"] = Gazetteers.Length == 0 ? "none" : string.Join("; ", Gazetteers.Select(g => $"{g.Name} {g.Version} sha256:{g.Sha256}")),
        ["gazetteerWords"] = Lexicon.Count.ToString(CultureInfo.InvariantCulture),
        ["wordClasses"] = ClassesPath is null ? "none" : $"{WordClasses.Count} words ({Path.GetFileName(ClassesPath)})",
        [NerModel.DocumentHistoryKey] = DocumentHistory ? "true" : "false",
    };
}
