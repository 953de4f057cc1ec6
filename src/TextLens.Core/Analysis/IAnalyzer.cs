namespace TextLens;

/// <summary>
/// An analyzer: reads a parsed document (and the layers of analyzers that ran before it) and writes
/// annotations. Analyzers are immutable and thread-safe: one instance serves every document on every thread;
/// per-document state lives in locals, per-run state in the engine's accumulators.
/// </summary>
public interface IAnalyzer
{
    /// <summary>What the analyzer is, writes and needs.</summary>
    AnalyzerDescriptor Descriptor { get; }

    /// <summary>Analyzes one document, writing annotations with <see cref="AnalysisContext.Add(Annotation)"/>.</summary>
    /// <param name="context">The parsed document, the earlier layers and the sink for annotations.</param>
    void Analyze(AnalysisContext context);
}
