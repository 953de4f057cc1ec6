using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TextLens.Corpus;

/// <summary>What a field of a source record held.</summary>
internal enum SourceFieldKind
{
    /// <summary>Text (a JSON string, any CSV field).</summary>
    String,

    /// <summary>A JSON number, as written.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON array or object, as its JSON text.</summary>
    Json,
}

/// <summary>One field of a source record: its name, its value as invariant text, and what it was.</summary>
internal readonly record struct SourceField(string Name, string Value, SourceFieldKind Kind);

/// <summary>The roles of <see cref="FieldMapping"/>, in the order of <see cref="FieldMapping.Roles"/>.</summary>
internal enum FieldRole
{
    Id,
    Text,
    Title,
    Outlet,
    Date,
    Url,
    Language,
}

/// <summary>
/// Applies a <see cref="FieldMapping"/> to the fields of a record: for each role, the first candidate name (in the
/// mapping's order) that the record has with a non-blank value; every other non-blank field goes to
/// <see cref="DocumentMetadata.Fields"/>. Candidates with a blank value are ignored (an empty <c>date</c> is no date,
/// not an unparsed one). Immutable and thread-safe.
/// </summary>
internal sealed class RecordMapper
{
    private const int RoleCount = 7;

    private readonly Dictionary<string, (FieldRole Role, int Rank)> _names = new(StringComparer.OrdinalIgnoreCase);

    public RecordMapper(FieldMapping mapping)
    {
        Mapping = mapping;
        var role = 0;
        foreach (var (_, names) in mapping.Roles())
        {
            for (var rank = 0; rank < names.Count; rank++)
            {
                _names.TryAdd(names[rank], ((FieldRole)role, rank));
            }

            role++;
        }
    }

    /// <summary>The mapping applied.</summary>
    public FieldMapping Mapping { get; }

    /// <summary>Maps the fields of one record.</summary>
    public MappedRecord Map(IReadOnlyList<SourceField> fields)
    {
        Span<int> winner = stackalloc int[RoleCount];
        Span<int> winnerRank = stackalloc int[RoleCount];
        winner.Fill(-1);
        string? textName = null;
        var textRank = int.MaxValue;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!_names.TryGetValue(fields[i].Name, out var entry))
            {
                continue;
            }

            var r = (int)entry.Role;
            if (entry.Role == FieldRole.Text && entry.Rank < textRank)
            {
                // The first text candidate present, blank or not, names the field in messages.
                (textName, textRank) = (fields[i].Name, entry.Rank);
            }

            if (!string.IsNullOrWhiteSpace(fields[i].Value) && (winner[r] < 0 || entry.Rank < winnerRank[r]))
            {
                winner[r] = i;
                winnerRank[r] = entry.Rank;
            }
        }

        var roles = new SourceField?[RoleCount];
        for (var r = 0; r < RoleCount; r++)
        {
            if (winner[r] >= 0)
            {
                roles[r] = fields[winner[r]];
            }
        }

        Dictionary<string, string>? rest = null;
        for (var i = 0; i < fields.Count; i++)
        {
            if (winner.Contains(i) || string.IsNullOrWhiteSpace(fields[i].Value) && _names.ContainsKey(fields[i].Name))
            {
                continue;
            }

            rest ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            rest[fields[i].Name] = fields[i].Value;
        }

        return new MappedRecord(roles, rest, textName);
    }
}

/// <summary>The fields of a record sorted into roles and the rest.</summary>
internal sealed class MappedRecord
{
    private static readonly IReadOnlyDictionary<string, string> NoFields =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private readonly SourceField?[] _roles;
    private readonly Dictionary<string, string>? _fields;

    public MappedRecord(SourceField?[] roles, Dictionary<string, string>? fields, string? textFieldName)
    {
        _roles = roles;
        _fields = fields;
        TextFieldName = textFieldName;
    }

    /// <summary>The field that won a role, if any.</summary>
    public SourceField? this[FieldRole role] => _roles[(int)role];

    /// <summary>The name (as written in the record) of the first text candidate the record has, even when blank.</summary>
    public string? TextFieldName { get; }

    /// <summary>The id, when the record has one.</summary>
    public string? Id => this[FieldRole.Id]?.Value;

    /// <summary>
    /// This record's fields over <paramref name="fallback"/>'s: each role and each other field is taken from this
    /// record when it has it, else from <paramref name="fallback"/>.
    /// </summary>
    public MappedRecord Over(MappedRecord fallback)
    {
        var roles = new SourceField?[_roles.Length];
        for (var r = 0; r < roles.Length; r++)
        {
            roles[r] = _roles[r] ?? fallback._roles[r];
        }

        Dictionary<string, string>? fields = null;
        if (_fields is not null || fallback._fields is not null)
        {
            fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var source in (ReadOnlySpan<Dictionary<string, string>?>)[fallback._fields, _fields])
            {
                if (source is null)
                {
                    continue;
                }

                foreach (var (name, value) in source)
                {
                    fields[name] = value;
                }
            }
        }

        return new MappedRecord(roles, fields, TextFieldName ?? fallback.TextFieldName);
    }

    /// <summary>
    /// The metadata: well-known fields, the date read leniently (<see cref="DocumentIssues.DateUnparsed"/> in
    /// <paramref name="issues"/> when it is present but not a date), and the other fields.
    /// </summary>
    public DocumentMetadata ToMetadata(out DocumentIssues issues)
    {
        issues = DocumentIssues.None;
        var rawDate = this[FieldRole.Date]?.Value;
        DateOnly? date = null;
        if (rawDate is not null)
        {
            if (LenientDate.TryParse(rawDate, out var parsed))
            {
                date = parsed;
            }
            else
            {
                issues |= DocumentIssues.DateUnparsed;
            }
        }

        return new DocumentMetadata
        {
            Outlet = this[FieldRole.Outlet]?.Value,
            Date = date,
            RawDate = rawDate,
            Title = this[FieldRole.Title]?.Value,
            Url = this[FieldRole.Url]?.Value,
            Language = this[FieldRole.Language]?.Value,
            Fields = _fields ?? NoFields,
        };
    }
}

/// <summary>Reads one JSON object (a JSON Lines line, a sidecar) into <see cref="SourceField"/>s.</summary>
internal static class JsonRecordParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Reads the top-level properties of a JSON object; <c>null</c> values are left out.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="what">What the text is, for messages (<c>line</c>, <c>sidecar</c>).</param>
    /// <param name="fields">Receives the properties, in order.</param>
    /// <param name="replaced">Set when a string escaped an unpaired surrogate (<c>\uD800</c>), which was replaced with U+FFFD.</param>
    /// <returns><see langword="null"/> when the text is a JSON object, else why not.</returns>
    public static string? Parse(ReadOnlySpan<byte> utf8, string what, List<SourceField> fields, out bool replaced)
    {
        replaced = false;
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"the {what} is {Describe(reader.TokenType)}, not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = ReadString(ref reader, ref replaced);
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        fields.Add(new SourceField(name, ReadString(ref reader, ref replaced), SourceFieldKind.String));
                        break;
                    case JsonTokenType.Number:
                        fields.Add(new SourceField(name, Encoding.UTF8.GetString(reader.ValueSpan), SourceFieldKind.Number));
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        fields.Add(new SourceField(name, reader.GetBoolean() ? "true" : "false", SourceFieldKind.Boolean));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        fields.Add(new SourceField(name, Encoding.UTF8.GetString(utf8[start..(int)reader.BytesConsumed]), SourceFieldKind.Json));
                        break;
                }
            }

            // Anything after the object is an error, raised by this read.
            reader.Read();
            return null;
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine ?? reader.BytesConsumed;
            var end = utf8.TrimEnd(" \t"u8).Length;
            if (position >= end)
            {
                return $"truncated {what}: the JSON ends at byte {end} before the object is closed";
            }

            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return $"invalid JSON in the {what} at byte {position + 1}: {(cut > 0 ? message[..cut] : message)}";
        }
    }

    /// <summary>
    /// The value of a string token. System.Text.Json refuses strings that escape an unpaired surrogate (written by
    /// some serializers for broken text); those are unescaped here with the surrogate replaced by U+FFFD, so the
    /// record is kept and flagged rather than lost.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, ref bool replaced)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            replaced = true;
            return UnescapeLenient(reader.ValueSpan);
        }
    }

    /// <summary>Unescapes the raw bytes of a JSON string (already validated by the reader), replacing unpaired surrogates.</summary>
    internal static string UnescapeLenient(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        while (!escaped.IsEmpty)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                text.Append(Encoding.UTF8.GetString(escaped));
                break;
            }

            text.Append(Encoding.UTF8.GetString(escaped[..backslash]));
            var code = escaped[backslash + 1];
            if (code == (byte)'u')
            {
                text.Append((char)int.Parse(escaped.Slice(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                escaped = escaped[(backslash + 6)..];
                continue;
            }

            text.Append(code switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => (char)code, // " \\ /
            });
            escaped = escaped[(backslash + 2)..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not an object",
    };
}
