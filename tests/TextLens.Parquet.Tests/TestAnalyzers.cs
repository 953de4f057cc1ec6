using TextLens.Corpus;

namespace TextLens.Parquet.Tests;

/// <summary>
/// Marks every word of a list with declared facets (<c>voice</c>, <c>name</c>, and <c>label</c>, whose column is
/// <c>facet_label</c>), one undeclared facet whose value needs escaping, and the word's capitalisation as an open label.
/// </summary>
internal sealed class FacetedWordAnalyzer(params string[] words) : IAnalyzer
{
    private readonly HashSet<string> _words = new(words, StringComparer.Ordinal);

    public AnalyzerDescriptor Descriptor { get; } = new("test.faceted", 1, "words")
    {
        Facets = [new("voice", FacetVocabulary.Closed), new("name", FacetVocabulary.Open), new("label", FacetVocabulary.Closed)],
    };

    public void Analyze(AnalysisContext context)
    {
        foreach (ref readonly var t in context.Document.Tokens)
        {
            var key = context.Document.KeyOf(t).ToString();
            if (!_words.Contains(key))
            {
                continue;
            }

            var text = context.Text.Substring(t.Start, t.Length);
            var quoted = context.Document.QuoteIndexAt(t.Start) >= 0;
            context.Add(new Annotation(Descriptor.Layer, t.Start, t.Length, key[..1], key)
            {
                OpenVocabulary = char.IsUpper(text[0]),
                Facets = quoted
                    ? [new("voice", "quoted"), new("name", text), new("note", "a;b=c\\d")]
                    : [new("voice", "authorial"), new("label", "L-" + key)],
            });
        }
    }
}

/// <summary>Counts tokens into an annotation per document on a layer whose rows are not written (<c>WritesAnnotationRows = false</c>).</summary>
internal sealed class CountOnlyAnalyzer : IAnalyzer
{
    public AnalyzerDescriptor Descriptor { get; } = new("test.count-only", 1, "counts") { WritesAnnotationRows = false, Facets = [new("size", FacetVocabulary.Closed)] };

    public void Analyze(AnalysisContext context)
    {
        if (context.Text.Length > 0)
        {
            context.Add(new Annotation(Descriptor.Layer, 0, 1, "count", "tokens") { Facets = [new("size", "big")] });
        }
    }
}

/// <summary>Documents with a read error in the middle, as a corpus file with a broken line gives them.</summary>
internal sealed class CorpusWithBrokenRecord(IReadOnlyList<TextDocument> documents, int brokenAt) : ICorpusSource
{
    public string Name => "broken";

    public long? TotalBytes => null;

    public async IAsyncEnumerable<CorpusRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (i == brokenAt)
            {
                yield return CorpusRecord.Failed(new CorpusReadError("corpus.jsonl", i + 1, null, null, "truncated line"));
            }

            yield return CorpusRecord.Of(documents[i]);
        }

        await Task.CompletedTask;
    }
}
