using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TextLens.Reports;
using TextLens.Statistics;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens compare &lt;corpus&gt;</c>: which labels (framing labels, entity ids, quoted sources) set groups apart —
/// weighted log-odds with an informative Dirichlet prior (z) and log-likelihood G² keyness, each group against the
/// rest, or group A against group B.
/// </summary>
internal static class CompareCommand
{
    public const string LogOddsFileName = "compare-log-odds.csv";
    public const string KeynessFileName = "compare-keyness.csv";

    private static readonly string[] Layers = ["framing", "entity", "attribution"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A corpus (folder, .jsonl/.jsonl.gz, .csv), or a report.json saved by 'textlens analyze' (no re-reading)." };
        var a = new Option<string?>("--a") { Description = "Group A (with --b: A against B only; default: every group against the rest)." };
        var b = new Option<string?>("--b") { Description = "Group B." };
        var layer = new Option<string>("--layer") { Description = "framing, entity, attribution or all.", DefaultValueFactory = _ => "framing" };
        var top = new Option<int>("--top") { Description = "Rows per group in the printed table (by |z|).", DefaultValueFactory = _ => 10 };
        var prior = new Option<double>("--prior") { Description = "Strength α0 of the Dirichlet prior, in pseudo-counts.", DefaultValueFactory = _ => Keyness.DefaultPriorStrength };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for compare-log-odds.csv and compare-keyness.csv.", DefaultValueFactory = _ => "textlens-out" };
        var options = new CorpusCommandOptions();
        var command = new Command("compare",
            "Compare groups (outlets): weighted log-odds with an informative Dirichlet prior (z) and G² keyness of labels, each group against the rest " +
            "or --a against --b; prints the top labels per group and writes compare-log-odds.csv and compare-keyness.csv.")
        {
            corpus, a, b, layer, top, prior, outDir,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse);
            var (groupA, groupB) = (parse.GetValue(a), parse.GetValue(b));
            if ((groupA is null) != (groupB is null))
            {
                throw new ArgumentException("--a and --b go together: name both groups, or neither to compare every group with the rest.");
            }

            var layerName = parse.GetValue(layer)!.ToLowerInvariant();
            if (layerName != "all" && !Layers.Contains(layerName, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown --layer '{parse.GetValue(layer)}': use framing, entity, attribution or all.");
            }

            var topN = parse.GetValue(top);
            var alpha = parse.GetValue(prior);
            if (topN < 1 || !(alpha > 0))
            {
                throw new ArgumentException("--top must be at least 1 and --prior above 0.");
            }

            var path = parse.GetValue(corpus)!;
            var report = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? await ReportWriter.ReadAsync(path, ct)
                : await run.RunAsync(path, null, ct);

            var groups = report.Corpus.Where(r => r.Period == PeriodKey.All).Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
            if (groupA is not null)
            {
                foreach (var g in new[] { groupA, groupB! }.Where(g => !groups.Contains(g, StringComparer.Ordinal)))
                {
                    throw new ArgumentException($"There is no group '{g}'; the groups are {string.Join(", ", groups)}.");
                }
            }

            if (groups.Count < 2)
            {
                throw new ArgumentException($"Comparing needs at least two groups; the corpus has {groups.Count} (--group-by {report.Manifest.GroupBy ?? "none"}).");
            }

            bool InScope(string g) => groupA is null || g == groupA || g == groupB;
            var sizes = report.Corpus.Where(r => r.Period == PeriodKey.All && InScope(r.Group)).ToDictionary(r => r.Group, r => r.Tokens, StringComparer.Ordinal);
            var logOdds = new List<(string Layer, LogOddsScore Score)>();
            var keyness = new List<(string Layer, LogLikelihoodScore Score)>();
            foreach (var l in layerName == "all" ? Layers : [layerName])
            {
                var counts = report.Labels.Where(s => s.Layer == l && s.Period == PeriodKey.All && InScope(s.Group))
                    .Select(s => new KeynessCount(s.Group, s.Category, s.Label, s.Mentions)).ToList();
                logOdds.AddRange(Keyness.WeightedLogOdds(counts, alpha).Where(s => groupA is null || s.Group == groupA).Select(s => (l, s)));
                keyness.AddRange(Keyness.LogLikelihood(counts, sizes).Where(s => groupA is null || s.Group == groupA).Select(s => (l, s)));
            }

            var dir = OutputFolder.Create(parse.GetValue(outDir)!);
            var versus = groupA is null ? "rest" : groupB!;
            await ReportWriter.WriteCsvAsync(new ReportTable("compare-log-odds",
                "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008) of each label in a group against the rest (or group B).",
                ["layer", "group", "versus", "category", "label", "count", "group_total", "versus_count", "versus_total", "prior", "delta", "variance", "z"],
                logOdds.Select(x => (IReadOnlyList<ReportValue>)
                [
                    x.Layer, x.Score.Group, versus, x.Score.Category, x.Score.Label, x.Score.Count, x.Score.GroupTotal, x.Score.RestCount, x.Score.RestTotal,
                    x.Score.Prior, x.Score.Delta, x.Score.Variance, x.Score.Z,
                ]).ToList()), dir, CancellationToken.None);
            await ReportWriter.WriteCsvAsync(new ReportTable("compare-keyness",
                "Log-likelihood (G²) keyness of each label in a group against the rest (or group B); sizes are tokens; direction +1 over-use, -1 under-use.",
                ["layer", "group", "versus", "category", "label", "count", "group_tokens", "versus_count", "versus_tokens", "expected", "g2", "direction"],
                keyness.Select(x => (IReadOnlyList<ReportValue>)
                [
                    x.Layer, x.Score.Group, versus, x.Score.Category, x.Score.Label, x.Score.Count, x.Score.GroupSize, x.Score.RestCount, x.Score.RestSize,
                    x.Score.ExpectedInGroup, x.Score.G2, (long)x.Score.Direction,
                ]).ToList()), dir, CancellationToken.None);

            var g2 = keyness.ToDictionary(x => (x.Layer, x.Score.Group, x.Score.Category, x.Score.Label), x => x.Score);
            var console = ReportConsole.Create(output);
            var table = new Table().Title($"Distinctive labels: {(groupA is null ? "each group against the rest" : $"{groupA} against {groupB}")} (top {topN} by |z| per group; |z| > 1.96 ≈ p < 0.05)")
                .AddColumns("group", "layer", "category", "label", "count", "versus", "z", "G²");
            foreach (var group in logOdds.Where(x => !double.IsNaN(x.Score.Z)).GroupBy(x => x.Score.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                foreach (var (l, s) in group.OrderByDescending(x => Math.Abs(x.Score.Z)).ThenBy(x => x.Score.Label, StringComparer.Ordinal).Take(topN))
                {
                    var k = g2.GetValueOrDefault((l, s.Group, s.Category, s.Label));
                    table.AddRow(TerminalText.Markup(s.Group), l, TerminalText.Markup(s.Category), TerminalText.Markup(s.Label), s.Count.ToString(CultureInfo.InvariantCulture),
                        s.RestCount.ToString(CultureInfo.InvariantCulture), s.Z.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
                        k is null ? "" : k.SignedG2.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
                }
            }

            console.Write(table);
            await output.WriteLineAsync($"Wrote {LogOddsFileName} ({logOdds.Count} rows) and {KeynessFileName} ({keyness.Count} rows) to {dir}");
            return AnalyzeCommand.ExitCode(report);
        });
        return command;
    }
}
