namespace TextLens.Evaluation;

/// <summary>The level of measurement of coded values: which differences between two values count as disagreement.</summary>
public enum AgreementMetric
{
    /// <summary>Values are categories: two values agree when they are equal, and every unequal pair disagrees equally.</summary>
    Nominal,

    /// <summary>Values are numbers on an interval scale: two values disagree by the square of their difference.</summary>
    Interval,
}
