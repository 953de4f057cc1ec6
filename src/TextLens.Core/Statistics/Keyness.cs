namespace TextLens.Statistics;

/// <summary>
/// Keyness statistics that compare each group (an outlet, a period) with the rest of the corpus: which terms
/// (framing labels, entities, sources, words) a group uses more or less than everyone else. Computed on merged
/// counts; every method is deterministic (rows sorted by group, category, label).
/// </summary>
/// <remarks>
/// <para>
/// <b>Weighted log-odds ratio with an informative Dirichlet prior</b> (Monroe, Colaresi and Quinn 2008,
/// "Fightin' Words", <i>Political Analysis</i> 16(4)). For term <c>w</c>, group <c>i</c> and the rest <c>j</c>,
/// with counts <c>y</c>, group totals <c>n</c> (the sum of the counts of every term in the group), corpus count
/// <c>y_w</c> and corpus total <c>N</c>:
/// </para>
/// <code>
/// α_w = α0 · y_w / N                                        (the prior: the corpus's own distribution, α0 pseudo-counts in all)
/// δ_w = ln((y_iw + α_w) / (n_i + α0 − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α0 − y_jw − α_w))
/// σ²_w ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w)
/// z_w = δ_w / √σ²_w
/// </code>
/// <para>
/// The prior shrinks the log-odds of rare terms towards zero; α0 is its strength in pseudo-counts
/// (<see cref="DefaultPriorStrength"/> = 1,000 unless given: large enough to tame terms seen a handful of times,
/// small next to the counts of a real corpus). |z| &gt; 1.96 is the usual threshold (p &lt; 0.05, two-sided, uncorrected).
/// </para>
/// <para>
/// <b>Log-likelihood (G²) keyness</b> (Dunning 1993; Rayson and Garside 2000). For term <c>w</c> with frequency
/// <c>a</c> in the group and <c>b</c> in the rest, and sizes <c>c</c> (group) and <c>d</c> (rest), usually tokens:
/// </para>
/// <code>
/// E1 = c · (a + b) / (c + d)        E2 = d · (a + b) / (c + d)
/// G² = 2 · (a · ln(a / E1) + b · ln(b / E2))                 (a term with a zero count adds 0)
/// direction = +1 when a/c &gt; b/d (over-use in the group), −1 when below, 0 when equal
/// </code>
/// <para>G² ≥ 3.84 is significant at p &lt; 0.05 (one degree of freedom), 6.63 at 0.01, 10.83 at 0.001, 15.13 at 0.0001.</para>
/// </remarks>
public static class Keyness
{
    /// <summary>The default strength α0 of the Dirichlet prior, in pseudo-counts: 1,000.</summary>
    public const double DefaultPriorStrength = 1000;

    /// <summary>The weighted log-odds ratio of one term between two groups (see the formulas on <see cref="Keyness"/>).</summary>
    /// <param name="countInGroup">y_i: the term's count in the group.</param>
    /// <param name="groupTotal">n_i: the group's total count over all terms.</param>
    /// <param name="countInRest">y_j: the term's count in the rest.</param>
    /// <param name="restTotal">n_j: the rest's total count over all terms.</param>
    /// <param name="prior">α_w: the term's prior pseudo-count.</param>
    /// <param name="priorStrength">α0: the prior's total pseudo-count.</param>
    /// <returns>δ, its approximate variance and z; NaN when a denominator is not positive (a vocabulary of one term).</returns>
    public static LogOddsTest WeightedLogOdds(double countInGroup, double groupTotal, double countInRest, double restTotal, double prior, double priorStrength)
    {
        var numeratorI = countInGroup + prior;
        var denominatorI = groupTotal + priorStrength - countInGroup - prior;
        var numeratorJ = countInRest + prior;
        var denominatorJ = restTotal + priorStrength - countInRest - prior;
        if (numeratorI <= 0 || denominatorI <= 0 || numeratorJ <= 0 || denominatorJ <= 0)
        {
            return new LogOddsTest(double.NaN, double.NaN, double.NaN);
        }

        var delta = Math.Log(numeratorI / denominatorI) - Math.Log(numeratorJ / denominatorJ);
        var variance = 1 / numeratorI + 1 / numeratorJ;
        return new LogOddsTest(delta, variance, delta / Math.Sqrt(variance));
    }

    /// <summary>The log-likelihood G² of one term between a group and the rest (see the formulas on <see cref="Keyness"/>).</summary>
    /// <param name="countInGroup">a: the term's frequency in the group.</param>
    /// <param name="groupSize">c: the group's size (tokens, or total count).</param>
    /// <param name="countInRest">b: the term's frequency in the rest.</param>
    /// <param name="restSize">d: the rest's size.</param>
    public static LogLikelihoodTest LogLikelihood(double countInGroup, double groupSize, double countInRest, double restSize)
    {
        var total = groupSize + restSize;
        if (total <= 0)
        {
            return new LogLikelihoodTest(0, 0, 0, 0);
        }

        var expectedInGroup = groupSize * (countInGroup + countInRest) / total;
        var expectedInRest = restSize * (countInGroup + countInRest) / total;
        var g2 = 2 * (Term(countInGroup, expectedInGroup) + Term(countInRest, expectedInRest));
        var over = countInGroup * restSize;
        var under = countInRest * groupSize;
        var direction = over > under ? 1 : over < under ? -1 : 0;
        return new LogLikelihoodTest(Math.Max(0, g2), expectedInGroup, expectedInRest, direction);

        static double Term(double observed, double expected) =>
            observed > 0 && expected > 0 ? observed * Math.Log(observed / expected) : 0;
    }

    /// <summary>
    /// Weighted log-odds with an informative Dirichlet prior of every term in every group against the rest of the
    /// groups. Group totals are the sums of the counts given; the prior comes from the whole corpus (all groups).
    /// </summary>
    /// <param name="counts">Counts per (group, category, label); repeated keys are summed. Terms never counted are left out.</param>
    /// <param name="priorStrength">α0, the prior's pseudo-count total.</param>
    /// <returns>One row per group and term, sorted by group, category, label; empty with fewer than two groups.</returns>
    public static IReadOnlyList<LogOddsScore> WeightedLogOdds(IEnumerable<KeynessCount> counts, double priorStrength = DefaultPriorStrength)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorStrength);
        var table = CountTable.Of(counts);
        var rows = new List<LogOddsScore>();
        if (table.Groups.Count < 2 || table.Total == 0)
        {
            return rows;
        }

        foreach (var group in table.Groups)
        {
            var groupTotal = table.GroupTotals[group];
            var restTotal = table.Total - groupTotal;
            foreach (var term in table.Terms)
            {
                var termTotal = table.TermTotals[term];
                var y = table.Count(group, term);
                var prior = priorStrength * termTotal / table.Total;
                var test = WeightedLogOdds(y, groupTotal, termTotal - y, restTotal, prior, priorStrength);
                rows.Add(new LogOddsScore(group, term.Category, term.Label, y, groupTotal, termTotal - y, restTotal, prior, test.Delta, test.Variance, test.Z));
            }
        }

        return rows;
    }

    /// <summary>
    /// Log-likelihood (G²) keyness of every term in every group against the rest of the groups.
    /// </summary>
    /// <param name="counts">Counts per (group, category, label); repeated keys are summed. Terms never counted are left out.</param>
    /// <param name="groupSizes">The size of each group (usually its tokens); when <see langword="null"/>, the sum of the group's counts.</param>
    /// <returns>One row per group and term, sorted by group, category, label; empty with fewer than two groups.</returns>
    public static IReadOnlyList<LogLikelihoodScore> LogLikelihood(IEnumerable<KeynessCount> counts, IReadOnlyDictionary<string, long>? groupSizes = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var table = CountTable.Of(counts);
        var groups = table.Groups;
        if (groupSizes is not null)
        {
            groups = groups.Union(groupSizes.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        }

        var rows = new List<LogLikelihoodScore>();
        if (groups.Count < 2)
        {
            return rows;
        }

        long SizeOf(string group) => groupSizes is null ? table.GroupTotals.GetValueOrDefault(group) : groupSizes.GetValueOrDefault(group);
        var totalSize = groups.Sum(SizeOf);
        foreach (var group in groups)
        {
            var size = SizeOf(group);
            var restSize = totalSize - size;
            foreach (var term in table.Terms)
            {
                var termTotal = table.TermTotals[term];
                var a = table.Count(group, term);
                var test = LogLikelihood(a, size, termTotal - a, restSize);
                rows.Add(new LogLikelihoodScore(group, term.Category, term.Label, a, size, termTotal - a, restSize,
                    test.ExpectedInGroup, test.ExpectedInRest, test.G2, test.Direction));
            }
        }

        return rows;
    }

    /// <summary>
    /// Weighted log-odds with an informative Dirichlet prior of the terms given, every group against the rest of the
    /// groups or against one <paramref name="reference"/> group, with group totals given rather than summed from the
    /// counts: so the terms can be a part of a vocabulary (those above a minimum count) while each group's total still
    /// counts every word it holds.
    /// </summary>
    /// <param name="counts">Counts per (group, category, label) of the terms to score; repeated keys are summed.</param>
    /// <param name="groupTotals">n_i: each group's total count over its whole vocabulary. Only these groups are compared.</param>
    /// <param name="priorStrength">α0, the prior's pseudo-count total.</param>
    /// <param name="reference">
    /// When set, each other group is compared with this group alone: its counts and total are the rest, and the prior
    /// comes from the two groups (α_w = α0 · (y_iw + y_rw) / (n_i + n_r)); no row has the reference as its group.
    /// When <see langword="null"/>, each group against all the others, the prior from all of them (α_w = α0 · y_w / N,
    /// N the sum of <paramref name="groupTotals"/>).
    /// </param>
    /// <returns>One row per compared group and term, sorted by group, category, label.</returns>
    /// <exception cref="ArgumentException">A count is negative, a group with counts has no total, or the reference is not a group.</exception>
    public static IReadOnlyList<LogOddsScore> WeightedLogOdds(IEnumerable<KeynessCount> counts, IReadOnlyDictionary<string, long> groupTotals,
        double priorStrength = DefaultPriorStrength, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(groupTotals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorStrength);
        var table = CountTable.Of(counts);
        var groups = Scope(table, groupTotals, reference);
        var total = groups.Sum(g => groupTotals[g]);
        var rows = new List<LogOddsScore>();
        foreach (var group in groups)
        {
            if (string.Equals(group, reference, StringComparison.Ordinal))
            {
                continue;
            }

            var groupTotal = groupTotals[group];
            var restTotal = reference is null ? total - groupTotal : groupTotals[reference];
            foreach (var term in table.Terms)
            {
                var y = table.Count(group, term);
                var rest = reference is null ? table.TermTotals[term] - y : table.Count(reference, term);
                if (y + rest == 0)
                {
                    continue;
                }

                var prior = priorStrength * (y + rest) / (groupTotal + restTotal);
                var test = WeightedLogOdds(y, groupTotal, rest, restTotal, prior, priorStrength);
                rows.Add(new LogOddsScore(group, term.Category, term.Label, y, groupTotal, rest, restTotal, prior, test.Delta, test.Variance, test.Z));
            }
        }

        return rows;
    }

    /// <summary>
    /// Log-likelihood (G²) keyness of the terms given, every group against the rest of the groups or against one
    /// <paramref name="reference"/> group (see <see cref="WeightedLogOdds(IEnumerable{KeynessCount}, IReadOnlyDictionary{string, long}, double, string?)"/>).
    /// </summary>
    /// <param name="counts">Counts per (group, category, label) of the terms to score.</param>
    /// <param name="groupSizes">The size of each group (its tokens, or its total count). Only these groups are compared.</param>
    /// <param name="reference">When set, each other group against this group alone; else each group against all the others.</param>
    /// <returns>One row per compared group and term, sorted by group, category, label.</returns>
    /// <exception cref="ArgumentException">A count is negative, a group with counts has no size, or the reference is not a group.</exception>
    public static IReadOnlyList<LogLikelihoodScore> LogLikelihood(IEnumerable<KeynessCount> counts, IReadOnlyDictionary<string, long> groupSizes, string? reference)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(groupSizes);
        var table = CountTable.Of(counts);
        var groups = Scope(table, groupSizes, reference);
        var totalSize = groups.Sum(g => groupSizes[g]);
        var rows = new List<LogLikelihoodScore>();
        foreach (var group in groups)
        {
            if (string.Equals(group, reference, StringComparison.Ordinal))
            {
                continue;
            }

            var size = groupSizes[group];
            var restSize = reference is null ? totalSize - size : groupSizes[reference];
            foreach (var term in table.Terms)
            {
                var a = table.Count(group, term);
                var b = reference is null ? table.TermTotals[term] - a : table.Count(reference, term);
                if (a + b == 0)
                {
                    continue;
                }

                var test = LogLikelihood(a, size, b, restSize);
                rows.Add(new LogLikelihoodScore(group, term.Category, term.Label, a, size, b, restSize, test.ExpectedInGroup, test.ExpectedInRest, test.G2, test.Direction));
            }
        }

        return rows;
    }

    /// <summary>The groups compared: those with a total, sorted; checks that every group with counts has one and that the reference is one.</summary>
    private static List<string> Scope(CountTable table, IReadOnlyDictionary<string, long> totals, string? reference)
    {
        foreach (var g in table.Groups.Where(g => !totals.ContainsKey(g)))
        {
            throw new ArgumentException($"Group '{g}' has counts but no total.", nameof(totals));
        }

        var groups = totals.Keys.Order(StringComparer.Ordinal).ToList();
        if (reference is not null && !totals.ContainsKey(reference))
        {
            throw new ArgumentException($"There is no group '{reference}'; the groups are {string.Join(", ", groups)}.", nameof(reference));
        }

        return groups;
    }

    /// <summary>Counts indexed by group and term, with totals.</summary>
    private sealed class CountTable
    {
        private readonly Dictionary<(string Group, Term Term), long> _counts = [];

        public List<string> Groups { get; private set; } = [];

        public List<Term> Terms { get; private set; } = [];

        public Dictionary<string, long> GroupTotals { get; } = new(StringComparer.Ordinal);

        public Dictionary<Term, long> TermTotals { get; } = [];

        public long Total { get; private set; }

        public long Count(string group, Term term) => _counts.GetValueOrDefault((group, term));

        public static CountTable Of(IEnumerable<KeynessCount> counts)
        {
            var t = new CountTable();
            foreach (var c in counts)
            {
                ArgumentNullException.ThrowIfNull(c.Group);
                if (c.Count < 0)
                {
                    throw new ArgumentException($"Count of {c.Category}/{c.Label} in group {c.Group} is negative ({c.Count}).", nameof(counts));
                }

                var term = new Term(c.Category ?? "", c.Label ?? "");
                t._counts[(c.Group, term)] = t._counts.GetValueOrDefault((c.Group, term)) + c.Count;
                t.GroupTotals[c.Group] = t.GroupTotals.GetValueOrDefault(c.Group) + c.Count;
                t.TermTotals[term] = t.TermTotals.GetValueOrDefault(term) + c.Count;
                t.Total += c.Count;
            }

            t.Groups = t.GroupTotals.Keys.Order(StringComparer.Ordinal).ToList();
            t.Terms = t.TermTotals.Where(kv => kv.Value > 0).Select(kv => kv.Key)
                .OrderBy(x => x.Category, StringComparer.Ordinal).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
            return t;
        }
    }

    private readonly record struct Term(string Category, string Label);
}

/// <summary>A count of one term (category and label) in one group, the input of <see cref="Keyness"/>.</summary>
/// <param name="Group">The group (an outlet, a period).</param>
/// <param name="Category">The term's category (a framing concept, an entity type); empty when terms have none.</param>
/// <param name="Label">The term (a framing label, an entity, a source, a word).</param>
/// <param name="Count">How often the term occurs in the group.</param>
public readonly record struct KeynessCount(string Group, string Category, string Label, long Count);

/// <summary>The weighted log-odds ratio of one term between two groups.</summary>
/// <param name="Delta">δ: the log-odds ratio (positive: more in the group).</param>
/// <param name="Variance">σ²: its approximate variance.</param>
/// <param name="Z">z = δ / σ.</param>
public readonly record struct LogOddsTest(double Delta, double Variance, double Z);

/// <summary>The log-likelihood keyness of one term between a group and the rest.</summary>
/// <param name="G2">G² (never negative).</param>
/// <param name="ExpectedInGroup">E1: the frequency expected in the group if it used the term like the rest.</param>
/// <param name="ExpectedInRest">E2: the frequency expected in the rest.</param>
/// <param name="Direction">+1 over-use in the group, −1 under-use, 0 equal relative frequencies.</param>
public readonly record struct LogLikelihoodTest(double G2, double ExpectedInGroup, double ExpectedInRest, int Direction)
{
    /// <summary>G² with the sign of <see cref="Direction"/>, for sorting over- and under-use on one scale.</summary>
    public double SignedG2 => Direction * G2;
}

/// <summary>The weighted log-odds of one term in one group against the rest of the corpus.</summary>
/// <param name="Group">The group.</param>
/// <param name="Category">The term's category.</param>
/// <param name="Label">The term.</param>
/// <param name="Count">y_i: the term's count in the group.</param>
/// <param name="GroupTotal">n_i: the group's total count.</param>
/// <param name="RestCount">y_j: the term's count in the other groups.</param>
/// <param name="RestTotal">n_j: the other groups' total count.</param>
/// <param name="Prior">α_w: the term's prior pseudo-count.</param>
/// <param name="Delta">δ: the log-odds ratio.</param>
/// <param name="Variance">σ²: its approximate variance.</param>
/// <param name="Z">z = δ / σ; above 1.96 marks a term distinctive of the group, below −1.96 one it avoids.</param>
public sealed record LogOddsScore(string Group, string Category, string Label, long Count, long GroupTotal, long RestCount, long RestTotal,
    double Prior, double Delta, double Variance, double Z);

/// <summary>The log-likelihood keyness of one term in one group against the rest of the corpus.</summary>
/// <param name="Group">The group.</param>
/// <param name="Category">The term's category.</param>
/// <param name="Label">The term.</param>
/// <param name="Count">a: the term's frequency in the group.</param>
/// <param name="GroupSize">c: the group's size.</param>
/// <param name="RestCount">b: the term's frequency in the other groups.</param>
/// <param name="RestSize">d: the other groups' size.</param>
/// <param name="ExpectedInGroup">E1 = c(a + b)/(c + d).</param>
/// <param name="ExpectedInRest">E2 = d(a + b)/(c + d).</param>
/// <param name="G2">G² = 2(a ln(a/E1) + b ln(b/E2)).</param>
/// <param name="Direction">+1 over-use in the group, −1 under-use, 0 equal.</param>
public sealed record LogLikelihoodScore(string Group, string Category, string Label, long Count, long GroupSize, long RestCount, long RestSize,
    double ExpectedInGroup, double ExpectedInRest, double G2, int Direction)
{
    /// <summary>G² with the sign of <see cref="Direction"/>.</summary>
    public double SignedG2 => Direction * G2;
}
