using TextLens.Corpus;

namespace TextLens;

/// <summary>The outcome for one record of a corpus: the annotations of an analysed document, or why a record was skipped.</summary>
public sealed class DocumentResult
{
    /// <summary>The document, or <see langword="null"/> when the record could not be read (<see cref="ReadError"/>).</summary>
    public TextDocument? Document { get; init; }

    /// <summary>Why the record was skipped, when it was.</summary>
    public CorpusReadError? ReadError { get; init; }

    /// <summary>Whether the record was skipped.</summary>
    public bool Skipped => ReadError is not null;

    /// <summary>0-based position of the record in the corpus.</summary>
    public long Sequence { get; init; }

    /// <summary>The group the document counts under.</summary>
    public string Group { get; init; } = "all";

    /// <summary>The period the document counts under.</summary>
    public string Period { get; init; } = "all";

    /// <summary>Word and number tokens.</summary>
    public int Tokens { get; init; }

    /// <summary>Annotations, in the order the analyzers wrote them.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>
    /// The 0-based index of the sentence holding the start of each annotation, parallel to <see cref="Annotations"/>;
    /// filled when results leave the engine (<see cref="AnalysisOptions.OnDocument"/>,
    /// <see cref="TextLensPipeline.AnalyzeDocumentsAsync"/>, <see cref="TextLensPipeline.Analyze"/>), empty otherwise.
    /// </summary>
    public IReadOnlyList<int> AnnotationSentences { get; init; } = [];

    /// <summary>Facets of the whole document.</summary>
    public IReadOnlyList<AnnotationFacet> DocumentFacets { get; init; } = [];

    /// <summary>Analyzers that threw on this document (their annotations for it were dropped).</summary>
    public IReadOnlyList<AnalyzerFailure> Failures { get; init; } = [];
}

/// <summary>An analyzer that threw while analysing a document.</summary>
/// <param name="Analyzer">The versioned analyzer id.</param>
/// <param name="Message">The exception type and message.</param>
public sealed record AnalyzerFailure(string Analyzer, string Message)
{
    /// <summary>The failure of an analyzer that threw: the exception type and its message on one line (line breaks become " / "), so errors.csv and the console keep one row a failure.</summary>
    internal static AnalyzerFailure Of(string analyzer, Exception exception)
    {
        var lines = exception.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new AnalyzerFailure(analyzer, $"{exception.GetType().Name}: {string.Join(" / ", lines)}");
    }
}
