using System.Globalization;
using TextLens.Corpus;

namespace TextLens;

/// <summary>The check of <see cref="AnalysisOptions.MaxDocumentCharacters"/>: the reason a document over the budget is skipped.</summary>
internal static class DocumentBudget
{
    /// <summary>The skip of a document longer than the budget, or <see langword="null"/> when it fits.</summary>
    public static CorpusReadError? Exceeded(TextDocument document, AnalysisOptions options)
    {
        var limit = options.MaxDocumentCharacters;
        if (limit <= 0 || document.Text.Length <= limit)
        {
            return null;
        }

        var origin = document.Origin;
        return new CorpusReadError(origin?.Source ?? document.Id, origin?.Line, origin?.Record, document.Id,
            string.Create(CultureInfo.InvariantCulture,
                $"document of {document.Text.Length:N0} characters exceeds the document budget of {limit:N0} (MaxDocumentCharacters, console --max-document-chars); not analysed: raise the budget (0 = none) to analyse it whole."));
    }
}
