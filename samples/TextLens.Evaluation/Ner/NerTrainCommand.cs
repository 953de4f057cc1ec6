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
        "Train the statistical NER model on CoNLL-2003 train, score it on testa, write it (--out, --epochs, --bits, --seed, --prune, --eval-every, --gazetteers world,karabakh|none, --dropout p, --classes file|none, --history on|off)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, [.. NerTraining.Options, "train", "dev", "out", "eval-every"]);
        var trainPath = cl.DataPath("train", "conll2003/conll2003_train_docs.jsonl");
        var devPath = cl.DataPath("dev", "conll2003/conll2003_testa_docs.jsonl");
        var outPath = cl["out"] ?? Path.Combine("artifacts", "ner", StatisticalEntityRecognizer.DefaultModelName + ".bin");
        var evalEvery = cl.Int("eval-every", 0);
        var settings = NerTraining.From(cl);
        Console.WriteLine(settings.Describe());

        var clock = Stopwatch.StartNew();
        var train = await ConllCorpus.LoadAsync(trainPath, cancellationToken);
        var dev = await ConllCorpus.LoadAsync(devPath, cancellationToken);
        Console.WriteLine($"train: {train.Documents.Count} docs, {train.Sentences} sentences, {train.TextLensTokens} TextLens tokens ({train.ConllTokens} CoNLL tokens), {train.EntityCount} entities, {train.Unalignable} not on token boundaries");
        Console.WriteLine($"testa: {dev.Documents.Count} docs, {dev.Sentences} sentences, {dev.TextLensTokens} TextLens tokens ({dev.ConllTokens} CoNLL tokens), {dev.EntityCount} entities, {dev.Unalignable} not on token boundaries");

        var trainer = settings.Prepare(train.Documents);
        Console.WriteLine($"features extracted in {clock.Elapsed.TotalSeconds:F1} s; {trainer.SequenceCount} sequences, {trainer.TokenCount} tokens, 2^{settings.Bits} buckets");
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mistakes = trainer.Epoch(settings.EpochSeed(epoch));
            var line = $"epoch {epoch,2}: {mistakes} mistakes ({100.0 * mistakes / trainer.TokenCount:F2}% of tokens), {clock.Elapsed.TotalSeconds:F1} s";
            if (evalEvery > 0 && epoch % evalEvery == 0 && epoch != settings.Epochs)
            {
                var probe = StatisticalEntityRecognizer.FromModel(trainer.ToModel(settings.Metadata(), settings.Prune), "probe");
                line += $", testa F1 {NerScore.Evaluate(probe, dev).OverallF1:F4}";
            }

            Console.WriteLine(line);
        }

        var metadata = settings.Metadata();
        metadata["name"] = StatisticalEntityRecognizer.DefaultModelName;
        metadata["version"] = "2";
        metadata["algorithm"] = "averaged perceptron, greedy left-to-right decoding, BIO tags, prediction history within the document";
        metadata["trainingData"] = $"CoNLL-2003 English train ({Path.GetFileName(trainPath)}: {train.Documents.Count} docs, {trainer.SequenceCount} sentences, {trainer.TokenCount} TextLens tokens)";
        metadata["trainedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        metadata["command"] = "dotnet run -c Release --project samples/TextLens.Evaluation -- ner-train " + string.Join(' ', args);
        var model = trainer.ToModel(metadata, settings.Prune);
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
        Console.WriteLine($"model: {outPath}, {bytes.Length:N0} bytes ({bytes.Length / 1048576.0:F2} MiB), {model.RowCount:N0} non-zero rows of 2^{settings.Bits} ({model.TableBytes / 1048576.0:F1} MiB lookup table), scale {model.Scale:G4}; total {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
