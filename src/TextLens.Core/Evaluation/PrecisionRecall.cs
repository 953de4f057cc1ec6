using System.Globalization;

namespace TextLens.Evaluation;

/// <summary>Counts of a comparison with gold, and the precision, recall and F1 they give.</summary>
/// <param name="TruePositives">Found spans that match a gold span.</param>
/// <param name="FalsePositives">Found spans that match none (false hits).</param>
/// <param name="FalseNegatives">Gold spans that no found span matches (misses).</param>
public readonly record struct PrecisionRecall(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Gold spans: true positives and misses.</summary>
    public int Gold => TruePositives + FalseNegatives;

    /// <summary>Found spans: true positives and false hits.</summary>
    public int Found => TruePositives + FalsePositives;

    /// <summary>True positives / found (0 when nothing was found).</summary>
    public double Precision => Found == 0 ? 0 : (double)TruePositives / Found;

    /// <summary>True positives / gold (0 when there is no gold).</summary>
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    /// <summary>The harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The counts summed.</summary>
    public static PrecisionRecall operator +(PrecisionRecall left, PrecisionRecall right) =>
        new(left.TruePositives + right.TruePositives, left.FalsePositives + right.FalsePositives, left.FalseNegatives + right.FalseNegatives);

    /// <summary>The counts summed (the operator's named alternative).</summary>
    public static PrecisionRecall Add(PrecisionRecall left, PrecisionRecall right) => left + right;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
}
