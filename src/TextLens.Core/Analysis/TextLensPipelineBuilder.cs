using TextLens.Reports;
using TextLens.Text;

namespace TextLens;

/// <summary>
/// Mutable builder of a <see cref="TextLensPipeline"/>: add analyzers and report contributors (usually through
/// <c>Add*</c> extension methods), then <see cref="Build"/> validates and freezes them into a thread-safe pipeline.
/// </summary>
public sealed class TextLensPipelineBuilder
{
    private readonly List<IAnalyzer> _analyzers = [];
    private readonly List<IReportContributor> _contributors = [];

    /// <summary>The analyzers added so far, in the order added.</summary>
    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    /// <summary>The report contributors added so far (analyzers that implement <see cref="IReportContributor"/> are added automatically).</summary>
    public IReadOnlyList<IReportContributor> ReportContributors => _contributors;

    /// <summary>
    /// Shared state for extension methods (for example a gazetteer that the entity and attribution analyzers both
    /// use). Keys are namespaced strings such as <c>textlens.entities.gazetteers</c>.
    /// </summary>
    public IDictionary<string, object> Properties { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>
    /// The plugin assemblies that configured this builder, in the order loaded; written to the report manifest
    /// (<see cref="ReportManifest.Plugins"/>). Plugin hosts add to it; nothing else needs to.
    /// </summary>
    public IList<PluginManifest> Plugins { get; } = new List<PluginManifest>();

    /// <summary>The parser used for every document.</summary>
    public DocumentParser Parser { get; set; } = DocumentParser.Default;

    /// <summary>Adds an analyzer. Its id must be unique in the pipeline.</summary>
    public TextLensPipelineBuilder AddAnalyzer(IAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzers.Add(analyzer);
        if (analyzer is IReportContributor c && !_contributors.Contains(c))
        {
            _contributors.Add(c);
        }

        return this;
    }

    /// <summary>Whether an analyzer with this id (without version) has been added.</summary>
    public bool Contains(string analyzerId) =>
        _analyzers.Exists(a => string.Equals(a.Descriptor.Id, analyzerId, StringComparison.Ordinal));

    /// <summary>Removes every analyzer with this id (without version). Returns how many were removed.</summary>
    public int Remove(string analyzerId)
    {
        var removed = _analyzers.FindAll(a => string.Equals(a.Descriptor.Id, analyzerId, StringComparison.Ordinal));
        foreach (var a in removed)
        {
            _analyzers.Remove(a);
            if (a is IReportContributor c)
            {
                _contributors.Remove(c);
            }
        }

        return removed.Count;
    }

    /// <summary>Adds a report contributor.</summary>
    public TextLensPipelineBuilder AddReportContributor(IReportContributor contributor)
    {
        ArgumentNullException.ThrowIfNull(contributor);
        if (!_contributors.Contains(contributor))
        {
            _contributors.Add(contributor);
        }

        return this;
    }

    /// <summary>
    /// Validates the configuration and builds an immutable pipeline. Analyzers are ordered so that every
    /// analyzer runs after those producing its required and optional layers (otherwise in the order added).
    /// </summary>
    /// <exception cref="TextLensConfigurationException">Duplicate ids, unmet required layers or a cycle; every fault is listed.</exception>
    public TextLensPipeline Build()
    {
        var faults = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in _analyzers)
        {
            if (!seen.Add(a.Descriptor.Id))
            {
                faults.Add($"Analyzer '{a.Descriptor.Id}' is added more than once.");
            }
        }

        var producers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _analyzers.Count; i++)
        {
            var layer = _analyzers[i].Descriptor.Layer;
            if (!producers.TryGetValue(layer, out var list))
            {
                producers[layer] = list = [];
            }

            list.Add(i);
        }

        foreach (var a in _analyzers)
        {
            foreach (var required in a.Descriptor.RequiredLayers)
            {
                if (!producers.ContainsKey(required))
                {
                    faults.Add($"Analyzer '{a.Descriptor.VersionedId}' requires layer '{required}', which no analyzer in the pipeline produces.");
                }
            }
        }

        var order = faults.Count == 0 ? Order(producers, faults) : [];
        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults);
        }

        var analyzers = order.Select(i => _analyzers[i]).ToArray();
        return new TextLensPipeline(analyzers, ContributorsInRunOrder(analyzers), Parser) { PluginTable = [.. Plugins] };
    }

    /// <summary>
    /// The report contributors that are analyzers in the order the analyzers run, then the others in the order they were
    /// added, so the report's tables do not depend on the order analyzers were added (a replayed manifest gives the same).
    /// </summary>
    private IReportContributor[] ContributorsInRunOrder(IAnalyzer[] analyzers)
    {
        var result = new List<IReportContributor>(_contributors.Count);
        foreach (var a in analyzers)
        {
            if (a is IReportContributor c && _contributors.Contains(c) && !result.Contains(c))
            {
                result.Add(c);
            }
        }

        foreach (var c in _contributors)
        {
            if (!result.Contains(c))
            {
                result.Add(c);
            }
        }

        return [.. result];
    }

    private List<int> Order(Dictionary<string, List<int>> producers, List<string> faults)
    {
        // Stable topological sort: repeatedly take the first analyzer (in insertion order) whose dependencies have run.
        var n = _analyzers.Count;
        var deps = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            deps[i] = [];
            var d = _analyzers[i].Descriptor;
            foreach (var layer in d.RequiredLayers.Concat(d.OptionalLayers))
            {
                if (producers.TryGetValue(layer, out var ps))
                {
                    deps[i].AddRange(ps.Where(p => p != i));
                }
            }
        }

        var done = new bool[n];
        var order = new List<int>(n);
        while (order.Count < n)
        {
            var next = -1;
            for (var i = 0; i < n && next < 0; i++)
            {
                if (!done[i] && deps[i].TrueForAll(d => done[d]))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                var stuck = Enumerable.Range(0, n).Where(i => !done[i]).Select(i => _analyzers[i].Descriptor.VersionedId);
                faults.Add($"Analyzers depend on each other's layers in a cycle: {string.Join(", ", stuck)}.");
                return order;
            }

            done[next] = true;
            order.Add(next);
        }

        return order;
    }
}
