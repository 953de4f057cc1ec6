namespace TextLens.Analyzers.Entities.Recognition;

/// <summary>A name found by the statistical recognizer.</summary>
/// <param name="Start">Offset of the first character (UTF-16 index into the document text).</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Type">The TextLens entity type: <c>PERSON</c>, <c>ORG</c>, <c>LOC</c> or <c>MISC</c> (CoNLL PER, ORG, LOC, MISC).</param>
/// <param name="Confidence">
/// Mean over the name's tokens of the softmax probability the model gave their tags (0..1). A ranking score, not a
/// calibrated probability.
/// </param>
public readonly record struct RecognizedEntity(int Start, int Length, string Type, float Confidence)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}
