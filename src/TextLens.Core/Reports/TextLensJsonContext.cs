using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Reports;

/// <summary>Source-generated System.Text.Json metadata for every type TextLens writes: camelCase, nulls omitted, indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(CorpusReport))]
[JsonSerializable(typeof(DocumentAnnotations))]
[JsonSerializable(typeof(ReportManifest))]
public sealed partial class TextLensJsonContext : JsonSerializerContext
{
    private static TextLensJsonContext? _compact;
    private static TextLensJsonContext? _readable;

    /// <summary>The same metadata with no indentation, for JSON Lines.</summary>
    public static TextLensJsonContext Compact => _compact ??= new TextLensJsonContext(new JsonSerializerOptions(Default.Options)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Indented, with non-ASCII text written as it is (<c>Şuşa</c>, not <c>\u015Eu\u015Fa</c>). Used for
    /// <c>report.json</c>, which is never embedded in HTML without escaping.
    /// </summary>
    public static TextLensJsonContext Readable => _readable ??= new TextLensJsonContext(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
