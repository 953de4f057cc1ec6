using System.Diagnostics;
using System.Globalization;
using TextLens.Entities;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary>
/// <c>ner-train</c>: trains the averaged-perceptron recognizer on CoNLL-2003 <c>train</c> (single thread,
/// deterministic), evaluates the quantised model on <c>testa</c> after the chosen epochs and writes the model file.
/// </summary>
internal sealed class NerTrainCommand : IEvaluationCommand
{
    public string Name => "ner-train";

    public string Description =>
        "Train the statistical NER model on CoNLL-2003 train, score it on testa, write it (--out, --epochs, --bits, --seed, --prune, --eval-every, --gazetteers world,karabakh|none, --dropout p)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, "train", "dev", "out", "epochs", "bits", "seed", "prune", "eval-every", "gazetteers", "dropout");
        var trainPath = cl.DataPath("train", "conll2003/conll2003_train_docs.jsonl");
        var devPath = cl.DataPath("dev", "conll2003/conll2003_testa_docs.jsonl");
        var outPath = cl["out"] ?? Path.Combine("artifacts", "ner", StatisticalEntityRecognizer.DefaultModelName + ".bin");
        var epochs = cl.Int("epochs", 10);
        var bits = cl.Int("bits", 22);
        var seed = cl.Int("seed", 1);
        var prune = cl.Float("prune", 0f);
        var evalEvery = cl.Int("eval-every", 0);
        var gazetteerNames = (cl["gazetteers"] ?? "world,karabakh").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => !string.Equals(n, "none", StringComparison.Ordinal)).ToArray();
        var gazetteers = gazetteerNames.Select(Gazetteers.Default).ToArray();
        var lexicon = NerLexicon.Build(gazetteers.SelectMany(g => g.Entities)
            .SelectMany(e => e.Aliases.Select(a => a.Text).Prepend(e.Name).Select(name => (name, e.Type))));
        Console.WriteLine($"gazetteer features: {lexicon.Count} words from {(gazetteers.Length == 0 ? "no gazetteer" : string.Join(", ", gazetteers.Select(g => g.ToString())))}");

        var clock = Stopwatch.StartNew();
        var train = await ConllCorpus.LoadAsync(trainPath, cancellationToken);
        var dev = await ConllCorpus.LoadAsync(devPath, cancellationToken);
        Console.WriteLine($"train: {train.Documents.Count} docs, {train.Sentences} sentences, {train.TextLensTokens} TextLens tokens ({train.ConllTokens} CoNLL tokens), {train.EntityCount} entities, {train.Unalignable} not on token boundaries");
        Console.WriteLine($"testa: {dev.Documents.Count} docs, {dev.Sentences} sentences, {dev.TextLensTokens} TextLens tokens ({dev.ConllTokens} CoNLL tokens), {dev.EntityCount} entities, {dev.Unalignable} not on token boundaries");

        var dropout = cl.Float("dropout", 0f);
        var trainer = new PerceptronTrainer(bits, lexicon) { WordDropout = dropout };
        foreach (var doc in train.Documents)
        {
            foreach (var s in doc.Parsed.Sentences)
            {
                trainer.Add(doc.Parsed.Text, doc.Parsed.Tokens.Slice(s.FirstToken, s.TokenCount), doc.Gold.AsSpan(s.FirstToken, s.TokenCount));
            }
        }

        Console.WriteLine($"features extracted in {clock.Elapsed.TotalSeconds:F1} s; {trainer.SequenceCount} sequences, {trainer.TokenCount} tokens, 2^{bits} buckets");
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mistakes = trainer.Epoch(EpochSeed(seed, epoch));
            var line = $"epoch {epoch,2}: {mistakes} mistakes ({100.0 * mistakes / trainer.TokenCount:F2}% of tokens), {clock.Elapsed.TotalSeconds:F1} s";
            if (evalEvery > 0 && epoch % evalEvery == 0 && epoch != epochs)
            {
                var probe = StatisticalEntityRecognizer.FromModel(trainer.ToModel(new Dictionary<string, string>(), prune), "probe");
                line += $", testa F1 {NerScore.Evaluate(probe, dev).OverallF1:F4}";
            }

            Console.WriteLine(line);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = StatisticalEntityRecognizer.DefaultModelName,
            ["version"] = "1",
            ["algorithm"] = "averaged perceptron, greedy left-to-right decoding, BIO tags",
            ["trainingData"] = $"CoNLL-2003 English train ({Path.GetFileName(trainPath)}: {train.Documents.Count} docs, {trainer.SequenceCount} sentences, {trainer.TokenCount} TextLens tokens)",
            ["trainedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["epochs"] = epochs.ToString(CultureInfo.InvariantCulture),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["bucketBits"] = bits.ToString(CultureInfo.InvariantCulture),
            ["prune"] = prune.ToString(CultureInfo.InvariantCulture),
            ["wordDropout"] = dropout.ToString(CultureInfo.InvariantCulture),
            ["featureSet"] = NerFeatures.Version.ToString(CultureInfo.InvariantCulture),
            ["gazetteers"] = gazetteers.Length == 0 ? "none" : string.Join("; ", gazetteers.Select(g => $"{g.Name} {g.Version} sha256:{g.Sha256}")),
            ["gazetteerWords"] = lexicon.Count.ToString(CultureInfo.InvariantCulture),
            ["command"] = "dotnet run -c Release --project samples/TextLens.Evaluation -- ner-train " + string.Join(' ', args),
        };
        var model = trainer.ToModel(metadata, prune);
        var score = NerScore.Evaluate(StatisticalEntityRecognizer.FromModel(model, "trained"), dev);
        foreach (var (k, v) in score.Figures("testa"))
        {
            metadata[k] = v;
        }

        metadata["testa.unalignable"] = $"{dev.Unalignable} of {dev.EntityCount} gold entities do not start and end on TextLens token boundaries";
        model = model.WithMetadata(metadata);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        var bytes = model.ToBytes();
        var tmp = outPath + ".tmp";
        await File.WriteAllBytesAsync(tmp, bytes, cancellationToken);
        File.Move(tmp, outPath, overwrite: true);
        Console.WriteLine();
        Console.WriteLine($"testa (entity level, exact span and type), quantised model:");
        Console.Write(score.Format());
        Console.WriteLine();
        Console.WriteLine($"model: {outPath}, {bytes.Length:N0} bytes ({bytes.Length / 1048576.0:F2} MiB), {model.RowCount:N0} non-zero rows of 2^{bits} ({model.TableBytes / 1048576.0:F1} MiB lookup table), scale {model.Scale:G4}; total {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static ulong EpochSeed(int seed, int epoch) => ((ulong)(uint)seed << 32) | (uint)epoch;
}
