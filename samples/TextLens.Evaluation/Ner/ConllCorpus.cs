using System.Text.Json;
using System.Text.Json.Serialization;
using TextLens.Entities;
using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Evaluation.Ner;

/// <summary>A gold entity of the CoNLL-2003 JSONL files.</summary>
internal sealed record ConllEntity(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text);

/// <summary>A document of the CoNLL-2003 JSONL files: the CoNLL tokens joined by spaces, one sentence a line.</summary>
internal sealed record ConllDocument(
    [property: JsonPropertyName("doc_index")] int DocIndex,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("entities")] IReadOnlyList<ConllEntity> Entities);

/// <summary>
/// A CoNLL document parsed by the TextLens parser, with gold BIO tags projected onto TextLens tokens by character
/// offsets. A gold entity whose boundaries fall inside a TextLens token cannot be produced by any tagger over those
/// tokens; it is counted in <see cref="ConllCorpus.Unalignable"/> (and still counted as gold when scoring).
/// </summary>
internal sealed class ParsedConllDocument
{
    public required ConllDocument Source { get; init; }

    public required ParsedDocument Parsed { get; init; }

    public required byte[] Gold { get; init; }
}

/// <summary>Reads and aligns a CoNLL-2003 JSONL file.</summary>
internal sealed class ConllCorpus
{
    private ConllCorpus(List<ParsedConllDocument> documents, int unalignable, int entities, int conllTokens)
    {
        Documents = documents;
        Unalignable = unalignable;
        EntityCount = entities;
        ConllTokens = conllTokens;
    }

    public IReadOnlyList<ParsedConllDocument> Documents { get; }

    /// <summary>Gold entities whose start or end is not a TextLens token boundary.</summary>
    public int Unalignable { get; }

    public int EntityCount { get; }

    /// <summary>CoNLL tokens (space-separated).</summary>
    public int ConllTokens { get; }

    public int TextLensTokens => Documents.Sum(d => d.Parsed.Tokens.Length);

    public int Sentences => Documents.Sum(d => d.Parsed.Sentences.Length);

    public static async Task<ConllCorpus> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var documents = new List<ParsedConllDocument>();
        int unalignable = 0, entities = 0, conllTokens = 0;
        var lineNumber = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var doc = JsonSerializer.Deserialize<ConllDocument>(line)
                ?? throw new InvalidDataException($"{path}:{lineNumber}: not a CoNLL document.");
            var parsed = DocumentParser.Default.Parse(new TextDocument($"conll-{doc.DocIndex}", doc.Text));
            var gold = new byte[parsed.Tokens.Length];
            foreach (var e in doc.Entities)
            {
                entities++;
                var type = NerTagSet.TypeIndex(e.Type);
                if (type < 0)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: unknown entity type '{e.Type}'.");
                }

                var first = parsed.TokenIndexAt(e.Start);
                var last = first;
                var tokens = parsed.Tokens;
                while (last < tokens.Length && tokens[last].End <= e.End)
                {
                    last++;
                }

                if (first >= tokens.Length || last == first || tokens[first].Start != e.Start || tokens[last - 1].End != e.End)
                {
                    unalignable++;
                    if (last == first)
                    {
                        continue;
                    }
                }

                // Tag the tokens that lie inside the gold span (all of it when aligned).
                var begin = first;
                while (begin < last && tokens[begin].Start < e.Start)
                {
                    begin++;
                }

                for (var t = begin; t < last; t++)
                {
                    gold[t] = t == begin ? NerTagSet.Begin(type) : NerTagSet.Inside(type);
                }
            }

            foreach (var span in doc.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                _ = span;
                conllTokens++;
            }

            documents.Add(new ParsedConllDocument { Source = doc, Parsed = parsed, Gold = gold });
        }

        return new ConllCorpus(documents, unalignable, entities, conllTokens);
    }
}
