using System.Diagnostics;
using TextLens.Entities;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary><c>ner-eval</c>: scores a model file (the embedded default when none is given) on CoNLL-2003 <c>testa</c>.</summary>
internal sealed class NerEvalCommand : IEvaluationCommand
{
    public string Name => "ner-eval";

    public string Description => "Score a statistical NER model (--model file, default: embedded) on CoNLL-2003 testa (--dev)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, "model", "dev", "token-diff");
        var devPath = cl.DataPath("dev", "conll2003/conll2003_testa_docs.jsonl");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var recognizer = cl["model"] is { } path ? StatisticalEntityRecognizer.Load(path) : StatisticalEntityRecognizer.LoadDefault();
        var loaded = clock.Elapsed;
        var resident = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var dev = await ConllCorpus.LoadAsync(devPath, cancellationToken);
        Console.WriteLine($"model: {recognizer.Info.Name} v{recognizer.Info.Version} ({recognizer.Info.Origin}), sha256 {recognizer.Info.Sha256}, loaded in {loaded.TotalMilliseconds:F0} ms (first call, JIT included), {resident / 1048576.0:F1} MiB resident ({recognizer.Model.RowCount:N0} rows in a {recognizer.Model.TableBytes / 1048576.0:F1} MiB table, {recognizer.Model.Lexicon.Count:N0} gazetteer words)");
        foreach (var (k, v) in recognizer.Provenance)
        {
            Console.WriteLine($"  {k} = {v}");
        }

        Console.WriteLine($"testa: {dev.Documents.Count} docs, {dev.Sentences} sentences, {dev.TextLensTokens} TextLens tokens ({dev.ConllTokens} CoNLL tokens), {dev.EntityCount} entities, {dev.Unalignable} not on token boundaries");
        if (cl.Int("token-diff", 0) is > 0 and var top)
        {
            PrintTokenDifferences(dev, top);
        }

        var tagging = Stopwatch.StartNew();
        var score = NerScore.Evaluate(recognizer, dev);
        Console.WriteLine();
        Console.Write(score.Format());
        Console.WriteLine($"(scored in {tagging.Elapsed.TotalMilliseconds:F0} ms)");
        return 0;
    }

    /// <summary>The CoNLL tokens (space-separated) that the TextLens tokenizer splits, most frequent first.</summary>
    private static void PrintTokenDifferences(ConllCorpus corpus, int top)
    {
        var split = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var doc in corpus.Documents)
        {
            var text = doc.Parsed.Text;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] is not (' ' or '\n'))
                {
                    continue;
                }

                if (i > start)
                {
                    var first = doc.Parsed.TokenIndexAt(start);
                    var last = doc.Parsed.TokenIndexAt(i - 1);
                    if (last > first)
                    {
                        var word = text[start..i];
                        split[word] = split.GetValueOrDefault(word) + 1;
                        total++;
                    }
                }

                start = i + 1;
            }
        }

        var examples = new List<string>();
        var splitLines = 0;
        foreach (var doc in corpus.Documents)
        {
            foreach (ref readonly var sentence in doc.Parsed.Sentences)
            {
                var end = sentence.Start + sentence.Length;
                if (sentence.TokenCount > 0 && end < doc.Parsed.Text.Length && doc.Parsed.Text[end - 1] != '\n')
                {
                    splitLines++;
                    if (examples.Count < top)
                    {
                        examples.Add(doc.Parsed.Text.Substring(sentence.Start, sentence.Length).TrimEnd() + " | " + doc.Parsed.Text[end..Math.Min(end + 30, doc.Parsed.Text.Length)].Split('\n')[0]);
                    }
                }
            }
        }

        Console.WriteLine($"{splitLines} sentence ends inside a CoNLL line (sentence | what follows):");
        foreach (var e in examples)
        {
            Console.WriteLine("  " + e);
        }

        Console.WriteLine($"{total} CoNLL tokens ({split.Count} distinct) are split into several TextLens tokens; most frequent:");
        foreach (var (word, count) in split.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top))
        {
            Console.WriteLine($"  {count,5}  {word}");
        }
    }
}
