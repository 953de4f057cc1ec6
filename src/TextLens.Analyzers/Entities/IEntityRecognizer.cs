using TextLens.Text;

namespace TextLens.Entities;

/// <summary>
/// Finds names the gazetteers do not list. The entity analyzer calls it once per document with the spans the
/// gazetteers already matched; it returns new spans with a type and a confidence. The built-in implementation
/// is rule-based (capitalised sequences with cue words, documented in <c>Entities/README.md</c>); a statistical
/// model plugs in here through <see cref="EntityOptions.Recognizer"/>.
/// </summary>
/// <remarks>
/// Implementations must be immutable and thread-safe: one instance serves every document on every thread.
/// They must not keep the <see cref="ParsedDocument"/> (the engine reuses it). Spans that overlap a
/// <c>known</c> span or an earlier result, or lie outside the text, are dropped by the analyzer.
/// </remarks>
public interface IEntityRecognizer
{
    /// <summary>A short versioned name recorded in report manifests (<c>rules/1</c>, <c>acme-crf/3</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The data the recognizer runs with (a model file, word lists), recorded with their hashes in the report
    /// manifest next to the gazetteers. Empty by default.
    /// </summary>
    IReadOnlyList<LexiconInfo> Lexicons => [];

    /// <summary>Recognises names in a document.</summary>
    /// <param name="document">The parsed document (tokens, sentences, paragraphs).</param>
    /// <param name="known">Entities already found by the gazetteers, in text order (type and confidence 1).</param>
    /// <param name="found">Receives the names recognised, in any order.</param>
    void Recognize(ParsedDocument document, IReadOnlyList<RecognizedEntity> known, ICollection<RecognizedEntity> found);
}

/// <summary>A span recognised as a name.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Type">The entity type (<c>PERSON</c>, <c>ORG</c>, <c>GPE</c>, <c>LOC</c>, <c>NORP</c>, <c>FAC</c>, <c>EVENT</c>, <c>UNKNOWN</c>, or a model's own).</param>
/// <param name="Confidence">How sure the recognizer is, from 0 to 1.</param>
public readonly record struct RecognizedEntity(int Start, int Length, string Type, double Confidence)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>
    /// The name the span refers to when it is not the span's own text, for example the full name for a surname
    /// mentioned again (<c>Simmons</c> → <c>Phil Simmons</c>); <see langword="null"/> to use the text.
    /// </summary>
    public string? Name { get; init; }
}
