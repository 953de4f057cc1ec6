using TextLens.Statistics;

namespace TextLens.Tests.Statistics;

/// <summary>
/// Keyness of part of a vocabulary with group totals given, against the rest or against one reference group; expected
/// values computed by hand from the formulas on <see cref="Keyness"/>.
/// </summary>
public sealed class KeynessGroupTotalsTests
{
    // Three outlets; "x" is the only term scored (the others fell below a minimum count) but each total counts every word.
    private static readonly KeynessCount[] Counts = [new("A", "word", "x", 10), new("B", "word", "x", 2), new("C", "word", "x", 3)];
    private static readonly Dictionary<string, long> Totals = new(StringComparer.Ordinal) { ["A"] = 100, ["B"] = 50, ["C"] = 50 };

    [Fact]
    public void WeightedLogOdds_GroupTotalsGiven_UsesThemForTotalsAndPrior()
    {
        // A against B+C, α0 = 10: α = 10·15/200 = 0.75; δ = ln(10.75/(100+10−10−0.75)) − ln(5.75/(100+10−5−0.75))
        // = ln(10.75/99.25) − ln(5.75/104.25) = 0.674856; σ² = 1/10.75 + 1/5.75 = 0.266936; z = 1.306193.
        var a = Keyness.WeightedLogOdds(Counts, Totals, priorStrength: 10).Single(r => r.Group == "A");
        Assert.Equal((10L, 100L, 5L, 100L), (a.Count, a.GroupTotal, a.RestCount, a.RestTotal));
        Assert.Equal(0.75, a.Prior, 12);
        Assert.Equal(0.6748558408760239, a.Delta, 10);
        Assert.Equal(0.26693629929221435, a.Variance, 10);
        Assert.Equal(1.3061925230197546, a.Z, 10);
    }

    [Fact]
    public void WeightedLogOdds_Reference_ComparesEachOtherGroupWithThatGroupAlone()
    {
        // A against C, α0 = 10: α = 10·(10+3)/(100+50) = 0.866667; δ = ln(10.866667/99.133333) − ln(3.866667/56.133333) = 0.464571;
        // σ² = 1/10.866667 + 1/3.866667 = 0.350645; z = 0.784546.
        var rows = Keyness.WeightedLogOdds(Counts, Totals, priorStrength: 10, reference: "C");
        Assert.Equal(["A", "B"], rows.Select(r => r.Group));
        var a = rows[0];
        Assert.Equal((10L, 100L, 3L, 50L), (a.Count, a.GroupTotal, a.RestCount, a.RestTotal));
        Assert.Equal(0.8666666666666667, a.Prior, 12);
        Assert.Equal(0.46457125804251476, a.Delta, 10);
        Assert.Equal(0.350645229532473, a.Variance, 10);
        Assert.Equal(0.7845459234155888, a.Z, 10);
    }

    [Fact]
    public void LogLikelihood_Reference_ComparesWithThatGroupsSize()
    {
        // A (1,000 tokens) against C (400): E1 = 1000·13/1400 = 9.285714, E2 = 3.714286;
        // G² = 2(10 ln(10/9.285714) + 3 ln(3/3.714286)) = 0.200715; 10/1000 > 3/400, so direction +1.
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal) { ["A"] = 1000, ["B"] = 500, ["C"] = 400 };
        var a = Keyness.LogLikelihood(Counts, sizes, reference: "C").Single(r => r.Group == "A");
        Assert.Equal((10L, 1000L, 3L, 400L), (a.Count, a.GroupSize, a.RestCount, a.RestSize));
        Assert.Equal(9.285714285714286, a.ExpectedInGroup, 10);
        Assert.Equal(0.2007148412860824, a.G2, 10);
        Assert.Equal(1, a.Direction);
    }

    [Fact]
    public void WeightedLogOdds_WithoutReference_EqualsTheSummedTotalsOverloadWhenTotalsAreTheSums()
    {
        KeynessCount[] counts = [new("A", "", "x", 4), new("A", "", "y", 6), new("B", "", "x", 1), new("B", "", "y", 9)];
        var summed = Keyness.WeightedLogOdds(counts, 50);
        var given = Keyness.WeightedLogOdds(counts, new Dictionary<string, long>(StringComparer.Ordinal) { ["A"] = 10, ["B"] = 10 }, 50);
        Assert.Equal(summed, given);
    }

    [Fact]
    public void WeightedLogOdds_UnknownReferenceOrMissingTotal_FailsNamingTheGroup()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Keyness.WeightedLogOdds(Counts, Totals, 10, reference: "RT"));
        Assert.StartsWith("There is no group 'RT'; the groups are A, B, C.", unknown.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => Keyness.WeightedLogOdds(Counts, new Dictionary<string, long> { ["A"] = 1, ["B"] = 1 }, 10));
        Assert.StartsWith("Group 'C' has counts but no total.", missing.Message, StringComparison.Ordinal);
    }
}
