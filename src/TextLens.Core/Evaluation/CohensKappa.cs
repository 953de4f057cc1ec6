namespace TextLens.Evaluation;

/// <summary>
/// Cohen's kappa between two coders who coded the same units into categories: (p<sub>o</sub> − p<sub>e</sub>) /
/// (1 − p<sub>e</sub>), where p<sub>o</sub> is the share of units they agree on and p<sub>e</sub> the share expected by
/// chance from each coder's own distribution of categories (Cohen 1960).
/// </summary>
public static class CohensKappa
{
    /// <summary>Kappa of the units both coders coded.</summary>
    /// <typeparam name="T">The category type (compared with the default equality comparer).</typeparam>
    /// <param name="pairs">One pair a unit: the first coder's category and the second's.</param>
    /// <returns>Kappa, or <see cref="double.NaN"/> when undefined: no units, or both coders put every unit in the same
    /// single category (p<sub>e</sub> = 1).</returns>
    public static double Compute<T>(IEnumerable<(T First, T Second)> pairs)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var first = new Dictionary<T, int>();
        var second = new Dictionary<T, int>();
        var agree = 0;
        var n = 0;
        foreach (var (a, b) in pairs)
        {
            first[a] = first.GetValueOrDefault(a) + 1;
            second[b] = second.GetValueOrDefault(b) + 1;
            agree += EqualityComparer<T>.Default.Equals(a, b) ? 1 : 0;
            n++;
        }

        if (n == 0)
        {
            return double.NaN;
        }

        double chance = 0;
        foreach (var (category, count) in first)
        {
            chance += (double)count * second.GetValueOrDefault(category);
        }

        var pe = chance / ((double)n * n);
        var po = (double)agree / n;
        return pe >= 1 ? double.NaN : (po - pe) / (1 - pe);
    }
}
