using TextLens.Corpus;

namespace TextLens;

/// <summary>
/// The ids seen so far in a run, to flag a document whose id an earlier one had (<see cref="DocumentIssues.DuplicateId"/>).
/// Keeps a 64-bit FNV-1a hash per id rather than the id (8 bytes and the set's overhead a document, not the string);
/// two different ids share a hash with a probability of about n²/2⁶⁵ (3 in a million for 10 million documents), and
/// the only effect would be a flag, never a changed count.
/// </summary>
internal sealed class DocumentIdSet
{
    private readonly HashSet<ulong> _seen = [];

    /// <summary>The record, its document flagged when its id was seen before.</summary>
    public CorpusRecord Flag(CorpusRecord record)
    {
        if (record.Document is not { } document || _seen.Add(Hash(document.Id)))
        {
            return record;
        }

        var flagged = new TextDocument(document.Id, document.Text, document.Metadata, document.Origin, document.Issues | DocumentIssues.DuplicateId);
        return CorpusRecord.Of(flagged, record.BytesRead);
    }

    private static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
