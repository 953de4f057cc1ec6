using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TextLens.Corpus;
using TextLens.Evaluation;
using TextLens.Reports;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens evaluate &lt;corpus&gt; --gold &lt;file&gt;</c>: validates the automated coding against the researcher's
/// hand coding (<see cref="GoldEvaluation"/>): span precision, recall and F1, document-level Krippendorff's alpha and
/// Cohen's kappa, a confusion table and KWIC lines of misses and false hits; printed, and written as CSV tables and a
/// small HTML page into <c>--out</c>.
/// </summary>
/// <remarks>
/// Only the gold's documents are analysed (the corpus is read once and the rest passed over), with the same
/// analyzers, lexicons and manifest options as <c>analyze</c>. With <c>--annotations</c> the pipeline does not run:
/// the annotations of a previous <c>analyze</c> are compared, and the corpus is read only for the texts.
/// </remarks>
internal static class EvaluateCommand
{
    /// <summary>The file name of the HTML page.</summary>
    public const string HtmlFileName = "evaluation.html";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "The corpus the gold codes refer to: a folder, a .jsonl/.jsonl.gz file or a .csv file." };
        var gold = new Option<string[]>("--gold") { Description = "A gold file (.csv or .jsonl): span codes or document codes; repeatable.", Required = true };
        var annotations = new Option<string?>("--annotations") { Description = "Compare the annotations.jsonl of an earlier analyze run instead of running the pipeline." };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "textlens-evaluate" };
        var allLabels = new Option<bool>("--all-labels") { Description = "Count found spans of labels the gold never uses as false hits (default: the gold's labels are the codebook)." };
        var errors = new Option<int>("--errors", "-n") { Description = "KWIC lines of misses and false hits to print (all are in evaluation-errors.csv).", DefaultValueFactory = _ => 10 };
        var window = new Option<int>("--window", "-w") { Description = "Tokens of context on each side of a KWIC line.", DefaultValueFactory = _ => 8 };
        var options = new CorpusCommandOptions();
        var command = new Command("evaluate",
            "Validate the automated coding against hand coding: span P/R/F1 (exact and overlap) per label, document-level Krippendorff's alpha and " +
            "Cohen's kappa between the tool and each coder and among coders, a confusion table, and KWIC lines of misses and false hits.")
        {
            corpus, gold, annotations, outDir, allLabels, errors, window,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(errors) < 0 || parse.GetValue(window) < 0)
            {
                throw new ArgumentException("--errors and --window must be at least 0.");
            }

            var run = options.Read(parse);
            var goldCodes = new List<GoldStandard>();
            foreach (var path in parse.GetValue(gold)!)
            {
                goldCodes.Add(await GoldStandard.ReadAsync(path, ct));
            }

            var combined = new GoldStandard(goldCodes.SelectMany(g => g.Spans), goldCodes.SelectMany(g => g.DocumentCodes));
            var ids = combined.Spans.Select(s => s.DocumentId).Concat(combined.DocumentCodes.Select(c => c.DocumentId)).ToHashSet(StringComparer.Ordinal);
            var texts = await ReadDocumentsAsync(parse.GetValue(corpus)!, run, ids, ct);
            var documents = parse.GetValue(annotations) is { } file
                ? await ReadAnnotationsAsync(file, texts, ct)
                : await AnalyzeAsync(run, texts, ct);

            var evaluation = GoldEvaluation.Evaluate(combined, documents,
                new GoldEvaluationOptions { AllLabels = parse.GetValue(allLabels), ContextTokens = parse.GetValue(window) });
            var dir = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(dir);
            var tables = evaluation.ToTables();
            foreach (var table in tables)
            {
                await ReportWriter.WriteCsvAsync(table, dir, CancellationToken.None);
            }

            await using (var html = new AtomicFile(Path.Combine(dir, HtmlFileName)))
            {
                await html.Stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(evaluation.RenderHtml()), CancellationToken.None);
                await html.CommitAsync(CancellationToken.None);
            }

            Print(evaluation, output, parse.GetValue(errors));
            await output.WriteLineAsync($"Wrote {string.Join(", ", tables.Select(t => t.Name + ".csv"))} and {HtmlFileName} to {dir}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The gold's documents from the corpus (the others are passed over); unreadable records are reported, not fatal.</summary>
    private static async Task<List<TextDocument>> ReadDocumentsAsync(string path, RunSettings run, HashSet<string> ids, CancellationToken ct)
    {
        var source = CorpusSources.Open(path, run.Format, run.Fields);
        var documents = new List<TextDocument>();
        await foreach (var record in source.ReadAsync(ct))
        {
            if (record.Document is { } d && ids.Contains(d.Id))
            {
                documents.Add(d);
            }
        }

        return documents;
    }

    private static async Task<List<CodedDocument>> AnalyzeAsync(RunSettings run, List<TextDocument> texts, CancellationToken ct)
    {
        var (pipeline, analysis, lifetime) = run.Build();
        using var _ = lifetime;
        var documents = new List<CodedDocument>();
        await foreach (var result in pipeline.AnalyzeDocumentsAsync(new InMemoryCorpus(texts), analysis, ct))
        {
            if (result.Document is { } d)
            {
                documents.Add(new CodedDocument(d.Id, d.Text, result.Annotations));
            }
        }

        return documents;
    }

    private static async Task<List<CodedDocument>> ReadAnnotationsAsync(string path, List<TextDocument> texts, CancellationToken ct)
    {
        var byId = texts.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var documents = new List<CodedDocument>();
        var line = 0;
        await foreach (var text in File.ReadLinesAsync(path, ct))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            DocumentAnnotations? record;
            try
            {
                record = JsonSerializer.Deserialize(text, TextLensJsonContext.Compact.DocumentAnnotations);
            }
            catch (JsonException e)
            {
                throw new TextLensConfigurationException($"{Path.GetFileName(path)}:{line}: not a line of annotations.jsonl ({e.Message})", e);
            }

            if (record is not null && byId.TryGetValue(record.Id, out var doc))
            {
                documents.Add(new CodedDocument(doc.Id, doc.Text,
                    record.Annotations.Select(a => new Annotation(a.Layer, a.Start, a.Length, a.Category, a.Label)).ToList()));
            }
        }

        return documents;
    }

    private static void Print(GoldEvaluation evaluation, TextWriter output, int errorLines)
    {
        var console = ReportConsole.Create(output);
        foreach (var coder in evaluation.Spans)
        {
            var table = new Table().Title($"Spans: {TerminalText.Markup(evaluation.ToolCoder)} against {TerminalText.Markup(coder.Coder)}")
                .AddColumns("layer", "label", "gold", "found", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1");
            var overlap = coder.Overlap.Labels.ToDictionary(l => (l.Layer, l.Label), l => l.Counts);
            foreach (var l in coder.Exact.Labels)
            {
                var o = overlap[(l.Layer, l.Label)];
                table.AddRow([TerminalText.Markup(l.Layer), TerminalText.Markup(l.Label), Count(l.Counts.Gold), Count(l.Counts.Found),
                    Ratio(l.Counts.Precision), Ratio(l.Counts.Recall), Ratio(l.Counts.F1), Ratio(o.Precision), Ratio(o.Recall), Ratio(o.F1)]);
            }

            var (e, v) = (coder.Exact.Micro, coder.Overlap.Micro);
            table.AddRow(["", "(micro)", Count(e.Gold), Count(e.Found), Ratio(e.Precision), Ratio(e.Recall), Ratio(e.F1), Ratio(v.Precision), Ratio(v.Recall), Ratio(v.F1)]);
            table.AddRow(["", "(macro)", "", "", Ratio(coder.Exact.MacroPrecision), Ratio(coder.Exact.MacroRecall), Ratio(coder.Exact.MacroF1),
                Ratio(coder.Overlap.MacroPrecision), Ratio(coder.Overlap.MacroRecall), Ratio(coder.Overlap.MacroF1)]);
            console.Write(table);

            // The whole table is in evaluation-confusion.csv and the HTML page; the console lists what is off the diagonal.
            var confusions = coder.Confusion.Cells.Where(c => c.Gold != c.Found).ToList();
            console.WriteLine($"Confusions (overlap), {coder.Coder} → {evaluation.ToolCoder}: " +
                (confusions.Count == 0 ? "none" : string.Join("; ", confusions.Select(c => $"{c.Gold} → {c.Found} {c.Count}"))));
        }

        if (evaluation.Agreement.Count > 0)
        {
            var title = "Documents: agreement per document and label" + (evaluation.DocumentCodesFromSpans ? " (span counts from the span codes)" : "");
            var table = new Table().Title(title).AddColumns("first", "second", "label", "units", "alpha nominal", "alpha interval", "kappa");
            foreach (var a in evaluation.Agreement.Where(a => a.Label == GoldEvaluation.AllLabels))
            {
                table.AddRow(TerminalText.Markup(a.First), TerminalText.Markup(a.Second), TerminalText.Markup(a.Label), Count(a.Units),
                    Ratio(a.AlphaNominal), Ratio(a.AlphaInterval), Ratio(a.Kappa));
            }

            console.Write(table);
            console.WriteLine("Per label: evaluation-agreement.csv.");
        }

        foreach (var kind in evaluation.Spans.Count == 0 ? [] : new[] { "miss", "false hit" })
        {
            var lines = evaluation.Errors.Where(l => l.Kind == kind).ToList();
            output.WriteLine($"{(kind == "miss" ? "Misses" : "False hits")} (overlap): {lines.Count}{(lines.Count > errorLines ? $", first {errorLines}" : "")}");
            foreach (var l in lines.Take(errorLines))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {l.Coder} {l.Span.DocumentId}:{l.Span.Start} {l.Span.Label,-14} {Clip(l.Line.Left, 40, left: true),40} [{l.Line.Text}] {Clip(l.Line.Right, 40, left: false)}"));
            }
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width, bool left) =>
        text.Length <= width ? text : left ? "…" + text[^(width - 1)..] : text[..(width - 1)] + "…";
}
