using TextLens.Statistics;

namespace TextLens.Tests.Statistics;

public sealed class KeynessTests
{
    private const double Tolerance = 1e-9;

    // A 2×2 example worked by hand. Two outlets, two labels of one concept:
    //
    //              separatists  ethnic-armenian-forces   total
    //   outlet A        10               30                40
    //   outlet B        20               20                40
    //   corpus          30               50                80
    //
    // Weighted log-odds of "separatists" in A against the rest (B), prior strength α0 = 100:
    //   α_w  = 100 · 30/80 = 37.5
    //   δ    = ln((10 + 37.5)/(40 + 100 − 10 − 37.5)) − ln((20 + 37.5)/(40 + 100 − 20 − 37.5))
    //        = ln(47.5/92.5) − ln(57.5/82.5)
    //        = −0.6664789334777841 − (−0.3610133455373305) = −0.3054655879404536
    //   σ²   = 1/47.5 + 1/57.5 = 0.021052631578947368 + 0.017391304347826087 = 0.038443935926773455
    //   z    = δ/√σ² = −0.3054655879404536 / 0.19607125216811733 = −1.5579315405123149
    // B against A is the mirror image: δ = +0.3054655879404536, z = +1.5579315405123149.
    // "ethnic-armenian-forces" in A: α_w = 100 · 50/80 = 62.5,
    //   δ = ln(92.5/47.5) − ln(82.5/57.5) = +0.3054655879404535, σ² = 1/92.5 + 1/82.5 = 0.022932022932022934,
    //   z = 2.0171635339249114.
    [Fact]
    public void Weighted_log_odds_matches_the_hand_computed_example()
    {
        var test = Keyness.WeightedLogOdds(10, 40, 20, 40, 37.5, 100);
        Assert.Equal(-0.3054655879404536, test.Delta, Tolerance);
        Assert.Equal(0.038443935926773455, test.Variance, Tolerance);
        Assert.Equal(-1.5579315405123149, test.Z, Tolerance);
    }

    [Fact]
    public void Weighted_log_odds_table_compares_each_group_with_the_rest()
    {
        KeynessCount[] counts =
        [
            new("A", "armed-forces", "separatists", 10), new("A", "armed-forces", "ethnic-armenian-forces", 30),
            new("B", "armed-forces", "separatists", 20), new("B", "armed-forces", "ethnic-armenian-forces", 20),
        ];

        var rows = Keyness.WeightedLogOdds(counts, priorStrength: 100);

        Assert.Equal(4, rows.Count);
        var aSep = Assert.Single(rows, r => r is { Group: "A", Label: "separatists" });
        Assert.Equal(10, aSep.Count);
        Assert.Equal(40, aSep.GroupTotal);
        Assert.Equal(20, aSep.RestCount);
        Assert.Equal(40, aSep.RestTotal);
        Assert.Equal(37.5, aSep.Prior, Tolerance);
        Assert.Equal(-0.3054655879404536, aSep.Delta, Tolerance);
        Assert.Equal(-1.5579315405123149, aSep.Z, Tolerance);

        var bSep = Assert.Single(rows, r => r is { Group: "B", Label: "separatists" });
        Assert.Equal(1.5579315405123149, bSep.Z, Tolerance);

        var aEthnic = Assert.Single(rows, r => r is { Group: "A", Label: "ethnic-armenian-forces" });
        Assert.Equal(62.5, aEthnic.Prior, Tolerance);
        Assert.Equal(0.022932022932022934, aEthnic.Variance, Tolerance);
        Assert.Equal(2.0171635339249114, aEthnic.Z, Tolerance);

        // Sorted by group, then category, then label.
        Assert.Equal(["A/ethnic-armenian-forces", "A/separatists", "B/ethnic-armenian-forces", "B/separatists"], rows.Select(r => $"{r.Group}/{r.Label}"));
    }

    [Fact]
    public void Weighted_log_odds_uses_the_default_prior_strength_of_1000()
    {
        KeynessCount[] counts = [new("A", "", "x", 10), new("A", "", "y", 30), new("B", "", "x", 20), new("B", "", "y", 20)];
        var row = Keyness.WeightedLogOdds(counts).Single(r => r is { Group: "A", Label: "x" });
        Assert.Equal(Keyness.DefaultPriorStrength * 30 / 80, row.Prior, Tolerance);
        var expected = Keyness.WeightedLogOdds(10, 40, 20, 40, 375, 1000);
        Assert.Equal(expected.Z, row.Z, Tolerance);
    }

    [Fact]
    public void Weighted_log_odds_needs_two_groups_and_skips_unused_terms()
    {
        Assert.Empty(Keyness.WeightedLogOdds([new KeynessCount("A", "", "x", 3)]));
        var rows = Keyness.WeightedLogOdds([new("A", "", "x", 3), new("B", "", "x", 1), new("B", "", "never", 0), new("A", "", "y", 2)]);
        Assert.DoesNotContain(rows, r => r.Label == "never");
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void A_vocabulary_of_one_term_has_no_log_odds()
    {
        var rows = Keyness.WeightedLogOdds([new("A", "", "x", 3), new("B", "", "x", 1)]);
        Assert.All(rows, r => Assert.True(double.IsNaN(r.Z)));
    }

    // G² by hand: a = 10 in the group of c = 1,000 tokens, b = 20 in the rest of d = 3,000 tokens.
    //   E1 = 1000 · 30/4000 = 7.5          E2 = 3000 · 30/4000 = 22.5
    //   a ln(a/E1) = 10 ln(10/7.5)  =  2.8768207245178083
    //   b ln(b/E2) = 20 ln(20/22.5) = −2.35566071312767
    //   G² = 2 · (2.8768207245178083 − 2.35566071312767) = 1.0423200227802765
    //   a/c = 0.01 > b/d = 0.00667: over-use, direction +1.
    [Fact]
    public void Log_likelihood_matches_the_hand_computed_example()
    {
        var test = Keyness.LogLikelihood(10, 1000, 20, 3000);
        Assert.Equal(7.5, test.ExpectedInGroup, Tolerance);
        Assert.Equal(22.5, test.ExpectedInRest, Tolerance);
        Assert.Equal(1.0423200227802765, test.G2, Tolerance);
        Assert.Equal(1, test.Direction);
        Assert.Equal(1.0423200227802765, test.SignedG2, Tolerance);

        // The rest against the group: same G², opposite direction.
        var mirror = Keyness.LogLikelihood(20, 3000, 10, 1000);
        Assert.Equal(1.0423200227802765, mirror.G2, Tolerance);
        Assert.Equal(-1, mirror.Direction);
    }

    [Fact]
    public void Log_likelihood_treats_zero_counts_as_contributing_nothing()
    {
        // a = 0: G² = 2 · b ln(b/E2) with E2 = d·b/(c+d): 2 · 5 ln(5 / (100·5/200)) = 10 ln 2.
        var test = Keyness.LogLikelihood(0, 100, 5, 100);
        Assert.Equal(10 * Math.Log(2), test.G2, Tolerance);
        Assert.Equal(-1, test.Direction);
        Assert.Equal(0, Keyness.LogLikelihood(3, 100, 3, 100).G2, Tolerance);
        Assert.Equal(0, Keyness.LogLikelihood(3, 100, 3, 100).Direction);
    }

    [Fact]
    public void Log_likelihood_table_uses_the_group_sizes_given()
    {
        KeynessCount[] counts = [new("A", "c", "x", 10), new("B", "c", "x", 20)];
        var sizes = new Dictionary<string, long> { ["A"] = 1000, ["B"] = 3000 };
        var rows = Keyness.LogLikelihood(counts, sizes);
        var a = Assert.Single(rows, r => r.Group == "A");
        Assert.Equal(1.0423200227802765, a.G2, Tolerance);
        Assert.Equal(7.5, a.ExpectedInGroup, Tolerance);
        Assert.Equal(1000, a.GroupSize);
        Assert.Equal(3000, a.RestSize);
        Assert.Equal(1, a.Direction);
        var b = Assert.Single(rows, r => r.Group == "B");
        Assert.Equal(-1, b.Direction);
    }
}
