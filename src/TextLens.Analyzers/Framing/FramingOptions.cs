namespace TextLens.Framing;

/// <summary>
/// Which lexicons the framing analyzer runs with. Configure it in
/// <see cref="FramingBuilderExtensions.AddFraming(TextLensPipelineBuilder, Action{FramingOptions})"/>; the options
/// are validated and every lexicon is loaded there, so a missing file or a malformed lexicon fails before
/// <c>Build()</c> returns and before any document is read.
/// </summary>
public sealed class FramingOptions
{
    private readonly List<Source> _sources = [];

    /// <summary>The lexicons added, described (<c>default:karabakh-conflict</c>, <c>file:/path/lexicon.json</c>), in order.</summary>
    public IReadOnlyList<string> Lexicons => _sources.Select(s => s.ToString()).ToList();

    /// <summary>Adds an embedded default lexicon (see <see cref="FramingLexicons.DefaultNames"/>).</summary>
    public FramingOptions UseDefaultLexicon(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _sources.Add(new Source(SourceKind.Default, name, null));
        return this;
    }

    /// <summary>Adds a lexicon file (TextLens JSON).</summary>
    public FramingOptions AddLexiconFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _sources.Add(new Source(SourceKind.File, path, null));
        return this;
    }

    /// <summary>Adds a lexicon already loaded, imported or built in code.</summary>
    public FramingOptions AddLexicon(FramingLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _sources.Add(new Source(SourceKind.Lexicon, lexicon.Name, lexicon));
        return this;
    }

    /// <summary>Adds a lexicon from JSON text.</summary>
    /// <param name="json">The lexicon JSON.</param>
    /// <param name="origin">Where it came from, used in messages and recorded in reports.</param>
    public FramingOptions AddLexiconJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        _sources.Add(new Source(SourceKind.Json, origin, null, json));
        return this;
    }

    /// <summary>
    /// Loads every lexicon and checks them together: at least one lexicon, every file readable and valid, no two
    /// lexicons with the same name, no (concept, label) pair defined by two lexicons.
    /// </summary>
    /// <exception cref="LexiconException">A lexicon cannot be loaded or clashes with another: every fault, with file, line, column and field.</exception>
    /// <exception cref="TextLensConfigurationException">No lexicon was added.</exception>
    public IReadOnlyList<FramingLexicon> LoadLexicons()
    {
        if (_sources.Count == 0)
        {
            throw new TextLensConfigurationException(
                "The framing analyzer needs at least one lexicon: call UseDefaultLexicon, AddLexiconFile, AddLexicon or AddLexiconJson.");
        }

        var faults = new List<LexiconFault>();
        var lexicons = new List<FramingLexicon>();
        foreach (var source in _sources)
        {
            try
            {
                lexicons.Add(source.Kind switch
                {
                    SourceKind.Default => FramingLexicons.Default(source.Name),
                    SourceKind.File => File.Exists(source.Name)
                        ? FramingLexicon.Load(source.Name)
                        : throw new LexiconException(new LexiconFault(source.Name, null, null, null, "The lexicon file does not exist.")),
                    SourceKind.Json => FramingLexicon.Parse(source.Json!, source.Name),
                    _ => source.Lexicon!,
                });
            }
            catch (LexiconException ex)
            {
                faults.AddRange(ex.LexiconFaults);
            }
        }

        var names = new Dictionary<string, FramingLexicon>(StringComparer.Ordinal);
        var labels = new Dictionary<(string, string), FramingLexicon>();
        foreach (var lexicon in lexicons)
        {
            if (names.TryGetValue(lexicon.Name, out var other))
            {
                faults.Add(new LexiconFault(lexicon.Origin, null, null, "name",
                    $"A lexicon named \"{lexicon.Name}\" is already loaded from {other.Origin}; lexicon names must be unique in a pipeline."));
                continue;
            }

            names[lexicon.Name] = lexicon;
            foreach (var (concept, label) in lexicon.Labels)
            {
                if (labels.TryGetValue((concept.Id, label.Id), out var first))
                {
                    faults.Add(new LexiconFault(lexicon.Origin, null, null, null,
                        $"Label \"{concept.Id}/{label.Id}\" is also defined by lexicon \"{first.Name}\"; a (concept, label) pair may come from one lexicon only."));
                }
                else
                {
                    labels[(concept.Id, label.Id)] = lexicon;
                }
            }
        }

        if (faults.Count > 0)
        {
            throw new LexiconException(faults);
        }

        return lexicons;
    }

    private enum SourceKind
    {
        Default,
        File,
        Lexicon,
        Json,
    }

    private sealed record Source(SourceKind Kind, string Name, FramingLexicon? Lexicon, string? Json = null)
    {
        public override string ToString() => Kind switch
        {
            SourceKind.Default => $"default:{Name}",
            SourceKind.File => $"file:{Name}",
            SourceKind.Json => $"json:{Name}",
            _ => $"lexicon:{Name}",
        };
    }
}
