using System.Runtime.CompilerServices;

namespace TextLens.Corpus;

/// <summary>A corpus over documents already in memory (tests, hosts that fetch documents themselves).</summary>
public sealed class InMemoryCorpus : ICorpusSource
{
    private readonly IEnumerable<TextDocument> _documents;

    /// <summary>Creates a corpus over the documents; the sequence is enumerated on each read.</summary>
    public InMemoryCorpus(IEnumerable<TextDocument> documents, string name = "in-memory")
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents = documents;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public long? TotalBytes => null;

    /// <inheritdoc />
    public async IAsyncEnumerable<CorpusRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var d in _documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return CorpusRecord.Of(d);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
