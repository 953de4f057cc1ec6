using System.Globalization;
using System.Text;
using TextLens.Analyzers.Matching;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TextLens.Framing;

/// <summary>
/// Imports dictionaries written for other tools as framing lexicons: LIWC <c>.dic</c> files and quanteda YAML
/// dictionaries. Save the result with <see cref="FramingLexicon.Save"/> (what <c>textlens lexicon import</c> does)
/// to edit it as TextLens JSON. Every fault is reported with its line and column.
/// </summary>
/// <remarks>
/// <para>
/// <b>LIWC.</b> The header between the two <c>%</c> lines maps category numbers to names; every following line is
/// a word (a trailing <c>*</c> matches any ending) and the numbers of its categories. The import makes one concept,
/// <c>liwc</c>, with one label per category, so that the framing tables compare categories with each other (each
/// category's share of all dictionary words in a group, its log-odds and G² per group). TextLens counts each span
/// once, while LIWC lists a word under every category that contains it (<c>happy</c> under <c>posemo</c> and
/// <c>affect</c>): the importer keeps each word in its most specific category, the one with the fewest words
/// (the lower number on a tie). A parent category's count is then the sum of its children's. Categories left
/// without words are dropped and named in the lexicon's description.
/// </para>
/// <para>
/// <b>quanteda.</b> Keys that hold lists of patterns are labels; the keys above them name the concept. A label's id
/// is its full dotted key path (quanteda's own name for the key of a flattened dictionary); its concept is the path
/// of its parent (<c>economy.positive</c> is a label of concept <c>economy</c>). Lists at the top level are
/// labels of one concept named after the dictionary. quanteda globs are supported where TextLens has them: a
/// trailing <c>*</c>. <c>?</c> and <c>*</c> elsewhere are faults, so are YAML aliases and nesting deeper than
/// <see cref="MaxYamlDepth"/>.
/// </para>
/// </remarks>
public static class FramingLexiconImporter
{
    /// <summary>The deepest nesting of YAML mappings and lists accepted (the top mapping is level 1; a label's list counts as a level).</summary>
    public const int MaxYamlDepth = 32;

    /// <summary>The id of the one concept a LIWC import makes.</summary>
    public const string LiwcConcept = "liwc";

    /// <summary>Imports a LIWC <c>.dic</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The lexicon name; the file name without extension when <see langword="null"/>.</param>
    /// <param name="version">The lexicon version.</param>
    /// <exception cref="LexiconException">The file cannot be read or is malformed: every fault with line and column.</exception>
    public static FramingLexicon FromLiwc(string path, string? name = null, string version = "1")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromLiwcText(ReadText(path), path, name ?? Path.GetFileNameWithoutExtension(path), version);
    }

    /// <summary>Imports LIWC <c>.dic</c> text.</summary>
    /// <param name="text">The dictionary text.</param>
    /// <param name="origin">Where it came from, for messages and reports.</param>
    /// <param name="name">The lexicon name.</param>
    /// <param name="version">The lexicon version.</param>
    /// <exception cref="LexiconException">The text is malformed: every fault with line and column.</exception>
    public static FramingLexicon FromLiwcText(string text, string origin, string name, string version = "1")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        var faults = new List<LexiconFault>();
        void Fault(int line, int column, string message) => faults.Add(new LexiconFault(origin, line, column, null, message));

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var categories = new SortedDictionary<int, string>();
        var words = new List<(string Word, List<int> Categories, int Line)>();
        var state = 0; // 0 before the header, 1 in the header, 2 in the words
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed == "%")
            {
                if (state == 2)
                {
                    Fault(lineNo, line.IndexOf('%', StringComparison.Ordinal) + 1, "A third '%' line: the category header must appear once, at the top.");
                }

                state++;
                continue;
            }

            if (state == 0)
            {
                Fault(lineNo, 1, "A LIWC dictionary starts with a '%' line, then one \"number name\" line per category, then another '%' line.");
                break;
            }

            var fields = Fields(line);
            if (state == 1)
            {
                if (fields.Count < 2 || !int.TryParse(fields[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    Fault(lineNo, (fields.Count > 0 ? fields[0].Column : 1), "A category line is a number and a name (\"126\tposemo\").");
                    continue;
                }

                if (!categories.TryAdd(number, string.Join('_', fields.Skip(1).Select(f => f.Text))))
                {
                    Fault(lineNo, fields[0].Column, $"Category {number} is defined twice.");
                }

                continue;
            }

            // A word line: the word (which may contain spaces when a tab separates it from the numbers), then category numbers.
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            string word;
            List<(string Text, int Column)> numbers;
            if (tab >= 0)
            {
                word = line[..tab].Trim();
                numbers = Fields(line[(tab + 1)..]).Select(f => (f.Text, f.Column + tab + 1)).ToList();
            }
            else
            {
                word = fields[0].Text;
                numbers = fields.Skip(1).ToList();
            }

            var wordColumn = line.Length - line.TrimStart().Length + 1;
            if (PatternSyntax.Check(word) is { } patternFault)
            {
                Fault(lineNo, wordColumn, $"Word \"{word}\": {patternFault}");
                continue;
            }

            var cats = new List<int>();
            foreach (var (number, column) in numbers)
            {
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    Fault(lineNo, column, $"\"{number}\" is not a category number (LIWC's conditional categories such as \"131/125\" are not supported).");
                }
                else if (!categories.ContainsKey(n))
                {
                    Fault(lineNo, column, $"Category {n} is not defined in the header.");
                }
                else if (!cats.Contains(n))
                {
                    cats.Add(n);
                }
            }

            if (numbers.Count == 0)
            {
                Fault(lineNo, wordColumn + word.Length, $"Word \"{word}\" has no category.");
            }

            words.Add((word, cats, lineNo));
        }

        if (state < 2 && faults.Count == 0)
        {
            Fault(lines.Length, 1, "The category header is not closed by a second '%' line.");
        }

        if (faults.Count > 0)
        {
            throw new LexiconException(faults);
        }

        // Each word goes to its most specific category: the one with the fewest words, the lower number on a tie.
        var sizes = categories.Keys.ToDictionary(k => k, k => words.Count(w => w.Categories.Contains(k)));
        var patterns = categories.Keys.ToDictionary(k => k, _ => new List<FramingPattern>());
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, cats, _) in words)
        {
            if (cats.Count == 0 || !seenWords.Add(word))
            {
                continue;
            }

            var best = cats.OrderBy(c => sizes[c]).ThenBy(c => c).First();
            patterns[best].Add(new FramingPattern(word));
        }

        var labels = new List<FramingLabel>();
        var dropped = new List<string>();
        foreach (var (number, category) in categories)
        {
            if (patterns[number].Count == 0)
            {
                dropped.Add(category);
                continue;
            }

            labels.Add(new FramingLabel(category, patterns[number],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["x-liwc-category"] = number.ToString(CultureInfo.InvariantCulture) }));
        }

        var description = $"Imported from the LIWC dictionary {Path.GetFileName(origin)}: {categories.Count} categories, {seenWords.Count} words, each in its most specific category.";
        if (dropped.Count > 0)
        {
            description += $" Categories whose words all belong to more specific ones (sum their children): {string.Join(", ", dropped)}.";
        }

        return Create(name, version, [new FramingConcept(LiwcConcept, labels, "LIWC categories.")], description, origin);
    }

    /// <summary>Imports a quanteda YAML dictionary file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The lexicon name; the file name without extension when <see langword="null"/>.</param>
    /// <param name="version">The lexicon version.</param>
    /// <exception cref="LexiconException">The file cannot be read or is malformed: every fault with line and column.</exception>
    public static FramingLexicon FromQuanteda(string path, string? name = null, string version = "1")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromQuantedaYaml(ReadText(path), path, name ?? Path.GetFileNameWithoutExtension(path), version);
    }

    /// <summary>Imports quanteda YAML dictionary text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="origin">Where it came from, for messages and reports.</param>
    /// <param name="name">The lexicon name; also the concept of top-level lists.</param>
    /// <param name="version">The lexicon version.</param>
    /// <exception cref="LexiconException">The YAML is malformed, too deep, uses aliases or unsupported globs: every fault with line and column.</exception>
    public static FramingLexicon FromQuantedaYaml(string yaml, string origin, string name, string version = "1")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var reader = new QuantedaReader(origin, name);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new LexiconException(new LexiconFault(origin, 1, 1, null, "The YAML dictionary is empty."));
            }

            parser.Consume<DocumentStart>();
            if (!parser.Accept<MappingStart>(out var root))
            {
                var mark = parser.Current!.Start;
                throw new LexiconException(new LexiconFault(origin, (int)mark.Line, (int)mark.Column, null, "A quanteda dictionary is a YAML mapping of keys to lists of patterns."));
            }

            reader.ReadMapping(parser, [], 1);
            parser.Consume<DocumentEnd>();
        }
        catch (YamlException ex)
        {
            throw new LexiconException(new LexiconFault(origin, (int)ex.Start.Line, (int)ex.Start.Column, null, $"Invalid YAML: {ex.Message}"));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections: report where parsing stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new LexiconException(new LexiconFault(origin, (int)at.Line, (int)at.Column, null, $"Invalid YAML after this point (an unclosed '[' or '{{'?): {ex.Message}"));
        }

        if (reader.Faults.Count > 0)
        {
            throw new LexiconException(reader.Faults);
        }

        var concepts = reader.Concepts.Select(c => new FramingConcept(c.Id, c.Labels)).ToList();
        return Create(name, version, concepts, $"Imported from the quanteda dictionary {Path.GetFileName(origin)}.", origin);
    }

    private static FramingLexicon Create(string name, string version, IReadOnlyList<FramingConcept> concepts, string description, string origin)
    {
        var lexicon = new FramingLexicon(name, version, concepts.ToArray(), new FramingLexiconOptions(), null, description, origin, sha256: null);
        var faults = FramingLexiconRules.Check(lexicon, _ => null);
        if (faults.Count > 0)
        {
            throw new LexiconException(faults);
        }

        return lexicon;
    }

    private static string ReadText(string path) =>
        Analyzers.LexiconFile.ReadAllText(path, ex => new LexiconException(new LexiconFault(path, null, null, null, $"The file cannot be read: {ex.Message}")));

    /// <summary>Whitespace-separated fields of a line with their one-based columns.</summary>
    private static List<(string Text, int Column)> Fields(string line)
    {
        var fields = new List<(string, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                fields.Add((line[start..i], start + 1));
            }
        }

        return fields;
    }

    /// <summary>Walks the YAML events of a quanteda dictionary, collecting concepts, labels and faults with positions.</summary>
    private sealed class QuantedaReader(string origin, string name)
    {
        private readonly Dictionary<string, ConceptBuilder> _concepts = new(StringComparer.Ordinal);

        public List<ConceptBuilder> Concepts { get; } = [];

        public List<LexiconFault> Faults { get; } = [];

        public void ReadMapping(IParser parser, List<string> path, int depth)
        {
            var start = parser.Consume<MappingStart>();
            var here = string.Join('.', path);
            if (depth > MaxYamlDepth)
            {
                Fault(start.Start, here, $"The dictionary nests deeper than {MaxYamlDepth} levels (mappings and lists).");
                throw new LexiconException(Faults);
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is AnchorAlias alias)
                {
                    Fault(alias.Start, here, "YAML aliases are not supported in dictionaries.");
                    throw new LexiconException(Faults);
                }

                var key = parser.Consume<Scalar>();
                path.Add(key.Value);
                var field = string.Join('.', path);
                if (!keys.Add(key.Value))
                {
                    Fault(key.Start, field, $"Key \"{key.Value}\" appears twice in the same mapping.");
                }

                switch (parser.Current)
                {
                    case MappingStart:
                        ReadMapping(parser, path, depth + 1);
                        break;
                    case SequenceStart:
                        var faultsBefore = Faults.Count;
                        var patterns = ReadPatterns(parser, depth + 1, field);
                        AddLabel(path, patterns, key.Start, reportEmpty: Faults.Count == faultsBefore);
                        break;
                    case Scalar scalar:
                        parser.MoveNext();
                        var single = Pattern(scalar, field);
                        AddLabel(path, single is null ? [] : [single], key.Start, reportEmpty: single is not null);
                        break;
                    case AnchorAlias a:
                        Fault(a.Start, field, "YAML aliases are not supported in dictionaries.");
                        throw new LexiconException(Faults);
                    default:
                        Fault(parser.Current!.Start, field, $"Key \"{key.Value}\" must hold a list of patterns or a mapping of keys.");
                        parser.SkipThisAndNestedEvents();
                        break;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        private List<FramingPattern> ReadPatterns(IParser parser, int depth, string field)
        {
            var start = parser.Consume<SequenceStart>();
            if (depth > MaxYamlDepth)
            {
                Fault(start.Start, field, $"The dictionary nests deeper than {MaxYamlDepth} levels (mappings and lists).");
                throw new LexiconException(Faults);
            }

            var patterns = new List<FramingPattern>();
            for (var index = 0; !parser.TryConsume<SequenceEnd>(out _); index++)
            {
                var item = $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";
                switch (parser.Current)
                {
                    case Scalar scalar:
                        parser.MoveNext();
                        if (Pattern(scalar, item) is { } p)
                        {
                            patterns.Add(p);
                        }

                        break;
                    case AnchorAlias alias:
                        Fault(alias.Start, item, "YAML aliases are not supported in dictionaries.");
                        throw new LexiconException(Faults);
                    case SequenceStart:
                        // A list inside a pattern list: check its depth (it may nest further), then report it.
                        var nested = parser.Current!;
                        ReadPatterns(parser, depth + 1, item);
                        Fault(nested.Start, item, "A pattern list may hold only patterns (strings).");
                        break;
                    case MappingStart:
                        var mapping = parser.Current!;
                        ReadMapping(parser, [item], depth + 1);
                        Fault(mapping.Start, item, "A pattern list may hold only patterns (strings).");
                        break;
                    default:
                        Fault(parser.Current!.Start, item, "A pattern list may hold only patterns (strings).");
                        parser.SkipThisAndNestedEvents();
                        break;
                }
            }

            return patterns;
        }

        private FramingPattern? Pattern(Scalar scalar, string field)
        {
            var text = scalar.Value.Trim();
            if (text.Contains('?', StringComparison.Ordinal))
            {
                Fault(scalar.Start, field, $"Pattern \"{text}\": the '?' glob is not supported; write the variants out.");
                return null;
            }

            if (PatternSyntax.Check(text) is { } fault)
            {
                Fault(scalar.Start, field, $"Pattern \"{(text.Length > 60 ? text[..57] + "..." : text)}\": {fault}");
                return null;
            }

            return new FramingPattern(text);
        }

        private void AddLabel(List<string> path, List<FramingPattern> patterns, Mark at, bool reportEmpty)
        {
            var labelId = string.Join('.', path);
            var conceptId = path.Count == 1 ? name : string.Join('.', path.Take(path.Count - 1));
            if (patterns.Count == 0)
            {
                // A list whose every pattern was faulty has been reported already.
                if (reportEmpty)
                {
                    Fault(at, labelId, $"Key \"{labelId}\" has no pattern.");
                }

                return;
            }

            if (!_concepts.TryGetValue(conceptId, out var concept))
            {
                concept = new ConceptBuilder(conceptId);
                _concepts[conceptId] = concept;
                Concepts.Add(concept);
            }

            concept.Labels.Add(new FramingLabel(labelId, patterns));
        }

        private void Fault(Mark mark, string field, string message) =>
            Faults.Add(new LexiconFault(origin, (int)mark.Line, (int)mark.Column, field.Length == 0 ? null : field, message));
    }

    private sealed class ConceptBuilder(string id)
    {
        public string Id { get; } = id;

        public List<FramingLabel> Labels { get; } = [];
    }
}
