using System.Globalization;
using System.Text.Json;
using TextLens.Analyzers.Matching;
using TextLens.Text;

namespace TextLens.Framing;

/// <summary>
/// Reads the TextLens framing lexicon JSON format into a <see cref="FramingLexicon"/>, collecting every fault
/// (bad JSON, wrong types, unknown fields, broken rules) with its line, column and field before throwing.
/// </summary>
internal static class FramingLexiconReader
{
    private static readonly HashSet<string> RootFields = new(StringComparer.Ordinal) { "$schema", "name", "version", "language", "description", "options", "concepts", "notes" };
    private static readonly HashSet<string> OptionFields = new(StringComparer.Ordinal) { "foldDiacritics", "hyphenVariants", "matchCompoundParts" };
    private static readonly HashSet<string> ConceptFields = new(StringComparer.Ordinal) { "id", "description", "labels", "notes" };
    private static readonly HashSet<string> LabelFields = new(StringComparer.Ordinal) { "id", "patterns", "facets", "notes" };
    private static readonly HashSet<string> PatternFields = new(StringComparer.Ordinal) { "text", "caseSensitive", "matchCompoundParts" };

    public static FramingLexicon Read(byte[] bytes, string origin)
    {
        var lines = new SourceLines(bytes);
        LocatedJson root;
        try
        {
            root = LocatedJson.Parse(bytes);
        }
        catch (LocatedJsonException ex)
        {
            var (line, column) = ex.FromReader ? lines.AtLine(ex.LineOrOffset, ex.BytePositionInLine) : lines.At(ex.LineOrOffset);
            throw new LexiconException(new LexiconFault(origin, line, column, ex.Path.Length == 0 ? null : ex.Path, ex.Message));
        }

        var context = new Context(origin, lines);
        context.Note("", root);
        if (root.Kind != JsonValueKind.Object)
        {
            context.Fault("", root, $"A framing lexicon is a JSON object, not {root.KindName}.");
            throw context.Exception();
        }

        string? name = null, version = null, language = null, description = null;
        var options = new FramingLexiconOptions();
        var concepts = new List<FramingConcept>();
        foreach (var m in context.Members("", root, RootFields))
        {
            switch (m.Name)
            {
                case "name": name = context.String(m.Name, m.Value); break;
                case "version": version = context.StringOrNumber(m.Name, m.Value); break;
                case "language": language = context.String(m.Name, m.Value); break;
                case "description": description = context.String(m.Name, m.Value); break;
                case "options": options = ReadOptions(context, m.Value); break;
                case "concepts":
                    foreach (var (path, item) in context.Items(m.Name, m.Value))
                    {
                        concepts.Add(ReadConcept(context, path, item));
                    }

                    break;
            }
        }

        var lexicon = new FramingLexicon(name ?? "", version ?? "", concepts.ToArray(), options, language, description, origin, FramingLexicon.HashOf(bytes));
        // A field with a structural fault (wrong type, bad item) is not reported again by the rules.
        var faults = new List<LexiconFault>(context.Faults);
        var faulted = context.Faults.Select(f => f.Field ?? "").ToHashSet(StringComparer.Ordinal);
        faults.AddRange(FramingLexiconRules.Check(lexicon, context.PositionOf).Where(f => !faulted.Contains(f.Field ?? "")));
        if (faults.Count > 0)
        {
            throw new LexiconException(Sort(faults));
        }

        lexicon.SetPositions(context.Positions);
        return lexicon;
    }

    internal static List<LexiconFault> Sort(List<LexiconFault> faults) =>
        faults.Distinct().OrderBy(f => f.Line ?? int.MaxValue).ThenBy(f => f.Column ?? 0).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();

    private static FramingLexiconOptions ReadOptions(Context context, LocatedJson value)
    {
        bool fold = false, hyphens = true, parts = false;
        foreach (var m in context.Members("options", value, OptionFields))
        {
            var b = context.Boolean("options." + m.Name, m.Value);
            switch (m.Name)
            {
                case "foldDiacritics": fold = b ?? fold; break;
                case "hyphenVariants": hyphens = b ?? hyphens; break;
                case "matchCompoundParts": parts = b ?? parts; break;
            }
        }

        return new FramingLexiconOptions(fold, hyphens, parts);
    }

    private static FramingConcept ReadConcept(Context context, string path, LocatedJson value)
    {
        string? id = null, description = null;
        var labels = new List<FramingLabel>();
        foreach (var m in context.Members(path, value, ConceptFields))
        {
            var field = $"{path}.{m.Name}";
            switch (m.Name)
            {
                case "id": id = context.String(field, m.Value); break;
                case "description": description = context.String(field, m.Value); break;
                case "notes": context.String(field, m.Value); break;
                case "labels":
                    foreach (var (labelPath, item) in context.Items(field, m.Value))
                    {
                        labels.Add(ReadLabel(context, labelPath, item));
                    }

                    break;
            }
        }

        return new FramingConcept(id ?? "", labels, description);
    }

    private static FramingLabel ReadLabel(Context context, string path, LocatedJson value)
    {
        string? id = null, notes = null;
        var patterns = new List<FramingPattern>();
        var facets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in context.Members(path, value, LabelFields))
        {
            var field = $"{path}.{m.Name}";
            switch (m.Name)
            {
                case "id": id = context.String(field, m.Value); break;
                case "notes": notes = context.String(field, m.Value); break;
                case "patterns":
                    foreach (var (patternPath, item) in context.Items(field, m.Value))
                    {
                        // A placeholder keeps the model's indices equal to the file's for the messages of the rules.
                        patterns.Add(ReadPattern(context, patternPath, item) ?? new FramingPattern(""));
                    }

                    break;
                case "facets":
                    foreach (var f in context.Members(field, m.Value, allowed: null))
                    {
                        facets[f.Name] = context.String($"{field}.{f.Name}", f.Value) ?? "";
                    }

                    break;
            }
        }

        return new FramingLabel(id ?? "", patterns, facets, notes);
    }

    private static FramingPattern? ReadPattern(Context context, string path, LocatedJson value)
    {
        if (value.Kind == JsonValueKind.String)
        {
            return new FramingPattern(value.Text!);
        }

        if (value.Kind != JsonValueKind.Object)
        {
            context.Fault(path, value, $"A pattern is a string or an object with \"text\", not {value.KindName}.");
            return null;
        }

        string? text = null;
        var caseSensitive = false;
        bool? parts = null;
        foreach (var m in context.Members(path, value, PatternFields))
        {
            var field = $"{path}.{m.Name}";
            switch (m.Name)
            {
                case "text": text = context.String(field, m.Value); break;
                case "caseSensitive": caseSensitive = context.Boolean(field, m.Value) ?? false; break;
                case "matchCompoundParts": parts = context.Boolean(field, m.Value); break;
            }
        }

        if (text is null)
        {
            context.Fault(path, value, "A pattern object needs a \"text\".");
            return null;
        }

        return new FramingPattern(text, caseSensitive, parts);
    }

    /// <summary>Positions, faults and typed access to located JSON values.</summary>
    private sealed class Context(string origin, SourceLines lines)
    {
        private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

        public List<LexiconFault> Faults { get; } = [];

        public IReadOnlyDictionary<string, (int Line, int Column)> Positions => _positions;

        public void Note(string path, LocatedJson value) => _positions[path] = lines.At(value.Offset);

        public void Fault(string path, LocatedJson value, string message)
        {
            var (line, column) = lines.At(value.Offset);
            Faults.Add(new LexiconFault(origin, line, column, path.Length == 0 ? null : path, message));
        }

        /// <summary>The position of a field, or of its nearest ancestor that was read.</summary>
        public (int Line, int Column)? PositionOf(string path)
        {
            while (true)
            {
                if (_positions.TryGetValue(path, out var p))
                {
                    return p;
                }

                if (path.Length == 0)
                {
                    return null;
                }

                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                path = cut < 0 ? "" : path[..cut];
            }
        }

        public IEnumerable<LocatedMember> Members(string path, LocatedJson value, HashSet<string>? allowed)
        {
            if (value.Kind != JsonValueKind.Object)
            {
                Fault(path, value, $"Expected an object, not {value.KindName}.");
                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in value.Members)
            {
                var field = path.Length == 0 ? m.Name : $"{path}.{m.Name}";
                var (line, column) = lines.At(m.NameOffset);
                if (!seen.Add(m.Name))
                {
                    Faults.Add(new LexiconFault(origin, line, column, field, $"Field \"{m.Name}\" appears more than once."));
                    continue;
                }

                if (allowed is not null && !allowed.Contains(m.Name))
                {
                    if (!m.Name.StartsWith(FramingFacets.CustomPrefix, StringComparison.Ordinal))
                    {
                        Faults.Add(new LexiconFault(origin, line, column, field,
                            $"Unknown field \"{m.Name}\"; expected one of {string.Join(", ", allowed.Where(a => a != "$schema").Select(a => $"\"{a}\""))} (or a custom \"x-\" field)."));
                    }

                    continue;
                }

                Note(field, m.Value);
                yield return m;
            }
        }

        public IEnumerable<(string Path, LocatedJson Item)> Items(string path, LocatedJson value)
        {
            if (value.Kind != JsonValueKind.Array)
            {
                Fault(path, value, $"Expected an array, not {value.KindName}.");
                yield break;
            }

            for (var i = 0; i < value.Items.Count; i++)
            {
                var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                Note(itemPath, value.Items[i]);
                yield return (itemPath, value.Items[i]);
            }
        }

        public string? String(string path, LocatedJson value)
        {
            if (value.Kind == JsonValueKind.String)
            {
                return value.Text;
            }

            Fault(path, value, $"Expected a string, not {value.KindName}.");
            return null;
        }

        public string? StringOrNumber(string path, LocatedJson value)
        {
            if (value.Kind is JsonValueKind.String or JsonValueKind.Number)
            {
                return value.Text;
            }

            Fault(path, value, $"Expected a string or a number, not {value.KindName}.");
            return null;
        }

        public bool? Boolean(string path, LocatedJson value)
        {
            if (value.Kind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.Kind == JsonValueKind.True;
            }

            Fault(path, value, $"Expected true or false, not {value.KindName}.");
            return null;
        }

        public LexiconException Exception() => new(Sort(Faults));
    }
}

/// <summary>The rules every framing lexicon must follow, whether read from JSON, imported or built in code.</summary>
internal static class FramingLexiconRules
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Checks a lexicon; positions come from <paramref name="positionOf"/> (null in code).</summary>
    public static List<LexiconFault> Check(FramingLexicon lexicon, Func<string, (int Line, int Column)?> positionOf)
    {
        var faults = new List<LexiconFault>();
        void Add(string field, string message)
        {
            var p = positionOf(field);
            faults.Add(new LexiconFault(lexicon.Origin, p?.Line, p?.Column, field, message));
        }

        if (string.IsNullOrWhiteSpace(lexicon.Name))
        {
            Add("name", "The lexicon needs a \"name\".");
        }

        if (string.IsNullOrWhiteSpace(lexicon.Version))
        {
            Add("version", "The lexicon needs a \"version\".");
        }

        if (lexicon.Concepts.Count == 0)
        {
            Add("concepts", "The lexicon needs at least one concept.");
        }

        var conceptIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var labelIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var parser = DocumentParser.Default;
        var scratch = new ParsedDocument();
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            var concept = lexicon.Concepts[c];
            var conceptPath = $"concepts[{c}]";
            if (CheckId(concept.Id, "concept") is { } idFault)
            {
                Add(conceptPath + ".id", idFault);
            }
            else if (conceptIds.TryGetValue(concept.Id, out var first))
            {
                Add(conceptPath + ".id", $"Concept id \"{concept.Id}\" is already used by {first}.");
            }
            else
            {
                conceptIds[concept.Id] = conceptPath;
            }

            if (concept.Labels.Count == 0)
            {
                Add(conceptPath + ".labels", $"Concept \"{concept.Id}\" has no label.");
            }

            for (var l = 0; l < concept.Labels.Count; l++)
            {
                var label = concept.Labels[l];
                var labelPath = $"{conceptPath}.labels[{l}]";
                if (CheckId(label.Id, "label") is { } labelFault)
                {
                    Add(labelPath + ".id", labelFault);
                }
                else if (labelIds.TryGetValue(label.Id, out var firstLabel))
                {
                    Add(labelPath + ".id", $"Label id \"{label.Id}\" is already used by {firstLabel}; label ids must be unique in the lexicon, across concepts.");
                }
                else
                {
                    labelIds[label.Id] = labelPath;
                }

                if (label.Patterns.Count == 0)
                {
                    Add(labelPath + ".patterns", $"Label \"{label.Id}\" has no pattern.");
                }

                for (var p = 0; p < label.Patterns.Count; p++)
                {
                    var pattern = label.Patterns[p];
                    var patternPath = $"{labelPath}.patterns[{p}]";
                    if (PatternSyntax.Check(pattern.Text) is { } patternFault)
                    {
                        Add(patternPath, patternFault);
                        continue;
                    }

                    parser.Parse(new TextDocument("pattern", PatternSyntax.Body(pattern.Text)), scratch);
                    if (scratch.Tokens.Length == 0)
                    {
                        Add(patternPath, $"The pattern \"{pattern.Text}\" has no word in it.");
                    }
                }

                foreach (var (key, value) in label.Facets)
                {
                    var facetPath = $"{labelPath}.facets.{key}";
                    if (!FramingFacets.IsAllowedLabelFacet(key))
                    {
                        Add(facetPath, $"Unknown facet \"{key}\": a label may set \"stance\", \"perspective\", \"register\" and custom facets starting with \"x-\".");
                    }
                    else if (string.IsNullOrWhiteSpace(value))
                    {
                        Add(facetPath, $"Facet \"{key}\" has no value.");
                    }
                }
            }
        }

        return faults;
    }

    private static string? CheckId(string id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"The {what} needs an \"id\".";
        }

        if (id.Length > MaxIdLength)
        {
            return $"The {what} id is {id.Length} characters long; at most {MaxIdLength} are allowed.";
        }

        foreach (var ch in id)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                return $"The {what} id \"{id}\" contains a space or control character; use letters, digits, '-', '_' or '.'.";
            }
        }

        return null;
    }
}
