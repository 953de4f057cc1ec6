using TextLens.Entities.Recognition;

namespace TextLens.Entities;

/// <summary>Plugs the statistical recognizer into the entity analyzer's options.</summary>
public static class StatisticalRecognizerOptions
{
    /// <summary>
    /// Finds names the gazetteers do not list with the statistical recognizer: the embedded CoNLL-2003 model, or
    /// <paramref name="recognizer"/> when given. Gazetteer matches keep their canonical ids; <see cref="EntityOptions.Mode"/>
    /// still picks gazetteer-only, recognizer-only or both.
    /// </summary>
    /// <param name="options">The entity options.</param>
    /// <param name="recognizer">A recognizer loaded with <see cref="StatisticalEntityRecognizer.Load(string)"/>, or <see langword="null"/> for the embedded model.</param>
    /// <returns>The same options.</returns>
    public static EntityOptions UseStatisticalRecognizer(this EntityOptions options, StatisticalEntityRecognizer? recognizer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Recognizer = recognizer ?? StatisticalEntityRecognizer.LoadDefault();
        return options;
    }

    /// <summary>Finds names the gazetteers do not list with the statistical model in <paramref name="modelPath"/>.</summary>
    /// <param name="options">The entity options.</param>
    /// <param name="modelPath">A model file written by <c>textlens-eval ner-train</c>.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public static EntityOptions UseStatisticalRecognizer(this EntityOptions options, string modelPath) =>
        options.UseStatisticalRecognizer(StatisticalEntityRecognizer.Load(modelPath));
}
