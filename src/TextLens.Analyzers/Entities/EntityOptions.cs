namespace TextLens.Entities;

/// <summary>Which finders of names the entity analyzer runs.</summary>
public enum EntityMode
{
    /// <summary>Gazetteer matches, then the recognizer for names the gazetteers do not list (the default).</summary>
    Both = 0,

    /// <summary>Only names listed in the gazetteers.</summary>
    GazetteerOnly = 1,

    /// <summary>Only the recognizer; a recognised name that a gazetteer lists is still linked to its entity.</summary>
    RecognizerOnly = 2,
}

/// <summary>
/// Options of the entity analyzer (<c>builder.AddEntities(o =&gt; ...)</c>): which gazetteers, which recognizer,
/// which rules. Validated when the analyzer is added; every fault is listed in one
/// <see cref="TextLensConfigurationException"/>.
/// </summary>
public sealed class EntityOptions
{
    private readonly List<GazetteerSource> _sources = [];

    /// <summary>Which finders run. <see cref="EntityMode.Both"/> by default.</summary>
    public EntityMode Mode { get; set; } = EntityMode.Both;

    /// <summary>
    /// The recognizer of unlisted names; <see langword="null"/> for the built-in rule-based one (capitalised
    /// sequences with cue words, see <c>Entities/README.md</c>). A statistical model plugs in here.
    /// </summary>
    public IEntityRecognizer? Recognizer { get; set; }

    /// <summary>
    /// Whether names missing from the gazetteers are reported (with facet <c>listed=false</c>). <see langword="true"/> by
    /// default; <see langword="false"/> is the same as <see cref="EntityMode.GazetteerOnly"/>.
    /// </summary>
    public bool DetectUnlisted { get; set; } = true;

    /// <summary>
    /// Whether parts of hyphenated compounds are matched (<c>Baku</c> in <c>Baku-based</c>; <c>Fuzuli</c> and <c>Shusha</c> in
    /// <c>Ahmedbeyli-Fuzuli-Shusha highway</c>). <see langword="true"/> by default.
    /// </summary>
    public bool MatchCompoundParts { get; set; } = true;

    /// <summary>
    /// Whether a listed person's surname alone, after the full name appeared in the same document, counts as that
    /// person (<c>Pashinyan</c> is an alias anyway; <c>Volkov</c> after <c>Andrei Volkov</c> is resolved this way). <see langword="true"/> by default.
    /// </summary>
    public bool ResolveSurnames { get; set; } = true;

    /// <summary>Recognised names below this confidence (0 to 1) are dropped. 0 by default.</summary>
    public double MinimumConfidence { get; set; }

    /// <summary>Rows per group in the <c>entities-top</c> and <c>entities-unlisted</c> tables. 25 by default.</summary>
    public int TopCount { get; set; } = 25;

    /// <summary>The gazetteers added so far, in order; when none is added, <c>world</c> and <c>karabakh</c> are used.</summary>
    internal IReadOnlyList<GazetteerSource> Sources => _sources;

    /// <summary>Uses an embedded gazetteer (<see cref="Gazetteers.DefaultNames"/>). Embedded gazetteers it depends on are added too.</summary>
    public EntityOptions UseDefaultGazetteer(string name)
    {
        _sources.Add(new GazetteerSource(GazetteerSourceKind.Default, name, null));
        return this;
    }

    /// <summary>Loads a gazetteer file (JSON, format in <c>Entities/README.md</c>) when the analyzer is added.</summary>
    public EntityOptions AddGazetteerFile(string path)
    {
        _sources.Add(new GazetteerSource(GazetteerSourceKind.File, path, null));
        return this;
    }

    /// <summary>Uses a gazetteer already loaded (<see cref="Gazetteer.Load"/>, <see cref="Gazetteer.Parse(string, string)"/>).</summary>
    public EntityOptions AddGazetteer(Gazetteer gazetteer)
    {
        _sources.Add(new GazetteerSource(GazetteerSourceKind.Instance, gazetteer?.Name ?? "", gazetteer));
        return this;
    }

    /// <summary>Checks the options and loads the gazetteers; throws listing every fault.</summary>
    /// <exception cref="TextLensConfigurationException">An option is out of range or contradicts another, or a gazetteer cannot be loaded or combined.</exception>
    internal EntityIndex Validate()
    {
        var faults = new List<string>();
        var lexiconFaults = new List<LexiconFault>();
        if (!Enum.IsDefined(Mode))
        {
            faults.Add($"EntityOptions.Mode {(int)Mode} is not a known mode (Both, GazetteerOnly, RecognizerOnly).");
        }

        if (Mode == EntityMode.RecognizerOnly && !DetectUnlisted)
        {
            faults.Add("EntityOptions.Mode is RecognizerOnly but DetectUnlisted is false: nothing would be found. Set one of them differently.");
        }

        if (Recognizer is not null && (Mode == EntityMode.GazetteerOnly || !DetectUnlisted))
        {
            faults.Add("EntityOptions.Recognizer is set but the recognizer does not run (Mode is GazetteerOnly or DetectUnlisted is false).");
        }

        if (double.IsNaN(MinimumConfidence) || MinimumConfidence is < 0 or > 1)
        {
            faults.Add($"EntityOptions.MinimumConfidence must be between 0 and 1 (was {MinimumConfidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        if (TopCount < 1)
        {
            faults.Add($"EntityOptions.TopCount must be at least 1 (was {TopCount}).");
        }

        var gazetteers = new List<Gazetteer>();
        var sources = _sources.Count > 0 ? _sources : [new(GazetteerSourceKind.Default, "world", null), new(GazetteerSourceKind.Default, "karabakh", null)];
        foreach (var source in sources)
        {
            try
            {
                switch (source.Kind)
                {
                    case GazetteerSourceKind.Default when !Gazetteers.DefaultNames.Contains(source.Name, StringComparer.Ordinal):
                        faults.Add($"UseDefaultGazetteer(\"{source.Name}\"): there is no embedded gazetteer of that name; the embedded ones are {string.Join(", ", Gazetteers.DefaultNames)}.");
                        break;
                    case GazetteerSourceKind.Default:
                        gazetteers.Add(Gazetteers.Default(source.Name));
                        break;
                    case GazetteerSourceKind.File when string.IsNullOrWhiteSpace(source.Name):
                        faults.Add("AddGazetteerFile: the path is empty.");
                        break;
                    case GazetteerSourceKind.File:
                        gazetteers.Add(Gazetteer.Load(source.Name));
                        break;
                    case GazetteerSourceKind.Instance when source.Gazetteer is null:
                        faults.Add("AddGazetteer: the gazetteer is null.");
                        break;
                    default:
                        gazetteers.Add(source.Gazetteer!);
                        break;
                }
            }
            catch (LexiconException ex)
            {
                lexiconFaults.AddRange(ex.LexiconFaults);
            }
            catch (TextLensConfigurationException ex)
            {
                faults.AddRange(ex.Faults);
            }
        }

        // Embedded gazetteers that a loaded one depends on come in before it.
        for (var i = 0; i < gazetteers.Count; i++)
        {
            foreach (var dependency in gazetteers[i].DependsOn)
            {
                if (!gazetteers.Exists(g => string.Equals(g.Name, dependency, StringComparison.Ordinal))
                    && Gazetteers.DefaultNames.Contains(dependency, StringComparer.Ordinal))
                {
                    gazetteers.Insert(i, Gazetteers.Default(dependency));
                    i = -1;
                    break;
                }
            }
        }

        EntityIndex? index = null;
        if (lexiconFaults.Count == 0)
        {
            try
            {
                index = EntityIndex.Create(gazetteers);
            }
            catch (LexiconException ex)
            {
                lexiconFaults.AddRange(ex.LexiconFaults);
            }
        }

        if (faults.Count == 0 && lexiconFaults.Count > 0)
        {
            throw new LexiconException(lexiconFaults);
        }

        if (faults.Count > 0 || lexiconFaults.Count > 0)
        {
            throw new TextLensConfigurationException([.. faults, .. lexiconFaults.Select(f => f.ToString())]);
        }

        return index!;
    }

    internal enum GazetteerSourceKind
    {
        Default,
        File,
        Instance,
    }

    internal sealed record GazetteerSource(GazetteerSourceKind Kind, string Name, Gazetteer? Gazetteer);
}
