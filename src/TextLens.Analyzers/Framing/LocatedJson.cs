using System.Text;
using System.Text.Json;

namespace TextLens.Framing;

/// <summary>
/// A JSON value with the position it was read from, so that a loader can name the line and column of every fault
/// (System.Text.Json's <see cref="JsonDocument"/> keeps no positions). Read with <see cref="Utf8JsonReader"/>.
/// </summary>
internal sealed class LocatedJson
{
    private LocatedJson(JsonValueKind kind, long offset)
    {
        Kind = kind;
        Offset = offset;
    }

    /// <summary>The kind of value.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Byte offset of the value's first character in the source.</summary>
    public long Offset { get; }

    /// <summary>The text of a string, or the raw text of a number.</summary>
    public string? Text { get; private init; }

    /// <summary>Members of an object, in order (duplicates kept for the caller to report).</summary>
    public IReadOnlyList<LocatedMember> Members { get; private init; } = [];

    /// <summary>Items of an array.</summary>
    public IReadOnlyList<LocatedJson> Items { get; private init; } = [];

    /// <summary>Reads one JSON document (comments and trailing commas allowed).</summary>
    /// <exception cref="LocatedJsonException">The bytes are not valid JSON; carries the byte offset and the path being read.</exception>
    public static LocatedJson Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        var path = new List<string>();
        try
        {
            if (!reader.Read())
            {
                throw new LocatedJsonException("The file is empty: a JSON object was expected.", 0, 0, "");
            }

            var value = ReadValue(ref reader, path);
            if (reader.Read())
            {
                throw new LocatedJsonException("Unexpected content after the end of the JSON value.", reader.TokenStartIndex, 0, "");
            }

            return value;
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            throw new LocatedJsonException($"Invalid JSON: {message}", ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0, Path(path), fromReader: true);
        }
    }

    /// <summary>Formats a path (<c>concepts[2].labels[0]</c>) from its steps.</summary>
    public static string Path(IReadOnlyList<string> steps)
    {
        var sb = new StringBuilder();
        foreach (var s in steps)
        {
            if (s.StartsWith('['))
            {
                sb.Append(s);
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(s);
            }
        }

        return sb.ToString();
    }

    private static LocatedJson ReadValue(ref Utf8JsonReader reader, List<string> path)
    {
        var offset = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<LocatedMember>();
                while (true)
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var name = reader.GetString()!;
                    var nameOffset = reader.TokenStartIndex;
                    path.Add(name);
                    reader.Read();
                    members.Add(new LocatedMember(name, nameOffset, ReadValue(ref reader, path)));
                    path.RemoveAt(path.Count - 1);
                }

                return new LocatedJson(JsonValueKind.Object, offset) { Members = members };
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<LocatedJson>();
                while (true)
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        break;
                    }

                    path.Add($"[{items.Count}]");
                    items.Add(ReadValue(ref reader, path));
                    path.RemoveAt(path.Count - 1);
                }

                return new LocatedJson(JsonValueKind.Array, offset) { Items = items };
            }

            case JsonTokenType.String:
                return new LocatedJson(JsonValueKind.String, offset) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new LocatedJson(JsonValueKind.Number, offset) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new LocatedJson(JsonValueKind.True, offset);
            case JsonTokenType.False:
                return new LocatedJson(JsonValueKind.False, offset);
            default:
                return new LocatedJson(JsonValueKind.Null, offset);
        }
    }

    /// <summary>A short description of the kind for messages (<c>a string</c>, <c>an array</c>).</summary>
    public string KindName => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A member of a JSON object with the offset of its name.</summary>
/// <param name="Name">The member name.</param>
/// <param name="NameOffset">Byte offset of the name.</param>
/// <param name="Value">The value.</param>
internal sealed record LocatedMember(string Name, long NameOffset, LocatedJson Value);

/// <summary>Invalid JSON, with where the reader stopped.</summary>
internal sealed class LocatedJsonException : Exception
{
    public LocatedJsonException(string message, long lineOrOffset, long bytePositionInLine, string path, bool fromReader = false)
        : base(message)
    {
        LineOrOffset = lineOrOffset;
        BytePositionInLine = bytePositionInLine;
        Path = path;
        FromReader = fromReader;
    }

    /// <summary>Zero-based line (when <see cref="FromReader"/>), else a byte offset.</summary>
    public long LineOrOffset { get; }

    /// <summary>Zero-based byte position in the line (when <see cref="FromReader"/>).</summary>
    public long BytePositionInLine { get; }

    /// <summary>The path of the value being read.</summary>
    public string Path { get; }

    /// <summary>Whether the position is the reader's (line, byte in line) rather than a byte offset.</summary>
    public bool FromReader { get; }
}

/// <summary>Turns byte offsets of a UTF-8 source into one-based lines and columns (columns count characters).</summary>
internal sealed class SourceLines
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];
    private readonly int _bom;
    [ThreadStatic]
    private static long t_countedBytes;

    private int _cursorLine = -1;
    private int _cursorBytes;
    private int _cursorChars;

    public SourceLines(byte[] bytes)
    {
        _bytes = bytes;
        _bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        for (var i = _bom; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1 - _bom);
            }
        }
    }

    /// <summary>Bytes this thread's column computations have counted characters over so far (a deterministic work counter for tests).</summary>
    internal static long CountedBytes => t_countedBytes;

    /// <summary>Line and column of a byte offset (offsets count from after the byte order mark).</summary>
    public (int Line, int Column) At(long offset)
    {
        var line = _lineStarts.BinarySearch((int)offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, ColumnOf(line, (int)offset - _lineStarts[line]));
    }

    /// <summary>Line and column from a reader's zero-based line and byte position in that line.</summary>
    public (int Line, int Column) AtLine(long line, long bytePositionInLine)
    {
        var l = (int)Math.Min(line, _lineStarts.Count - 1);
        return (l + 1, ColumnOf(l, (int)bytePositionInLine));
    }

    /// <summary>
    /// The one-based column: characters from the line's start. The loaders ask in file order, so the count goes on from
    /// the last position asked on the same line; counting from the line's start every time made a minified lexicon (one
    /// line of megabytes, a position a field) quadratic: 200,000 patterns took minutes.
    /// </summary>
    private int ColumnOf(int line, int bytesIntoLine)
    {
        var start = _lineStarts[line] + _bom;
        var length = Math.Clamp(bytesIntoLine, 0, _bytes.Length - start);
        int from = 0, chars = 0;
        if (line == _cursorLine && length >= _cursorBytes)
        {
            from = _cursorBytes;
            chars = _cursorChars;
        }

        t_countedBytes += length - from;
        chars += Encoding.UTF8.GetCharCount(_bytes, start + from, length - from);
        (_cursorLine, _cursorBytes, _cursorChars) = (line, length, chars);
        return chars + 1;
    }
}
