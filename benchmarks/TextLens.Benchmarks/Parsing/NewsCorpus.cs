namespace TextLens.Benchmarks.Parsing;

/// <summary>
/// The former per-folder corpus loader, now a forwarder to the suite's one corpus provider,
/// <see cref="BenchmarkCorpus"/> (real BBC news from <c>../shared/data</c> when present, a seeded synthetic corpus
/// otherwise; see its documentation and <c>benchmarks/README.md</c>). Kept so benchmarks written against
/// <c>NewsCorpus.Instance</c> (<c>Documents</c>, <c>TotalChars</c>, <c>Source</c>) read the same documents as the rest of
/// the suite; new code uses <see cref="BenchmarkCorpus.Instance"/> directly.
/// </summary>
internal static class NewsCorpus
{
    /// <summary>The suite's corpus, loaded once per process.</summary>
    public static BenchmarkCorpus Instance => BenchmarkCorpus.Instance;
}
