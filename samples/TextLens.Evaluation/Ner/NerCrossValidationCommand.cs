using System.Diagnostics;
using System.Globalization;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary>
/// <c>ner-cv</c>: k-fold cross-validation of the statistical recognizer on CoNLL-2003 <c>train</c> alone, the tuning
/// harness: documents are dealt to folds by their position (document <c>i</c> to fold <c>i mod k</c>), a model is
/// trained on the other folds with the given settings and scored on the held-out fold. <c>testa</c> is not read.
/// </summary>
internal sealed class NerCrossValidationCommand : IEvaluationCommand
{
    public string Name => "ner-cv";

    public string Description =>
        "k-fold cross-validation on CoNLL-2003 train only (--folds 5, --only fold, and ner-train's --epochs --bits --seed --dropout --gazetteers --classes --history)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, [.. NerTraining.Options, "train", "folds", "only"]);
        var trainPath = cl.DataPath("train", "conll2003/conll2003_train_docs.jsonl");
        var folds = cl.Int("folds", 5);
        var only = cl.Int("only", -1);
        if (folds < 2)
        {
            throw new ArgumentException($"--folds must be at least 2 (was {folds}).");
        }

        var settings = NerTraining.From(cl);
        Console.WriteLine(settings.Describe());
        var corpus = await ConllCorpus.LoadAsync(trainPath, cancellationToken);
        Console.WriteLine($"train: {corpus.Documents.Count} docs, {corpus.TextLensTokens} TextLens tokens, {corpus.EntityCount} entities; {folds} folds by document position");
        var scores = new List<NerScore>();
        for (var fold = 0; fold < folds; fold++)
        {
            if (only >= 0 && fold != only)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var trainer = settings.Prepare(corpus.Documents.Where((_, i) => i % folds != fold));
            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                trainer.Epoch(settings.EpochSeed(epoch));
            }

            var model = trainer.ToModel(settings.Metadata(), settings.Prune);
            var heldOut = corpus.Documents.Where((_, i) => i % folds == fold).ToList();
            var score = NerScore.Evaluate(StatisticalEntityRecognizer.FromModel(model, $"fold {fold}"), heldOut);
            scores.Add(score);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold}: {heldOut.Count} held-out docs, F1 {score.OverallF1:F4} ({score.Summary()}), {clock.Elapsed.TotalSeconds:F0} s"));
        }

        var f1 = scores.Select(s => s.OverallF1).ToArray();
        var mean = f1.Average();
        var sd = f1.Length > 1 ? Math.Sqrt(f1.Sum(x => (x - mean) * (x - mean)) / (f1.Length - 1)) : 0;
        var pooled = NerScore.Pool(scores);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-validated F1 on train: mean {mean:F4} (sd {sd:F4} over {f1.Length} folds); pooled {pooled.OverallF1:F4} ({pooled.Summary()})"));
        return 0;
    }
}
