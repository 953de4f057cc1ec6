using FsCheck;
using FsCheck.Fluent;
using TextLens.Evaluation;

namespace TextLens.Tests.Evaluation;

/// <summary>
/// Alpha against Krippendorff's own worked examples in K. Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability", Annenberg School for Communication Departmental Papers, University of Pennsylvania:
/// example A (binary data, two observers, no missing data: α = 0.095) and example C (four observers, twelve units,
/// missing values: nominal α = 0.743, interval α = 0.849).
/// </summary>
public class KrippendorffAlphaTests
{
    private static readonly double?[][] ExampleA =
        Units([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);

    // Observers A-D (rows of the paper's table) over units 1-12; null where the observer gave no value.
    private static readonly double?[][] ExampleC = Units(
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]);

    [Fact]
    public void Compute_KrippendorffExampleABinaryTwoObservers_Is0095() =>
        Assert.Equal(0.095, KrippendorffAlpha.Compute(ExampleA, AgreementMetric.Nominal), 3);

    [Fact]
    public void Compute_KrippendorffExampleCNominalWithMissingValues_Is0743() =>
        Assert.Equal(0.743, KrippendorffAlpha.Compute(ExampleC, AgreementMetric.Nominal), 3);

    [Fact]
    public void Compute_KrippendorffExampleCIntervalWithMissingValues_Is0849() =>
        Assert.Equal(0.849, KrippendorffAlpha.Compute(ExampleC, AgreementMetric.Interval), 3);

    [Fact]
    public void Compute_UnitsWithOneValue_AreNotPairableAndChangeNothing()
    {
        var withLoners = ExampleC.Append([7.0, null, null, null]).Append([null, null, null, null]);
        Assert.Equal(KrippendorffAlpha.Compute(ExampleC, AgreementMetric.Nominal), KrippendorffAlpha.Compute(withLoners, AgreementMetric.Nominal), 12);
    }

    [Theory]
    [InlineData(AgreementMetric.Nominal)]
    [InlineData(AgreementMetric.Interval)]
    public void Compute_EveryValueTheSame_IsUndefined(AgreementMetric metric) =>
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(Units([2, 2, 2], [2, 2, 2]), metric)));

    [Fact]
    public void Compute_NoPairableValues_IsUndefined() =>
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(Units([1, null], [null, 2]), AgreementMetric.Nominal)));

    [Fact]
    public void Compute_OppositeBinaryCoders_IsBelowZero() =>
        Assert.True(KrippendorffAlpha.Compute(Units([0, 1, 0, 1], [1, 0, 1, 0]), AgreementMetric.Nominal) < 0);

    [Fact]
    public void Compute_NotFiniteValue_Throws() =>
        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Compute(Units([1, double.NaN], [1, 2]), AgreementMetric.Interval));

    [Fact]
    public void Compute_PerfectAgreementWithVariation_IsOne() =>
        Prop.ForAll(Codes(), Gen.Choose(2, 5).ToArbitrary(), (values, coders) =>
        {
            var units = values.Select(v => (IReadOnlyList<double?>)Enumerable.Repeat<double?>(v, coders).ToArray()).ToList();
            foreach (var metric in new[] { AgreementMetric.Nominal, AgreementMetric.Interval })
            {
                var alpha = KrippendorffAlpha.Compute(units, metric);
                if (values.Distinct().Count() > 1 ? Math.Abs(alpha - 1) > 1e-12 : !double.IsNaN(alpha))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Compute_CodersReordered_IsUnchanged() =>
        Prop.ForAll(Codes(), Codes(), Codes(), (a, b, c) =>
        {
            var n = Math.Min(a.Length, Math.Min(b.Length, c.Length));
            var abc = Rows(n, a, b, c);
            var cab = Rows(n, c, a, b);
            return SameOrBothUndefined(KrippendorffAlpha.Compute(abc, AgreementMetric.Nominal), KrippendorffAlpha.Compute(cab, AgreementMetric.Nominal))
                   && SameOrBothUndefined(KrippendorffAlpha.Compute(abc, AgreementMetric.Interval), KrippendorffAlpha.Compute(cab, AgreementMetric.Interval));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Compute_NominalValuesRenamed_IsUnchanged() =>
        Prop.ForAll(Codes(), Codes(), Gen.Shuffle(new[] { 10.0, 20.0, 30.0, 40.0, 50.0 }).ToArbitrary(), (a, b, names) =>
        {
            var n = Math.Min(a.Length, b.Length);
            double? Rename(double? v) => v is { } x ? names[(int)x] : null;
            var original = Rows(n, a, b);
            var renamed = original.Select(u => (IReadOnlyList<double?>)u.Select(Rename).ToArray()).ToList();
            return SameOrBothUndefined(KrippendorffAlpha.Compute(original, AgreementMetric.Nominal), KrippendorffAlpha.Compute(renamed, AgreementMetric.Nominal));
        }).QuickCheckThrowOnFailure();

    /// <summary>Codes 0-4, some missing (-1 stands for missing).</summary>
    private static Arbitrary<double?[]> Codes() =>
        Gen.Choose(-1, 4).Select(v => v < 0 ? (double?)null : v).ArrayOf().Where(a => a.Length > 0).ToArbitrary();

    private static List<IReadOnlyList<double?>> Rows(int n, params double?[][] coders) =>
        Enumerable.Range(0, n).Select(u => (IReadOnlyList<double?>)coders.Select(c => c[u]).ToArray()).ToList();

    private static bool SameOrBothUndefined(double x, double y) => double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) < 1e-9;

    /// <summary>Turns observer-major rows (as printed in the paper) into units.</summary>
    private static double?[][] Units(params double?[][] observers) =>
        Enumerable.Range(0, observers[0].Length).Select(u => observers.Select(o => o[u]).ToArray()).ToArray();
}
