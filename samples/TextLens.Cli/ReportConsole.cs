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
        console.MarkupLine($"[bold]TextLens {TerminalText.Markup(m.TextLensVersion)}[/] · {TerminalText.Markup(m.Source)} · " +
            $"{m.Counts.DocumentsAnalyzed:N0} documents analysed, {m.Counts.DocumentsSkipped:N0} skipped, {m.Counts.DocumentsFlagged:N0} flagged, " +
            $"{m.Counts.Tokens:N0} tokens" + (m.Run is { } run ? $" in {run.ElapsedSeconds:F1}s" : ""));

        var corpus = new Table().Title("Corpus").AddColumns("group", "period", "documents", "tokens");
        foreach (var row in report.Corpus.Where(r => r.Period == PeriodKey.All || m.Period != "none"))
        {
            corpus.AddRow(TerminalText.Markup(row.Group), TerminalText.Markup(row.Period), row.Documents.ToString("N0", CultureInfo.InvariantCulture), row.Tokens.ToString("N0", CultureInfo.InvariantCulture));
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
                table.AddRow(TerminalText.Markup(l.Group), TerminalText.Markup(l.Category), TerminalText.Markup(l.Label), l.Mentions.ToString(CultureInfo.InvariantCulture),
                    l.Documents.ToString(CultureInfo.InvariantCulture), l.RatePer10kTokens.ToString("F2", CultureInfo.InvariantCulture),
                    l.ShareInCategory.ToString("P0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }
    }

    /// <summary>
    /// The framing competition: for each concept, the share of each of its labels among all its mentions, per group
    /// (all periods). Shares of one concept and group add up to 100%.
    /// </summary>
    public static void WriteFramingCompetition(CorpusReport report, TextWriter output, int maxLabels = 6)
    {
        var rows = report.Labels.Where(l => l.Layer == "framing" && l.Period == PeriodKey.All).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var console = Create(output);
        var table = new Table().Title("Framing competition: label shares per concept (all periods)").AddColumns("concept", "group", "mentions", "labels (share of the concept's mentions)");
        foreach (var concept in rows.GroupBy(l => l.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var group in concept.GroupBy(l => l.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var total = group.Sum(l => l.Mentions);
                var labels = group.OrderByDescending(l => l.Mentions).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();
                var text = string.Join(" · ", labels.Take(maxLabels).Select(l =>
                    $"{l.Label} {(total == 0 ? 0 : (double)l.Mentions / total).ToString("P0", CultureInfo.InvariantCulture)}"));
                if (labels.Count > maxLabels)
                {
                    text += $" · +{labels.Count - maxLabels} more";
                }

                table.AddRow(TerminalText.Markup(concept.Key), TerminalText.Markup(group.Key), total.ToString(CultureInfo.InvariantCulture), TerminalText.Markup(text));
            }
        }

        console.Write(table);
    }

    /// <summary>The most quoted sources (labels of the <c>attribution</c> layer), over all groups, with their mentions per group.</summary>
    public static void WriteTopSources(CorpusReport report, TextWriter output, int top = 10)
    {
        var rows = report.Labels.Where(l => l.Layer == "attribution" && l.Period == PeriodKey.All).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var console = Create(output);
        var groups = rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var table = new Table().Title("Top sources (attribution, all periods)").AddColumns("source", "type", "mentions");
        foreach (var g in groups)
        {
            table.AddColumn(TerminalText.Markup(g));
        }

        var sources = rows.GroupBy(r => (r.Category, r.Label))
            .Select(g => (g.Key.Category, g.Key.Label, Mentions: g.Sum(r => r.Mentions), ByGroup: g.ToDictionary(r => r.Group, r => r.Mentions, StringComparer.Ordinal)))
            .OrderByDescending(s => s.Mentions).ThenBy(s => s.Label, StringComparer.Ordinal).Take(top);
        foreach (var s in sources)
        {
            var cells = new List<string> { TerminalText.Markup(s.Label), TerminalText.Markup(s.Category), s.Mentions.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(groups.Select(g => s.ByGroup.GetValueOrDefault(g).ToString(CultureInfo.InvariantCulture)));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    /// <summary>
    /// Lists the first <paramref name="limit"/> records skipped and analyzer failures (not flags) on the error writer, then
    /// how many more there are; errors.csv holds all of them.
    /// </summary>
    public static async Task WriteSkippedAsync(CorpusReport report, TextWriter error, int limit = 20)
    {
        var listed = 0;
        var total = 0;
        foreach (var e in report.Manifest.Errors.Where(e => e.Kind != "flag"))
        {
            if (total++ < limit)
            {
                listed++;
                await error.WriteLineAsync(TerminalText.Printable(
                    $"textlens: skipped {e.Source}{(e.Line is { } l ? $":{l}" : e.Record is { } r ? $"#{r}" : "")}{(e.Analyzer is null ? "" : $" [{e.Analyzer}]")}: {e.Message}"));
            }
        }

        if (total > listed)
        {
            await error.WriteLineAsync($"textlens: ... and {total - listed:N0} more (every one in errors.csv)");
        }
    }

    /// <summary>Whether a writer is the interactive terminal (colours, markup, progress).</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A Spectre console over a writer: colours only on an interactive terminal.</summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        var interactive = IsTerminal(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160; // piped into a file: no terminal to fit, keep labels on one line
        }

        return console;
    }
}
