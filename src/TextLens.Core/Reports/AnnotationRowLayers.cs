namespace TextLens.Reports;

/// <summary>Which layers the per-annotation outputs (annotations files, KWIC samples) leave out.</summary>
internal static class AnnotationRowLayers
{
    /// <summary>
    /// The layers whose analyzers all have <see cref="AnalyzerDescriptor.WritesAnnotationRows"/> set to
    /// <see langword="false"/> (a layer also written by an analyzer that writes rows is kept: an annotation does not
    /// say which analyzer wrote it).
    /// </summary>
    public static HashSet<string> WithoutRows(IEnumerable<AnalyzerDescriptor> analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        var descriptors = analyzers.ToList();
        return descriptors.Where(d => !d.WritesAnnotationRows).Select(d => d.Layer)
            .Except(descriptors.Where(d => d.WritesAnnotationRows).Select(d => d.Layer), StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
    }
}
