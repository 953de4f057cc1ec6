using System.Text;
using System.Text.Json;

namespace TextLens.Analyzers.Entities;

/// <summary>The kind of a <see cref="GazetteerJsonNode"/>.</summary>
internal enum GazetteerJsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A JSON value with the line and column where it starts, so that every loader error can name its position.
/// System.Text.Json's <see cref="JsonDocument"/> keeps no positions, hence this small tree; gazetteers are
/// read once at start-up, so its allocations do not matter.
/// </summary>
internal sealed class GazetteerJsonNode
{
    private GazetteerJsonNode(GazetteerJsonKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public GazetteerJsonKind Kind { get; }

    /// <summary>One-based line of the value's first character.</summary>
    public int Line { get; }

    /// <summary>One-based column (in characters) of the value's first character.</summary>
    public int Column { get; }

    public string? StringValue { get; private init; }

    public bool BooleanValue { get; private init; }

    /// <summary>Properties of an object in document order: name, the name's position, value.</summary>
    public List<(string Name, int Line, int Column, GazetteerJsonNode Value)> Properties { get; } = [];

    /// <summary>Items of an array.</summary>
    public List<GazetteerJsonNode> Items { get; } = [];

    /// <summary>Human name of the kind for error messages (<c>a string</c>, <c>an array</c>).</summary>
    public string KindName => Kind switch
    {
        GazetteerJsonKind.Object => "an object",
        GazetteerJsonKind.Array => "an array",
        GazetteerJsonKind.String => "a string",
        GazetteerJsonKind.Number => "a number",
        GazetteerJsonKind.Boolean => "a boolean",
        _ => "null",
    };

    /// <summary>
    /// Parses UTF-8 JSON (comments and trailing commas allowed: gazetteers are written by hand).
    /// </summary>
    /// <exception cref="GazetteerJsonSyntaxException">The text is not well-formed JSON; carries the position.</exception>
    public static GazetteerJsonNode Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
        });
        try
        {
            if (!reader.Read())
            {
                throw new GazetteerJsonSyntaxException(1, 1, "The file is empty.");
            }

            var root = ReadValue(ref reader, utf8, lines);
            if (reader.Read())
            {
                var (line, column) = lines.Position(utf8, (int)reader.TokenStartIndex);
                throw new GazetteerJsonSyntaxException(line, column, "Unexpected content after the end of the JSON value.");
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = lines.ColumnOfBytePosition(utf8, line, (int)(ex.BytePositionInLine ?? 0));
            throw new GazetteerJsonSyntaxException(line, column, StripPosition(ex.Message));
        }
    }

    private static GazetteerJsonNode ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineMap lines)
    {
        var (line, column) = lines.Position(utf8, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new GazetteerJsonNode(GazetteerJsonKind.Object, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = lines.Position(utf8, (int)reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    node.Properties.Add((name, nameLine, nameColumn, ReadValue(ref reader, utf8, lines)));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new GazetteerJsonNode(GazetteerJsonKind.Array, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, utf8, lines));
                }

                return node;
            }

            case JsonTokenType.String:
                return new GazetteerJsonNode(GazetteerJsonKind.String, line, column) { StringValue = reader.GetString() };
            case JsonTokenType.Number:
                return new GazetteerJsonNode(GazetteerJsonKind.Number, line, column)
                {
                    StringValue = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
                };
            case JsonTokenType.True or JsonTokenType.False:
                return new GazetteerJsonNode(GazetteerJsonKind.Boolean, line, column) { BooleanValue = reader.GetBoolean() };
            default:
                return new GazetteerJsonNode(GazetteerJsonKind.Null, line, column);
        }
    }

    /// <summary>System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 7." to its messages; the loader states the position itself.</summary>
    private static string StripPosition(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return i > 0 ? message[..i].TrimEnd() : message;
    }

    /// <summary>Byte offsets of line starts, to turn a byte offset into a one-based line and character column.</summary>
    private readonly struct LineMap
    {
        private readonly List<int> _starts;

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            _starts = [0];
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return (index + 1, Characters(utf8, _starts[index], offset) + 1);
        }

        public int ColumnOfBytePosition(ReadOnlySpan<byte> utf8, int line, int bytePosition)
        {
            if (line - 1 >= _starts.Count)
            {
                return bytePosition + 1;
            }

            var start = _starts[line - 1];
            return Characters(utf8, start, Math.Min(utf8.Length, start + bytePosition)) + 1;
        }

        /// <summary>Counts UTF-8 code points (non-continuation bytes) between two offsets.</summary>
        private static int Characters(ReadOnlySpan<byte> utf8, int from, int to)
        {
            var n = 0;
            for (var i = from; i < to; i++)
            {
                if ((utf8[i] & 0xC0) != 0x80)
                {
                    n++;
                }
            }

            return n;
        }
    }
}

/// <summary>Malformed JSON in a gazetteer, at a one-based line and column.</summary>
internal sealed class GazetteerJsonSyntaxException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
