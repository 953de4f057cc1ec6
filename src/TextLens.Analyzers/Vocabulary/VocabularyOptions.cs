namespace TextLens.Vocabulary;

/// <summary>
/// What the vocabulary analyzer counts. Configure it in
/// <see cref="VocabularyBuilderExtensions.AddVocabulary(TextLensPipelineBuilder, Action{VocabularyOptions})"/> or with the
/// <c>Vocabulary</c> configuration section (<c>"Vocabulary": { "Bigrams": true }</c>).
/// </summary>
public sealed class VocabularyOptions
{
    /// <summary>Also count each pair of adjacent words (no punctuation between them) as a bigram. Off by default: it about doubles the distinct keys.</summary>
    public bool Bigrams { get; set; }

    /// <summary>Fold diacritics in the keys (<c>Şuşa</c> and <c>Susa</c> count as <c>susa</c>), as a framing lexicon with <c>foldDiacritics</c>. Off by default.</summary>
    public bool FoldDiacritics { get; set; }
}
