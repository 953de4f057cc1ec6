using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

public class CohensKappaTests
{
    /// <summary>
    /// J. L. Fleiss, B. Levin and M. C. Paik (2003), Statistical Methods for Rates and Proportions, 3rd ed., Wiley,
    /// §18.1 (Table 18.1): two raters diagnose 100 subjects as psychotic, neurotic or organic; cell proportions
    /// .75 .01 .04 / .05 .04 .01 / .00 .00 .10, so p<sub>o</sub> = .89, p<sub>e</sub> = .66 and κ = .68.
    /// </summary>
    [Fact]
    public void Compute_FleissLevinPaikDiagnosisTable_Is068()
    {
        var cells = new (string A, string B, int Count)[]
        {
            ("psychotic", "psychotic", 75), ("psychotic", "neurotic", 1), ("psychotic", "organic", 4),
            ("neurotic", "psychotic", 5), ("neurotic", "neurotic", 4), ("neurotic", "organic", 1),
            ("organic", "organic", 10),
        };
        var pairs = cells.SelectMany(c => Enumerable.Repeat((c.A, c.B), c.Count));

        var kappa = CohensKappa.Compute(pairs);

        Assert.Equal((0.89 - 0.66) / (1 - 0.66), kappa, 12);
        Assert.Equal(0.68, kappa, 2);
    }

    [Fact]
    public void Compute_CodersSwapped_IsUnchanged()
    {
        var pairs = new[] { (1, 1), (1, 2), (2, 2), (3, 2), (3, 3), (1, 1) };
        Assert.Equal(CohensKappa.Compute(pairs), CohensKappa.Compute(pairs.Select(p => (p.Item2, p.Item1))), 12);
    }

    [Fact]
    public void Compute_PerfectAgreement_IsOne() =>
        Assert.Equal(1.0, CohensKappa.Compute(new[] { ("a", "a"), ("b", "b"), ("a", "a") }), 12);

    [Fact]
    public void Compute_OneCategoryForEveryUnit_IsUndefined() =>
        Assert.True(double.IsNaN(CohensKappa.Compute(new[] { ("a", "a"), ("a", "a") })));

    [Fact]
    public void Compute_NoUnits_IsUndefined() =>
        Assert.True(double.IsNaN(CohensKappa.Compute(Array.Empty<(int, int)>())));
}
