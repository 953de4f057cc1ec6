namespace TextLens.Evaluation;

/// <summary>
/// Krippendorff's alpha, the reliability of coding: 1 − observed disagreement / disagreement expected by chance, for
/// any number of coders, missing values and the nominal or interval metric (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability", Annenberg School for Communication, University of Pennsylvania).
/// </summary>
/// <remarks>
/// Only pairable values count: a unit coded by fewer than two coders adds nothing. Each unit's values contribute their
/// ordered pairs to the coincidence matrix with weight 1 / (m<sub>u</sub> − 1), where m<sub>u</sub> is the number of
/// values in the unit. The sums are computed from value counts and moments rather than from a V × V coincidence
/// matrix, so the cost is linear in the number of values.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Alpha of reliability data given unit by unit.</summary>
    /// <param name="units">One list a unit (a document, a document and label, ...): the value each coder gave it, in a fixed
    /// coder order, <see langword="null"/> where a coder gave none. Lists may differ in length (missing trailing coders).</param>
    /// <param name="metric">Nominal or interval.</param>
    /// <returns>Alpha (1 is perfect agreement, 0 agreement at chance level, below 0 systematic disagreement), or
    /// <see cref="double.NaN"/> when it is undefined: fewer than two pairable values, or every pairable value the same
    /// (no variation, so no disagreement could be expected).</returns>
    /// <exception cref="ArgumentException">A value is not a finite number.</exception>
    public static double Compute(IEnumerable<IReadOnlyList<double?>> units, AgreementMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        var observed = 0.0;
        var totals = new Dictionary<double, int>();
        var n = 0;
        var values = new List<double>();
        foreach (var unit in units)
        {
            values.Clear();
            foreach (var v in unit)
            {
                if (v is { } value)
                {
                    if (!double.IsFinite(value))
                    {
                        throw new ArgumentException($"A coded value must be a finite number (was {value}).", nameof(units));
                    }

                    values.Add(value);
                }
            }

            if (values.Count < 2)
            {
                continue;
            }

            observed += PairDisagreement(values, metric) / (values.Count - 1);
            foreach (var value in values)
            {
                totals[value] = totals.GetValueOrDefault(value) + 1;
            }

            n += values.Count;
        }

        if (n < 2)
        {
            return double.NaN;
        }

        var expected = ExpectedPairDisagreement(totals, n, metric);
        return expected == 0 ? double.NaN : 1 - (n - 1) * observed / expected;
    }

    /// <summary>The sum of δ² over the ordered pairs of distinct positions of <paramref name="values"/>.</summary>
    private static double PairDisagreement(List<double> values, AgreementMetric metric)
    {
        if (metric == AgreementMetric.Nominal)
        {
            // m² − Σ count², the ordered pairs whose values differ.
            var counts = new Dictionary<double, int>();
            foreach (var v in values)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }

            double same = 0;
            foreach (var c in counts.Values)
            {
                same += (double)c * c;
            }

            return (double)values.Count * values.Count - same;
        }

        // Σ over i ≠ j of (v_i − v_j)² = 2 m Σ (v_i − mean)².
        var mean = values.Average();
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return 2 * values.Count * squares;
    }

    /// <summary>Σ over c, k of n_c n_k δ²(c, k): the pair disagreement of all pairable values pooled.</summary>
    private static double ExpectedPairDisagreement(Dictionary<double, int> totals, int n, AgreementMetric metric)
    {
        if (metric == AgreementMetric.Nominal)
        {
            double same = 0;
            foreach (var c in totals.Values)
            {
                same += (double)c * c;
            }

            return (double)n * n - same;
        }

        double sum = 0;
        foreach (var (value, count) in totals)
        {
            sum += value * count;
        }

        var mean = sum / n;
        double squares = 0;
        foreach (var (value, count) in totals)
        {
            squares += count * (value - mean) * (value - mean);
        }

        return 2 * n * squares;
    }
}
