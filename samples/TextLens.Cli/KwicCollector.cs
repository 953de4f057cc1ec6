using System.Text;
using System.Text.Json;
using TextLens.Reports;
using TextLens.Reports.Html;

namespace TextLens.Cli;

/// <summary>
/// Collects keyword-in-context lines while a run streams, at most <see cref="Cap"/> per (layer, category, label,
/// group) so memory stays bounded on any corpus; the lines feed report.html and are saved as <c>kwic.jsonl</c> so
/// <c>textlens report</c> can re-render without the corpus. Fed from <see cref="AnalysisOptions.OnDocument"/>, which
/// the engine calls on one thread at a time.
/// </summary>
internal sealed class KwicCollector(int cap = 50, int contextTokens = 8)
{
    /// <summary>The file name of the saved lines, next to report.json.</summary>
    public const string FileName = "kwic.jsonl";

    private readonly Dictionary<(string Layer, string Category, string Label, string Group), int> _counts = [];
    private readonly List<KwicLine> _lines = [];

    /// <summary>Lines kept per (layer, category, label, group).</summary>
    public int Cap { get; } = cap;

    /// <summary>The lines kept, in corpus order.</summary>
    public IReadOnlyList<KwicLine> Lines => _lines;

    public void Add(DocumentResult result)
    {
        if (result.Document is null || !result.Annotations.Any(a => !IsFull(a, result.Group)))
        {
            return; // nothing left to collect for this document: skip tokenizing it again
        }

        var group = result.Group;
        var options = new KwicOptions { ContextTokens = contextTokens, Where = a => !IsFull(a, group) };
        foreach (var line in Kwic.Lines(result, options))
        {
            var key = (line.Layer, line.Category, line.Label, group);
            var n = _counts.GetValueOrDefault(key);
            if (n < Cap)
            {
                _counts[key] = n + 1;
                _lines.Add(line);
            }
        }
    }

    /// <summary>The lines as the HTML report takes them.</summary>
    public IReadOnlyList<ReportKwicLine> ToReportLines() => _lines.Select(ToReportLine).ToList();

    public static ReportKwicLine ToReportLine(KwicLine l) =>
        new(l.Layer, l.Category, l.Label, l.Group ?? "all", l.Period ?? "all", l.DocumentId, l.Start, l.Length, l.Left, l.Text, l.Right);

    /// <summary>Writes the lines as JSONL through an <see cref="AtomicFile"/>.</summary>
    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var file = new AtomicFile(Path.Combine(directory, FileName));
        await using (file)
        {
            await using (var text = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                using var writer = new KwicWriter(text, KwicFormat.Jsonl, leaveOpen: true);
                foreach (var line in _lines)
                {
                    writer.Write(line);
                }
            }

            await file.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Reads <c>kwic.jsonl</c> back (the JSONL of <see cref="KwicWriter"/>).</summary>
    public static async Task<List<ReportKwicLine>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = new List<ReportKwicLine>();
        var number = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var o = doc.RootElement;
                string S(string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                lines.Add(new ReportKwicLine(S("layer"), S("category"), S("label"), o.TryGetProperty("group", out _) ? S("group") : "all",
                    o.TryGetProperty("period", out _) ? S("period") : "all", S("documentId"), o.GetProperty("start").GetInt32(),
                    o.GetProperty("length").GetInt32(), S("left"), S("text"), S("right")));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ArgumentException($"{path}:{number}: not a KWIC line ({ex.Message})", ex);
            }
        }

        return lines;
    }

    private bool IsFull(Annotation a, string group) => _counts.GetValueOrDefault((a.Layer, a.Category, a.Label, group)) >= Cap;
}
