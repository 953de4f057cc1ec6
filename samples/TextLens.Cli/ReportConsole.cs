using System.Globalization;
using Spectre.Console;
using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Cli;

/// <summary>Prints the key tables of a report to the terminal (plain text when redirected).</summary>
internal static class ReportConsole
{
    public static void WriteSummary(CorpusReport report, TextWriter output, int topLabels = 8)
    {
        var console = Create(output);
        var m = report.Manifest;
        console.MarkupLine($"[bold]TextLens {Markup.Escape(m.TextLensVersion)}[/] · {Markup.Escape(m.Source)} · " +
            $"{m.Counts.DocumentsAnalyzed:N0} documents analysed, {m.Counts.DocumentsSkipped:N0} skipped, {m.Counts.DocumentsFlagged:N0} flagged, " +
            $"{m.Counts.Tokens:N0} tokens" + (m.Run is { } run ? $" in {run.ElapsedSeconds:F1}s" : ""));

        var corpus = new Table().Title("Corpus").AddColumns("group", "period", "documents", "tokens");
        foreach (var row in report.Corpus.Where(r => r.Period == PeriodKey.All || m.Period != "none"))
        {
            corpus.AddRow(Markup.Escape(row.Group), Markup.Escape(row.Period), row.Documents.ToString("N0", CultureInfo.InvariantCulture), row.Tokens.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(corpus);

        foreach (var layer in report.Labels.Select(l => l.Layer).Distinct(StringComparer.Ordinal))
        {
            var table = new Table().Title($"Top {layer} labels (all periods)").AddColumns("group", "category", "label", "mentions", "docs", "per 10k", "share");
            var rows = report.Labels
                .Where(l => l.Layer == layer && l.Period == PeriodKey.All)
                .GroupBy(l => l.Group, StringComparer.Ordinal)
                .SelectMany(g => g.OrderByDescending(l => l.Mentions).ThenBy(l => l.Label, StringComparer.Ordinal).Take(topLabels));
            foreach (var l in rows)
            {
                table.AddRow(Markup.Escape(l.Group), Markup.Escape(l.Category), Markup.Escape(l.Label), l.Mentions.ToString(CultureInfo.InvariantCulture),
                    l.Documents.ToString(CultureInfo.InvariantCulture), l.RatePer10kTokens.ToString("F2", CultureInfo.InvariantCulture),
                    l.ShareInCategory.ToString("P0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }
    }

    /// <summary>A Spectre console over a writer: colours only on an interactive terminal.</summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }
}
