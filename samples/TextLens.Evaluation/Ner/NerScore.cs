using System.Globalization;
using System.Text;
using TextLens.Entities;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary>Entity-level scores: a predicted entity is correct when its character span and type equal a gold entity's.</summary>
internal sealed class NerScore
{
    private readonly int[] _gold = new int[NerTagSet.TypeCount];
    private readonly int[] _predicted = new int[NerTagSet.TypeCount];
    private readonly int[] _correct = new int[NerTagSet.TypeCount];

    /// <summary>Scores a recognizer on a corpus.</summary>
    public static NerScore Evaluate(StatisticalEntityRecognizer recognizer, ConllCorpus corpus) => Evaluate(recognizer, corpus.Documents);

    /// <summary>Scores a recognizer on documents.</summary>
    public static NerScore Evaluate(StatisticalEntityRecognizer recognizer, IEnumerable<ParsedConllDocument> documents)
    {
        var score = new NerScore();
        var found = new List<RecognizedEntity>();
        foreach (var doc in documents)
        {
            found.Clear();
            recognizer.Recognize(doc.Parsed, [], found);
            var gold = new HashSet<(int, int, int)>();
            foreach (var e in doc.Source.Entities)
            {
                var t = NerTagSet.TypeIndex(e.Type);
                gold.Add((e.Start, e.End, t));
                score._gold[t]++;
            }

            foreach (var p in found)
            {
                var t = TypeOf(p.Type);
                score._predicted[t]++;
                if (gold.Contains((p.Start, p.End, t)))
                {
                    score._correct[t]++;
                }
            }
        }

        return score;
    }

    public double OverallF1 => F1(_correct.Sum(), _predicted.Sum(), _gold.Sum());

    /// <summary>The counts of several scores added together (micro-average over folds).</summary>
    public static NerScore Pool(IEnumerable<NerScore> scores)
    {
        var pooled = new NerScore();
        foreach (var s in scores)
        {
            for (var t = 0; t < NerTagSet.TypeCount; t++)
            {
                pooled._gold[t] += s._gold[t];
                pooled._predicted[t] += s._predicted[t];
                pooled._correct[t] += s._correct[t];
            }
        }

        return pooled;
    }

    /// <summary>F1 per type on one line: <c>PER 0.9123 LOC … MISC …</c>.</summary>
    public string Summary() => string.Join(' ', Enumerable.Range(0, NerTagSet.TypeCount).Select(t =>
        string.Create(CultureInfo.InvariantCulture, $"{NerTagSet.ConllTypes[t]} {F1(_correct[t], _predicted[t], _gold[t]):F4}")));

    /// <summary>A table: type, gold, predicted, correct, P, R, F1.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| type | gold | predicted | correct | precision | recall | F1 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var t = 0; t < NerTagSet.TypeCount; t++)
        {
            Row(sb, NerTagSet.ConllTypes[t], _gold[t], _predicted[t], _correct[t]);
        }

        Row(sb, "**all**", _gold.Sum(), _predicted.Sum(), _correct.Sum());
        return sb.ToString();
    }

    /// <summary>Key/value figures for the model's provenance.</summary>
    public IEnumerable<KeyValuePair<string, string>> Figures(string prefix)
    {
        for (var t = 0; t <= NerTagSet.TypeCount; t++)
        {
            var (name, g, p, c) = t < NerTagSet.TypeCount
                ? (NerTagSet.ConllTypes[t], _gold[t], _predicted[t], _correct[t])
                : ("all", _gold.Sum(), _predicted.Sum(), _correct.Sum());
            yield return new($"{prefix}.{name}",
                string.Create(CultureInfo.InvariantCulture, $"P={Precision(c, p):F4} R={Recall(c, g):F4} F1={F1(c, p, g):F4}"));
        }
    }

    private static void Row(StringBuilder sb, string name, int gold, int predicted, int correct) =>
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {gold} | {predicted} | {correct} | {Precision(correct, predicted):F4} | {Recall(correct, gold):F4} | {F1(correct, predicted, gold):F4} |");

    private static double Precision(int correct, int predicted) => predicted == 0 ? 0 : (double)correct / predicted;

    private static double Recall(int correct, int gold) => gold == 0 ? 0 : (double)correct / gold;

    private static double F1(int correct, int predicted, int gold)
    {
        var p = Precision(correct, predicted);
        var r = Recall(correct, gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Back from TextLens types to CoNLL: PERSON → PER, LOC/GPE/FAC → LOC, ORG → ORG, anything else → MISC.</summary>
    private static int TypeOf(string textLensType) => textLensType switch
    {
        EntityTypes.Person => 0,
        EntityTypes.Location or EntityTypes.GeopoliticalEntity or EntityTypes.Facility => 1,
        EntityTypes.Organization => 2,
        _ => 3,
    };
}
