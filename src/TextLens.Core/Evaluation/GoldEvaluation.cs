using TextLens.Reports;
using TextLens.Text;

namespace TextLens.Evaluation;

/// <summary>A document as the tool coded it: its text and the annotations found in it.</summary>
/// <param name="Id">The document id (as in the gold's <c>document_id</c>).</param>
/// <param name="Text">The document text the offsets refer to.</param>
/// <param name="Annotations">The annotations the pipeline found.</param>
public sealed record CodedDocument(string Id, string Text, IReadOnlyList<Annotation> Annotations);

/// <summary>Options of <see cref="GoldEvaluation.Evaluate"/>.</summary>
public sealed class GoldEvaluationOptions
{
    /// <summary>The coder name of the tool in every table. Default <c>textlens</c>.</summary>
    public string ToolCoder { get; init; } = "textlens";

    /// <summary>
    /// Whether found spans of labels the gold never uses count (as false hits) in the span scores. Default
    /// <see langword="false"/>: the gold's labels in each layer are the codebook, and the tool's other labels are left out.
    /// </summary>
    public bool AllLabels { get; init; }

    /// <summary>Tokens of context on each side of a KWIC line of a miss or false hit. Default 8.</summary>
    public int ContextTokens { get; init; } = 8;
}

/// <summary>Span scores of the tool against one coder.</summary>
/// <param name="Coder">The coder.</param>
/// <param name="Exact">Exact-match scores.</param>
/// <param name="Overlap">Overlap-match scores.</param>
/// <param name="Confusion">The confusion table of labels (overlap pairing).</param>
public sealed record CoderSpanScores(string Coder, SpanScores Exact, SpanScores Overlap, ConfusionTable Confusion);

/// <summary>Document-level agreement between two coders, or among all human coders.</summary>
/// <param name="First">The first coder (the tool in tool-vs-coder rows).</param>
/// <param name="Second">The second coder, or <c>(all coders)</c> for the row of every human coder.</param>
/// <param name="Label">The label, or <c>(all)</c> for every label pooled.</param>
/// <param name="Units">Units (document and label) with at least two values among the coders compared.</param>
/// <param name="AlphaNominal">Krippendorff's alpha, nominal (<see cref="double.NaN"/> when undefined).</param>
/// <param name="AlphaInterval">Krippendorff's alpha, interval (<see cref="double.NaN"/> when undefined).</param>
/// <param name="Kappa">Cohen's kappa for a pair of coders; <see cref="double.NaN"/> for the all-coders row or when undefined.</param>
public sealed record AgreementRow(string First, string Second, string Label, int Units, double AlphaNominal, double AlphaInterval, double Kappa);

/// <summary>A miss or false hit with its keyword-in-context line.</summary>
/// <param name="Coder">The coder whose gold it was compared with.</param>
/// <param name="Kind"><c>miss</c> (gold span the tool did not find) or <c>false hit</c> (found span not in the gold).</param>
/// <param name="Span">The span.</param>
/// <param name="Line">Its context.</param>
public sealed record EvaluationKwicLine(string Coder, string Kind, CodedSpan Span, KwicLine Line);

/// <summary>
/// Validates the tool's coding against a researcher's hand coding: span precision, recall and F1 (exact and overlap)
/// per coder and label, document-level Krippendorff's alpha and Cohen's kappa between the tool and each coder and among
/// the coders, confusion tables, and the KWIC lines of every miss and false hit.
/// </summary>
/// <remarks>
/// <para>Spans: the tool's annotations in the layers the gold codes are compared with each coder's spans. A gold label is
/// matched against an annotation's label, or against its category when the gold uses category names in that layer
/// (<c>PERSON</c>, <c>GPE</c>).</para>
/// <para>Documents: a unit is a document and label. The tool's value is the number of its annotations (any layer) with that
/// label or category in the document, or 1/0 (present/absent) when every gold value of the label is 0 or 1. Without
/// document codes in the gold, each coder's document codes are derived from the spans: the number of that coder's
/// spans of each gold label in each document that has any gold span.</para>
/// </remarks>
public sealed class GoldEvaluation
{
    /// <summary>The label of rows that pool every label.</summary>
    public const string AllLabels = "(all)";

    /// <summary>The second coder of the row of agreement among every human coder.</summary>
    public const string AllCoders = "(all coders)";

    private GoldEvaluation()
    {
    }

    /// <summary>The gold's coders, in order of first appearance.</summary>
    public IReadOnlyList<string> Coders { get; private set; } = [];

    /// <summary>The tool's coder name.</summary>
    public string ToolCoder { get; private set; } = "";

    /// <summary>Span scores of the tool against each coder who coded spans.</summary>
    public IReadOnlyList<CoderSpanScores> Spans { get; private set; } = [];

    /// <summary>Whether the document codes were derived from the span codes (the gold had no document codes).</summary>
    public bool DocumentCodesFromSpans { get; private set; }

    /// <summary>The document codes of every coder and the tool, or <see langword="null"/> when there are none.</summary>
    public ReliabilityData? Documents { get; private set; }

    /// <summary>Document-level agreement: the tool against each coder, each pair of coders, and every coder together,
    /// over every label pooled and per label.</summary>
    public IReadOnlyList<AgreementRow> Agreement { get; private set; } = [];

    /// <summary>KWIC lines of the overlap misses and false hits against each coder, by coder, document and offset.</summary>
    public IReadOnlyList<EvaluationKwicLine> Errors { get; private set; } = [];

    /// <summary>Compares the tool's coding with the gold.</summary>
    /// <param name="gold">The hand coding.</param>
    /// <param name="documents">The tool's coding of (at least) every gold document; others are ignored.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="TextLensConfigurationException">Gold codes name a document that is not among
    /// <paramref name="documents"/>, a span lies outside its document's text, a coder has the tool's name, or a coder
    /// coded one unit twice with different values: every fault with the gold file and line.</exception>
    public static GoldEvaluation Evaluate(GoldStandard gold, IEnumerable<CodedDocument> documents, GoldEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new GoldEvaluationOptions();
        var wanted = gold.Spans.Select(s => s.DocumentId).Concat(gold.DocumentCodes.Select(c => c.DocumentId)).ToHashSet(StringComparer.Ordinal);
        var docs = new Dictionary<string, CodedDocument>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (wanted.Contains(d.Id))
            {
                docs.TryAdd(d.Id, d);
            }
        }

        Validate(gold, docs, options.ToolCoder);
        var result = new GoldEvaluation { Coders = gold.Coders, ToolCoder = options.ToolCoder };
        var found = FoundSpans(gold, docs, options);
        result.Spans = gold.Spans.GroupBy(s => s.Coder ?? ReliabilityData.DefaultCoder, StringComparer.Ordinal)
            .Select(g => new CoderSpanScores(g.Key,
                SpanAgreement.Score(g, found, SpanMatch.Exact),
                SpanAgreement.Score(g, found, SpanMatch.Overlap),
                SpanAgreement.Confusion(g, found, SpanMatch.Overlap)))
            .ToList();
        result.Errors = KwicLines(result.Spans, docs, options.ContextTokens);

        var codes = gold.DocumentCodes.Count > 0 ? gold.DocumentCodes : CodesFromSpans(gold);
        result.DocumentCodesFromSpans = gold.DocumentCodes.Count == 0 && codes.Count > 0;
        if (codes.Count > 0)
        {
            ReliabilityData data;
            try
            {
                data = ReliabilityData.FromCodes(codes.Concat(ToolCodes(codes, docs, options.ToolCoder)));
            }
            catch (ArgumentException e)
            {
                throw new TextLensConfigurationException(e.Message.Split(" (Parameter", 2)[0], e);
            }

            result.Documents = data;
            result.Agreement = AgreementRows(data, gold.Coders.Where(c => data.Coders.Contains(c)).ToList(), options.ToolCoder);
        }

        return result;
    }

    /// <summary>The results as tidy tables: <c>evaluation-spans</c>, <c>evaluation-agreement</c>,
    /// <c>evaluation-confusion</c> and <c>evaluation-errors</c> (KWIC lines of misses and false hits).</summary>
    public IReadOnlyList<ReportTable> ToTables()
    {
        var spans = new List<IReadOnlyList<ReportValue>>();
        foreach (var c in Spans)
        {
            var overlap = c.Overlap.Labels.ToDictionary(l => (l.Layer, l.Label));
            foreach (var l in c.Exact.Labels)
            {
                var o = overlap[(l.Layer, l.Label)].Counts;
                spans.Add(SpanRow(c.Coder, l.Layer, l.Label, l.Counts, o));
            }

            spans.Add(SpanRow(c.Coder, "", "(micro)", c.Exact.Micro, c.Overlap.Micro));
            spans.Add([c.Coder, "", "(macro)", ReportValue.Null, ReportValue.Null, ReportValue.Null,
                c.Exact.MacroPrecision, c.Exact.MacroRecall, c.Exact.MacroF1, ReportValue.Null, c.Overlap.MacroPrecision, c.Overlap.MacroRecall, c.Overlap.MacroF1]);
        }

        var agreement = Agreement.Select(a => (IReadOnlyList<ReportValue>)
            [a.First, a.Second, a.Label, (long)a.Units, Number(a.AlphaNominal), Number(a.AlphaInterval), Number(a.Kappa)]).ToList();
        var confusion = Spans.SelectMany(c => c.Confusion.Cells.Select(cell => (IReadOnlyList<ReportValue>)[c.Coder, cell.Gold, cell.Found, (long)cell.Count])).ToList();
        var errors = Errors.Select(e => (IReadOnlyList<ReportValue>)
            [e.Coder, e.Kind, e.Span.DocumentId, e.Span.Layer, e.Span.Label, (long)e.Span.Start, (long)e.Span.End, e.Line.Left, e.Line.Text, e.Line.Right, e.Span.Origin]).ToList();
        return
        [
            new ReportTable("evaluation-spans",
                $"Span-level precision, recall and F1 of {ToolCoder} against each coder, per layer and label, exact match and overlap match " +
                "(one to one); (micro) sums the labels' counts, (macro) averages the labels' scores.",
                ["coder", "layer", "label", "gold", "found", "exact_tp", "exact_precision", "exact_recall", "exact_f1", "overlap_tp", "overlap_precision", "overlap_recall", "overlap_f1"],
                spans),
            new ReportTable("evaluation-agreement",
                $"Document-level agreement (a unit is a document and label{(DocumentCodesFromSpans ? "; values are span counts derived from the span codes" : "")}): " +
                $"Krippendorff's alpha (nominal, interval) and Cohen's kappa between {ToolCoder} and each coder, between coders, and among all coders; empty where undefined.",
                ["first", "second", "label", "units", "alpha_nominal", "alpha_interval", "kappa"],
                agreement),
            new ReportTable("evaluation-confusion",
                $"Gold label (rows) against {ToolCoder}'s label (columns) for spans paired by overlap in the same document and layer; (none) is a miss or a false hit.",
                ["coder", "gold_label", "found_label", "spans"],
                confusion),
            new ReportTable("evaluation-errors",
                $"Keyword in context of every miss (a gold span {ToolCoder} did not find, overlap match) and false hit (a span {ToolCoder} found that no gold span overlaps).",
                ["coder", "kind", "document_id", "layer", "label", "start", "end", "left", "text", "right", "gold_origin"],
                errors),
        ];
    }

    /// <summary>The results as one self-contained HTML page (no script, nothing loaded from the network, text escaped).</summary>
    /// <param name="title">The page title.</param>
    /// <param name="maxRows">Rows shown per table; the CSV tables hold them all.</param>
    public string RenderHtml(string title = "TextLens evaluation", int maxRows = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return EvaluationPage.Render(this, title, maxRows);
    }

    private static ReportValue Number(double value) => double.IsNaN(value) ? ReportValue.Null : value;

    private static IReadOnlyList<ReportValue> SpanRow(string coder, string layer, string label, PrecisionRecall exact, PrecisionRecall overlap) =>
        [coder, layer, label, (long)exact.Gold, (long)exact.Found, (long)exact.TruePositives, exact.Precision, exact.Recall, exact.F1,
            (long)overlap.TruePositives, overlap.Precision, overlap.Recall, overlap.F1];

    private static void Validate(GoldStandard gold, Dictionary<string, CodedDocument> docs, string toolCoder)
    {
        var faults = new List<string>();
        foreach (var s in gold.Spans)
        {
            if (!docs.TryGetValue(s.DocumentId, out var d))
            {
                faults.Add($"{s.Origin ?? "a span code"}: document '{s.DocumentId}' is not in the corpus");
            }
            else if (s.End > d.Text.Length)
            {
                faults.Add($"{s.Origin ?? "a span code"}: end {s.End} is past the end of document '{s.DocumentId}' ({d.Text.Length} characters)");
            }
        }

        foreach (var c in gold.DocumentCodes.Where(c => !docs.ContainsKey(c.DocumentId)))
        {
            faults.Add($"{c.Origin ?? "a document code"}: document '{c.DocumentId}' is not in the corpus");
        }

        if (gold.Coders.Contains(toolCoder, StringComparer.Ordinal))
        {
            faults.Add($"a gold coder is named '{toolCoder}', the name of the tool in the comparison: rename the coder");
        }

        if (faults.Count > 0)
        {
            throw new TextLensConfigurationException(faults.Count > 50 ? [.. faults.Take(50), $"and {faults.Count - 50} more faults"] : faults);
        }
    }

    /// <summary>The tool's spans in the gold's layers, labelled with the annotation's label or, where the gold uses
    /// category names in that layer, its category.</summary>
    private static List<CodedSpan> FoundSpans(GoldStandard gold, Dictionary<string, CodedDocument> docs, GoldEvaluationOptions options)
    {
        var labels = gold.Spans.GroupBy(s => s.Layer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Label).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var spanDocuments = gold.Spans.Select(s => s.DocumentId).ToHashSet(StringComparer.Ordinal);
        var found = new List<CodedSpan>();
        foreach (var d in docs.Values.Where(d => spanDocuments.Contains(d.Id)))
        {
            foreach (var a in d.Annotations)
            {
                if (!labels.TryGetValue(a.Layer, out var codebook))
                {
                    continue;
                }

                var label = codebook.Contains(a.Label) ? a.Label : codebook.Contains(a.Category) ? a.Category : options.AllLabels ? a.Label : null;
                if (label is not null)
                {
                    found.Add(CodedSpan.FromAnnotation(d.Id, a, label, options.ToolCoder));
                }
            }
        }

        return found;
    }

    private static List<DocumentCode> CodesFromSpans(GoldStandard gold)
    {
        var documents = gold.Spans.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var labels = gold.Spans.Select(s => s.Label).Distinct(StringComparer.Ordinal).ToList();
        var counts = gold.Spans.GroupBy(s => (s.DocumentId, s.Label, Coder: s.Coder ?? ReliabilityData.DefaultCoder)).ToDictionary(g => g.Key, g => g.Count());
        return (from coder in gold.Spans.Select(s => s.Coder ?? ReliabilityData.DefaultCoder).Distinct(StringComparer.Ordinal)
                from doc in documents
                from label in labels
                select new DocumentCode(doc, label, counts.GetValueOrDefault((doc, label, coder)), coder)).ToList();
    }

    private static IEnumerable<DocumentCode> ToolCodes(IReadOnlyList<DocumentCode> codes, Dictionary<string, CodedDocument> docs, string toolCoder)
    {
        var presence = codes.GroupBy(c => c.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.All(c => c.Value is 0 or 1), StringComparer.Ordinal);
        foreach (var (doc, label) in codes.Select(c => (c.DocumentId, c.Label)).Distinct())
        {
            var count = docs[doc].Annotations.Count(a => string.Equals(a.Label, label, StringComparison.Ordinal) || string.Equals(a.Category, label, StringComparison.Ordinal));
            yield return new DocumentCode(doc, label, presence[label] ? Math.Min(count, 1) : count, toolCoder);
        }
    }

    private static List<AgreementRow> AgreementRows(ReliabilityData data, List<string> coders, string tool)
    {
        var rows = new List<AgreementRow>();
        var labels = new List<string?> { null };
        labels.AddRange(data.Labels);
        var pairs = coders.Select(c => (tool, c)).Concat(
            from i in Enumerable.Range(0, coders.Count) from j in Enumerable.Range(i + 1, coders.Count - i - 1) select (coders[i], coders[j])).ToList();
        foreach (var label in labels)
        {
            foreach (var (a, b) in pairs)
            {
                rows.Add(new AgreementRow(a, b, label ?? AllLabels, data.PairedUnits(a, b, label),
                    data.Alpha(AgreementMetric.Nominal, [a, b], label), data.Alpha(AgreementMetric.Interval, [a, b], label), data.Kappa(a, b, label)));
            }

            if (coders.Count > 2)
            {
                rows.Add(new AgreementRow(coders[0], AllCoders, label ?? AllLabels, PairableUnits(data, coders, label),
                    data.Alpha(AgreementMetric.Nominal, coders, label), data.Alpha(AgreementMetric.Interval, coders, label), double.NaN));
            }
        }

        return rows;
    }

    private static int PairableUnits(ReliabilityData data, List<string> coders, string? label) =>
        Enumerable.Range(0, data.Units.Count).Count(u =>
            (label is null || string.Equals(data.Units[u].Label, label, StringComparison.Ordinal)) && coders.Count(c => data.Value(u, c).HasValue) >= 2);

    private static List<EvaluationKwicLine> KwicLines(IReadOnlyList<CoderSpanScores> spans, Dictionary<string, CodedDocument> docs, int contextTokens)
    {
        var options = new KwicOptions { ContextTokens = contextTokens };
        var parsed = new Dictionary<string, ParsedDocument>(StringComparer.Ordinal);
        var lines = new List<EvaluationKwicLine>();
        foreach (var c in spans)
        {
            foreach (var (kind, list) in new[] { ("miss", c.Overlap.Misses), ("false hit", c.Overlap.FalseHits) })
            {
                foreach (var s in list)
                {
                    if (!parsed.TryGetValue(s.DocumentId, out var p))
                    {
                        var d = docs[s.DocumentId];
                        parsed[s.DocumentId] = p = DocumentParser.Default.Parse(new TextDocument(d.Id, d.Text));
                    }

                    if (Kwic.Line(p, new Annotation(s.Layer, s.Start, s.End - s.Start, "", s.Label), options) is { } line)
                    {
                        lines.Add(new EvaluationKwicLine(c.Coder, kind, s, line));
                    }
                }
            }
        }

        return lines.OrderBy(l => l.Coder, StringComparer.Ordinal).ThenBy(l => l.Span.DocumentId, StringComparer.Ordinal)
            .ThenBy(l => l.Span.Start).ThenBy(l => l.Kind, StringComparer.Ordinal).ToList();
    }
}
