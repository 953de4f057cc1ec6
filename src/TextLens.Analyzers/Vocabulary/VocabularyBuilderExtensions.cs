using TextLens.Vocabulary;

namespace TextLens;

/// <summary>Adds the vocabulary analyzer (<c>textlens.vocabulary/1</c>, layer <c>vocabulary</c>) to a pipeline.</summary>
public static class VocabularyBuilderExtensions
{
    /// <summary>Adds the vocabulary analyzer: counts of every word (and, when configured, bigram) per group and period.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="configure">Chooses bigrams and diacritic folding; words only, diacritics kept when <see langword="null"/>.</param>
    public static TextLensPipelineBuilder AddVocabulary(this TextLensPipelineBuilder builder, Action<VocabularyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new VocabularyOptions();
        configure?.Invoke(options);
        return builder.AddAnalyzer(new VocabularyAnalyzer(options));
    }
}
