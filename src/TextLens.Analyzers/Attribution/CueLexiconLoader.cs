using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Loads <see cref="CueLexicon"/>s from JSON (comments and trailing commas allowed). Every fault is reported with
/// the file, line, column and field at fault, and all faults of a file are reported together in one
/// <see cref="TextLensConfigurationException"/>. The format is described in <c>Attribution/README.md</c>.
/// </summary>
public static class CueLexiconLoader
{
    /// <summary>The name of the embedded default lexicon's resource.</summary>
    internal const string DefaultResource = "TextLens.Analyzers.Attribution/Defaults/cues.json";

    private static readonly Lazy<CueLexicon> DefaultLexicon = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The embedded default lexicon (<c>textlens-cues</c>), loaded once.</summary>
    public static CueLexicon Default => DefaultLexicon.Value;

    /// <summary>Loads a lexicon from a JSON file.</summary>
    /// <exception cref="TextLensConfigurationException">The file cannot be read or is not a valid cue lexicon.</exception>
    public static CueLexicon LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = LexiconFile.ReadAllBytes(path, ex => new TextLensConfigurationException($"{path}: cannot read the cue lexicon: {ex.Message}", ex));

        return Load(bytes, path);
    }

    /// <summary>Loads a lexicon from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="origin">Where it came from, used in error messages and the manifest.</param>
    /// <exception cref="TextLensConfigurationException">The JSON is not a valid cue lexicon.</exception>
    public static CueLexicon Load(Stream utf8Json, string origin)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Load(buffer.ToArray(), origin);
    }

    /// <summary>Loads a lexicon from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="origin">Where it came from, used in error messages and the manifest.</param>
    /// <exception cref="TextLensConfigurationException">The JSON is not a valid cue lexicon.</exception>
    public static CueLexicon Parse(string json, string origin = "inline")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json), origin);
    }

    private static CueLexicon LoadEmbedded()
    {
        using var stream = typeof(CueLexiconLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResource}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray(), "embedded:textlens-cues");
    }

    private static CueLexicon Load(byte[] bytes, string origin)
    {
        origin ??= "inline";
        var reader = new LexiconJson(bytes, origin);
        var root = reader.ReadRoot();
        var faults = reader.Faults;
        CueLexicon? lexicon = null;
        if (root is not null)
        {
            lexicon = Build(root, reader);
        }

        if (faults.Count > 0 || lexicon is null)
        {
            throw new TextLensConfigurationException(faults.Count > 0 ? faults : [$"{origin}: the cue lexicon is empty."]);
        }

        return lexicon;
    }

    private static CueLexicon? Build(JsonNode root, LexiconJson json)
    {
        if (root.Kind != JsonValueKind.Object)
        {
            json.Fault(root, "", "the cue lexicon must be a JSON object");
            return null;
        }

        json.CheckFields(root, "", "name", "version", "language", "description", "verbs", "phrases", "sourceNouns");
        var name = json.RequiredString(root, "", "name");
        var version = json.RequiredString(root, "", "version");
        var language = json.OptionalString(root, "", "language") ?? "en";
        _ = json.OptionalString(root, "", "description");

        var verbs = new List<CueVerb>();
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in json.Items(root, "verbs"))
        {
            if (!json.CheckObject(item, path))
            {
                continue;
            }

            json.CheckFields(item, path, "lemma", "stance", "forms", "addressee", "passive", "requiresContent", "alsoNoun");
            var lemma = json.RequiredString(item, path, "lemma");
            var stance = json.RequiredEnum(item, path, "stance", ParseStance, "neutral, distancing, endorsing, accusing");
            var explicitForms = json.OptionalStringArray(item, path, "forms");
            var addressee = json.OptionalBool(item, path, "addressee") ?? false;
            var passive = json.OptionalBool(item, path, "passive") ?? true;
            var alsoNoun = json.OptionalBool(item, path, "alsoNoun") ?? false;
            var requires = json.OptionalEnum(item, path, "requiresContent", ParseRequirement, "any, clause, quote") ?? CueContentRequirement.Any;
            if (lemma is null || stance is null)
            {
                continue;
            }

            var normalized = Normalize(lemma);
            var verbForms = explicitForms is { Count: > 0 } ? explicitForms.Select(Normalize).Distinct(StringComparer.Ordinal).ToList() : Inflect(normalized);
            foreach (var form in verbForms)
            {
                if (forms.TryGetValue(form, out var owner) && !string.Equals(owner, normalized, StringComparison.Ordinal))
                {
                    json.Fault(item.Field("forms") ?? item, path + ".forms", $"the form '{form}' already belongs to the verb '{owner}'");
                }

                forms[form] = normalized;
            }

            verbs.Add(new CueVerb(normalized, stance.Value, verbForms)
            {
                TakesAddressee = addressee,
                AgentlessPassive = passive,
                RequiresContent = requires,
                AlsoNoun = alsoNoun,
            });
        }

        var phrases = new List<CuePhrase>();
        foreach (var (item, path) in json.Items(root, "phrases"))
        {
            if (!json.CheckObject(item, path))
            {
                continue;
            }

            json.CheckFields(item, path, "text", "kind", "stance", "lemma");
            var text = json.RequiredString(item, path, "text");
            var kind = json.RequiredEnum(item, path, "kind", ParseKind, "according-to, cited-as-saying, what-called, adjunct, hedge, agentless");
            var stance = json.OptionalEnum(item, path, "stance", ParseStance, "neutral, distancing, endorsing, accusing") ?? CueStance.Neutral;
            var lemma = json.OptionalString(item, path, "lemma");
            if (text is null || kind is null)
            {
                continue;
            }

            var normalized = Normalize(text);
            var gaps = CountGaps(normalized);
            var gapped = kind is CuePhraseKind.CitedAsSaying or CuePhraseKind.WhatCalled;
            if (gapped && (gaps != 1 || normalized.StartsWith("...", StringComparison.Ordinal) || normalized.EndsWith("...", StringComparison.Ordinal)))
            {
                json.Fault(item.Field("text")!, path + ".text", $"a '{NameOf(kind.Value)}' cue needs exactly one '...' gap between words (was '{text}')");
                continue;
            }

            if (!gapped && gaps != 0)
            {
                json.Fault(item.Field("text")!, path + ".text", $"only cited-as-saying and what-called cues may have a '...' gap (was '{text}')");
                continue;
            }

            phrases.Add(new CuePhrase(normalized, kind.Value, stance, lemma is null ? normalized : Normalize(lemma)));
        }

        var nouns = new List<SourceNoun>();
        foreach (var (item, path) in json.Items(root, "sourceNouns"))
        {
            if (!json.CheckObject(item, path))
            {
                continue;
            }

            json.CheckFields(item, path, "text", "plural", "type", "role");
            var text = json.RequiredString(item, path, "text");
            var plural = json.OptionalString(item, path, "plural");
            var type = json.RequiredString(item, path, "type");
            var role = json.OptionalEnum(item, path, "role", ParseRole, "organization, person, group") ?? SourceNounRole.Organization;
            if (type is not null && !AttributionSourceTypes.All.Contains(type, StringComparer.Ordinal))
            {
                json.Fault(item.Field("type")!, path + ".type", $"unknown source type '{type}' (expected {string.Join(", ", AttributionSourceTypes.All)})");
                continue;
            }

            if (text is null || type is null)
            {
                continue;
            }

            nouns.Add(new SourceNoun(Normalize(text), plural is null ? null : Normalize(plural), type, role));
        }

        if (name is null || version is null)
        {
            return null;
        }

        return new CueLexicon(name, version, language, verbs, phrases, nouns)
        {
            Sha256 = json.Sha256,
            Origin = json.Origin,
        };
    }

    /// <summary>Regular inflections of a lemma (the first word of a multi-word lemma inflects): base, -s, -ed, -ing.</summary>
    internal static List<string> Inflect(string lemma)
    {
        var space = lemma.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? lemma : lemma[..space];
        var tail = space < 0 ? "" : lemma[space..];
        string s, ed, ing;
        if (head.EndsWith('e'))
        {
            s = head + "s";
            ed = head + "d";
            ing = head[..^1] + "ing";
        }
        else if (head.Length > 1 && head.EndsWith('y') && !"aeiou".Contains(head[^2], StringComparison.Ordinal))
        {
            s = head[..^1] + "ies";
            ed = head[..^1] + "ied";
            ing = head + "ing";
        }
        else if (head.EndsWith('s') || head.EndsWith('x') || head.EndsWith('z') || head.EndsWith("sh", StringComparison.Ordinal) || head.EndsWith("ch", StringComparison.Ordinal))
        {
            s = head + "es";
            ed = head + "ed";
            ing = head + "ing";
        }
        else
        {
            s = head + "s";
            ed = head + "ed";
            ing = head + "ing";
        }

        return [head + tail, s + tail, ed + tail, ing + tail];
    }

    private static string Normalize(string text) => Text.WhiteSpaceRuns.Collapse(Text.CharFolding.FoldCase(text));

    private static int CountGaps(string text)
    {
        var count = 0;
        foreach (var word in text.Split(' '))
        {
            if (word == "...")
            {
                count++;
            }
        }

        return count;
    }

    private static CueStance? ParseStance(string s) => s switch
    {
        "neutral" => CueStance.Neutral,
        "distancing" => CueStance.Distancing,
        "endorsing" => CueStance.Endorsing,
        "accusing" => CueStance.Accusing,
        _ => null,
    };

    private static CueContentRequirement? ParseRequirement(string s) => s switch
    {
        "any" => CueContentRequirement.Any,
        "clause" => CueContentRequirement.Clause,
        "quote" => CueContentRequirement.Quote,
        _ => null,
    };

    private static CuePhraseKind? ParseKind(string s) => s switch
    {
        "according-to" => CuePhraseKind.AccordingTo,
        "cited-as-saying" => CuePhraseKind.CitedAsSaying,
        "what-called" => CuePhraseKind.WhatCalled,
        "adjunct" => CuePhraseKind.Adjunct,
        "hedge" => CuePhraseKind.Hedge,
        "agentless" => CuePhraseKind.Agentless,
        _ => null,
    };

    private static SourceNounRole? ParseRole(string s) => s switch
    {
        "organization" => SourceNounRole.Organization,
        "person" => SourceNounRole.Person,
        "group" => SourceNounRole.Group,
        _ => null,
    };

    /// <summary>The JSON name of a stance (<c>neutral</c>).</summary>
    internal static string NameOf(CueStance stance) => stance switch
    {
        CueStance.Distancing => "distancing",
        CueStance.Endorsing => "endorsing",
        CueStance.Accusing => "accusing",
        _ => "neutral",
    };

    private static string NameOf(CuePhraseKind kind) => kind switch
    {
        CuePhraseKind.AccordingTo => "according-to",
        CuePhraseKind.CitedAsSaying => "cited-as-saying",
        CuePhraseKind.WhatCalled => "what-called",
        CuePhraseKind.Adjunct => "adjunct",
        CuePhraseKind.Hedge => "hedge",
        _ => "agentless",
    };

    /// <summary>A JSON value with the byte offset it starts at, so faults can name a line and column.</summary>
    private sealed class JsonNode(JsonValueKind kind, long offset)
    {
        public JsonValueKind Kind { get; } = kind;

        public long Offset { get; } = offset;

        public string? String { get; init; }

        public bool Bool { get; init; }

        public List<(string Name, long Offset, JsonNode Value)> Fields { get; } = [];

        public List<JsonNode> Items { get; } = [];

        public JsonNode? Field(string name)
        {
            foreach (var f in Fields)
            {
                if (string.Equals(f.Name, name, StringComparison.Ordinal))
                {
                    return f.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Reads the lexicon's JSON into <see cref="JsonNode"/>s and collects faults with positions.</summary>
    private sealed class LexiconJson
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public LexiconJson(byte[] bytes, string origin)
        {
            // Skip a UTF-8 byte order mark.
            _bytes = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
            Origin = origin;
            Sha256 = Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant();
            for (var i = 0; i < _bytes.Length; i++)
            {
                if (_bytes[i] == '\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public string Origin { get; }

        public string Sha256 { get; }

        public List<string> Faults { get; } = [];

        public JsonNode? ReadRoot()
        {
            var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            try
            {
                if (!reader.Read())
                {
                    Faults.Add($"{Origin}: the cue lexicon is empty.");
                    return null;
                }

                var root = ReadValue(ref reader);
                if (reader.Read())
                {
                    Fault(reader.TokenStartIndex, "", "unexpected content after the lexicon object");
                }

                return root;
            }
            catch (JsonException ex)
            {
                var line = (ex.LineNumber ?? 0) + 1;
                var column = (ex.BytePositionInLine ?? 0) + 1;
                Faults.Add(string.Create(CultureInfo.InvariantCulture, $"{Origin}:{line}:{column}: invalid JSON: {ex.Message}"));
                return null;
            }
        }

        private JsonNode ReadValue(ref Utf8JsonReader reader)
        {
            var offset = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var node = new JsonNode(JsonValueKind.Object, offset);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        var nameOffset = reader.TokenStartIndex;
                        reader.Read();
                        node.Fields.Add((name, nameOffset, ReadValue(ref reader)));
                    }

                    return node;
                }

                case JsonTokenType.StartArray:
                {
                    var node = new JsonNode(JsonValueKind.Array, offset);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(ReadValue(ref reader));
                    }

                    return node;
                }

                case JsonTokenType.String:
                    return new JsonNode(JsonValueKind.String, offset) { String = reader.GetString() };
                case JsonTokenType.True:
                    return new JsonNode(JsonValueKind.True, offset) { Bool = true };
                case JsonTokenType.False:
                    return new JsonNode(JsonValueKind.False, offset);
                case JsonTokenType.Number:
                    return new JsonNode(JsonValueKind.Number, offset);
                default:
                    return new JsonNode(JsonValueKind.Null, offset);
            }
        }

        public void Fault(JsonNode node, string field, string message) => Fault(node.Offset, field, message);

        private void Fault(long offset, string field, string message)
        {
            var line = LineOf(offset);
            var lineStart = _lineStarts[line];
            var column = Encoding.UTF8.GetCharCount(_bytes, lineStart, (int)offset - lineStart) + 1;
            var where = field.Length == 0 ? "" : $" field '{field}':";
            Faults.Add(string.Create(CultureInfo.InvariantCulture, $"{Origin}:{line + 1}:{column}:{where} {message}."));
        }

        private int LineOf(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            return index >= 0 ? index : ~index - 1;
        }

        public bool CheckObject(JsonNode node, string path)
        {
            if (node.Kind == JsonValueKind.Object)
            {
                return true;
            }

            Fault(node, path, "expected an object");
            return false;
        }

        public void CheckFields(JsonNode node, string path, params string[] known)
        {
            foreach (var (name, offset, _) in node.Fields)
            {
                if (Array.IndexOf(known, name) < 0)
                {
                    Fault(offset, Join(path, name), $"unknown field (expected one of {string.Join(", ", known)})");
                }
            }
        }

        public IEnumerable<(JsonNode Item, string Path)> Items(JsonNode node, string field)
        {
            var array = node.Field(field);
            if (array is null || array.Kind == JsonValueKind.Null)
            {
                yield break;
            }

            if (array.Kind != JsonValueKind.Array)
            {
                Fault(array, field, "expected an array");
                yield break;
            }

            for (var i = 0; i < array.Items.Count; i++)
            {
                yield return (array.Items[i], string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"));
            }
        }

        public string? RequiredString(JsonNode node, string path, string field)
        {
            var value = node.Field(field);
            if (value is null)
            {
                Fault(node, Join(path, field), "is required");
                return null;
            }

            return StringOf(value, Join(path, field));
        }

        public string? OptionalString(JsonNode node, string path, string field)
        {
            var value = node.Field(field);
            return value is null || value.Kind == JsonValueKind.Null ? null : StringOf(value, Join(path, field));
        }

        private string? StringOf(JsonNode value, string field)
        {
            if (value.Kind != JsonValueKind.String)
            {
                Fault(value, field, "expected a string");
                return null;
            }

            if (string.IsNullOrWhiteSpace(value.String))
            {
                Fault(value, field, "must not be empty");
                return null;
            }

            return value.String;
        }

        public List<string>? OptionalStringArray(JsonNode node, string path, string field)
        {
            var value = node.Field(field);
            if (value is null || value.Kind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.Kind != JsonValueKind.Array)
            {
                Fault(value, Join(path, field), "expected an array of strings");
                return null;
            }

            var list = new List<string>();
            for (var i = 0; i < value.Items.Count; i++)
            {
                var s = StringOf(value.Items[i], string.Create(CultureInfo.InvariantCulture, $"{Join(path, field)}[{i}]"));
                if (s is not null)
                {
                    list.Add(s);
                }
            }

            return list;
        }

        public bool? OptionalBool(JsonNode node, string path, string field)
        {
            var value = node.Field(field);
            if (value is null || value.Kind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.Kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fault(value, Join(path, field), "expected true or false");
                return null;
            }

            return value.Bool;
        }

        public T? RequiredEnum<T>(JsonNode node, string path, string field, Func<string, T?> parse, string expected)
            where T : struct
        {
            if (node.Field(field) is null)
            {
                Fault(node, Join(path, field), "is required");
                return null;
            }

            return OptionalEnum(node, path, field, parse, expected);
        }

        public T? OptionalEnum<T>(JsonNode node, string path, string field, Func<string, T?> parse, string expected)
            where T : struct
        {
            var text = OptionalString(node, path, field);
            if (text is null)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                Fault(node.Field(field)!, Join(path, field), $"unknown value '{text}' (expected {expected})");
            }

            return value;
        }

        private static string Join(string path, string field) => path.Length == 0 ? field : path + "." + field;
    }
}
