using System.Text.Json.Serialization;

namespace TextLens.Reports;

/// <summary>Source-generated System.Text.Json metadata for every type TextLens writes: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(CorpusReport))]
[JsonSerializable(typeof(DocumentAnnotations))]
[JsonSerializable(typeof(ReportManifest))]
public sealed partial class TextLensJsonContext : JsonSerializerContext;
