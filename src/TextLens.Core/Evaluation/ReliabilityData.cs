namespace TextLens.Evaluation;

/// <summary>
/// Document codes arranged as reliability data: a unit is a document and label, and each coder gave it at most one
/// value. Computes Krippendorff's alpha over any set of coders and Cohen's kappa between two, over every label or one.
/// </summary>
public sealed class ReliabilityData
{
    private readonly Dictionary<string, int> _coderIndex;
    private readonly List<double?[]> _values;

    private ReliabilityData(IReadOnlyList<string> coders, IReadOnlyList<(string DocumentId, string Label)> units, List<double?[]> values)
    {
        Coders = coders;
        Units = units;
        _values = values;
        _coderIndex = coders.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The name a code without a coder is filed under.</summary>
    public const string DefaultCoder = "gold";

    /// <summary>The coders, in order of first appearance.</summary>
    public IReadOnlyList<string> Coders { get; }

    /// <summary>The units (document and label), in order of first appearance.</summary>
    public IReadOnlyList<(string DocumentId, string Label)> Units { get; }

    /// <summary>The labels, ordered (ordinal).</summary>
    public IReadOnlyList<string> Labels => Units.Select(u => u.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Arranges codes into units and coders (a code without a coder counts as <see cref="DefaultCoder"/>).</summary>
    /// <exception cref="ArgumentException">A coder gave the same document and label two different values (the message
    /// names both origins).</exception>
    public static ReliabilityData FromCodes(IEnumerable<DocumentCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var coders = new List<string>();
        var coderIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<(string, string)>();
        var unitIndex = new Dictionary<(string, string), int>();
        var cells = new List<(int Unit, int Coder, DocumentCode Code)>();
        foreach (var code in codes)
        {
            var coder = code.Coder ?? DefaultCoder;
            if (!coderIndex.TryGetValue(coder, out var c))
            {
                coderIndex[coder] = c = coders.Count;
                coders.Add(coder);
            }

            var key = (code.DocumentId, code.Label);
            if (!unitIndex.TryGetValue(key, out var u))
            {
                unitIndex[key] = u = units.Count;
                units.Add(key);
            }

            cells.Add((u, c, code));
        }

        var values = units.Select(_ => new double?[coders.Count]).ToList();
        var origins = new Dictionary<(int, int), DocumentCode>();
        foreach (var (u, c, code) in cells)
        {
            if (values[u][c] is { } earlier && earlier != code.Value)
            {
                var first = origins[(u, c)];
                throw new ArgumentException(
                    $"{code.Origin ?? "a code"}: coder '{coders[c]}' coded document '{code.DocumentId}' label '{code.Label}' {code.Value} here " +
                    $"and {earlier} at {first.Origin ?? "an earlier code"}.", nameof(codes));
            }

            values[u][c] = code.Value;
            origins[(u, c)] = code;
        }

        return new ReliabilityData(coders, units, values);
    }

    /// <summary>The value a coder gave a unit, or <see langword="null"/>.</summary>
    public double? Value(int unit, string coder) => _values[unit][CoderIndex(coder)];

    /// <summary>Krippendorff's alpha among <paramref name="coders"/> (all when <see langword="null"/>) over the units of
    /// <paramref name="label"/> (all labels when <see langword="null"/>); <see cref="double.NaN"/> when undefined.</summary>
    public double Alpha(AgreementMetric metric, IReadOnlyList<string>? coders = null, string? label = null)
    {
        var columns = (coders ?? Coders).Select(CoderIndex).ToArray();
        return KrippendorffAlpha.Compute(UnitIndexes(label).Select(u => (IReadOnlyList<double?>)columns.Select(c => _values[u][c]).ToArray()), metric);
    }

    /// <summary>Cohen's kappa between two coders over the units both coded (values as categories); <see cref="double.NaN"/> when undefined.</summary>
    public double Kappa(string first, string second, string? label = null)
    {
        var (a, b) = (CoderIndex(first), CoderIndex(second));
        return CohensKappa.Compute(UnitIndexes(label)
            .Where(u => _values[u][a].HasValue && _values[u][b].HasValue)
            .Select(u => (_values[u][a]!.Value, _values[u][b]!.Value)));
    }

    /// <summary>Units both coders (or, with one coder named twice, that coder) coded, over <paramref name="label"/> or all labels.</summary>
    public int PairedUnits(string first, string second, string? label = null)
    {
        var (a, b) = (CoderIndex(first), CoderIndex(second));
        return UnitIndexes(label).Count(u => _values[u][a].HasValue && _values[u][b].HasValue);
    }

    private IEnumerable<int> UnitIndexes(string? label) =>
        Enumerable.Range(0, Units.Count).Where(u => label is null || string.Equals(Units[u].Label, label, StringComparison.Ordinal));

    private int CoderIndex(string coder) =>
        _coderIndex.TryGetValue(coder, out var c) ? c : throw new ArgumentException($"No coder '{coder}' in the data (coders: {string.Join(", ", Coders)}).", nameof(coder));
}
