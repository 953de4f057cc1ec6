using System.CommandLine;
using System.Text;
using Spectre.Console;
using TextLens.Concordance;
using TextLens.Reports;
using TextLens.Text;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens kwic &lt;corpus&gt; &lt;pattern&gt;...</c>: concordance lines of patterns in the text, as quanteda's <c>kwic</c>.
/// </summary>
/// <remarks>
/// By default the patterns are searched in the tokens of the text with a <see cref="TextSearch"/>: a word, a glob with a
/// trailing <c>*</c>, a phrase, or with <c>--regex</c> regular expressions, under the framing matcher's folding rules; no
/// analyzer runs. With <c>--label</c> the arguments are annotation labels or categories instead (ignoring case): the analyzers
/// run and the lines are those of the annotations so named (<c>separatists</c>, an entity id, a source).
/// </remarks>
internal static class KwicCommand
{
    private const int LeftWidth = 60;
    private const int RightWidth = 60;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A folder of .txt/.md files (with metadata.csv), a .jsonl/.jsonl.gz file or a .csv file." };
        var query = new Argument<string[]>("pattern")
        {
            Description = "One or more patterns: a word (tractor), a glob (separatist*), a phrase (\"ethnic cleansing\"); with --label, labels or categories.",
            Arity = ArgumentArity.OneOrMore,
        };
        var regex = new Option<bool>("--regex") { Description = "Patterns are regular expressions, one per token (white space separates tokens), ignoring case." };
        var fold = new Option<bool>("--fold-diacritics") { Description = "Ignore diacritics (Şuşa = Susa), as a framing lexicon with foldDiacritics." };
        var label = new Option<bool>("--label") { Description = "Patterns are annotation labels or categories (ignoring case): runs the analyzers and shows their annotations." };
        var window = new Option<int>("--window", "-w") { Description = "Tokens of context on each side.", DefaultValueFactory = _ => 8 };
        var layer = new Option<string?>("--layer") { Description = "With --label: only this layer (framing, entity, attribution; default: all)." };
        var format = new Option<string>("--format", "-f") { Description = "Output: text, csv or jsonl.", DefaultValueFactory = _ => "text" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many lines (0 = all).", DefaultValueFactory = _ => 200 };
        var options = new CorpusCommandOptions("--corpus-format");
        var command = new Command("kwic",
            "Keyword in context, as quanteda's kwic: every match of the patterns in the text (a word, a glob such as separatist*, a phrase, or " +
            "regular expressions with --regex), or with --label every annotation so labelled, with its context. Coloured in a terminal, plain " +
            "aligned text when piped; CSV or JSONL with --format.")
        {
            corpus, query, regex, fold, label, window, layer, format, limit,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse);
            var patterns = parse.GetValue(query)!;
            var n = parse.GetValue(limit);
            var context = parse.GetValue(window);
            if (n < 0 || context < 0)
            {
                throw new ArgumentException("--limit and --window must be at least 0.");
            }

            var kind = parse.GetValue(format)!.ToUpperInvariant() switch
            {
                "TEXT" => (KwicFormat?)null,
                "CSV" => KwicFormat.Csv,
                "JSONL" or "JSON" => KwicFormat.Jsonl,
                _ => throw new ArgumentException($"Unknown --format '{parse.GetValue(format)}': use text, csv or jsonl."),
            };
            var byLabel = parse.GetValue(label);
            if (byLabel && (parse.GetValue(regex) || parse.GetValue(fold)))
            {
                throw new ArgumentException("--regex and --fold-diacritics search the text; --label searches annotation labels: use one or the other.");
            }

            if (!byLabel && parse.GetValue(layer) is not null)
            {
                throw new ArgumentException("--layer filters annotations: use it with --label.");
            }

            var max = n == 0 ? int.MaxValue : n;
            var lines = new List<KwicLine>();
            long found;
            string what;
            if (byLabel)
            {
                var layers = parse.GetValue(layer) is { Length: > 0 } l ? new HashSet<string>([l], StringComparer.OrdinalIgnoreCase) : null;
                found = await LabelLinesAsync(run, parse.GetValue(corpus)!, patterns, context, layers, lines, max, ct);
                what = "label or category";
            }
            else
            {
                var search = TextSearch.Create(patterns, new TextSearchOptions { Regex = parse.GetValue(regex), FoldDiacritics = parse.GetValue(fold) });
                found = await TextLinesAsync(run, parse.GetValue(corpus)!, search, context, lines, max, ct);
                what = search.Options.Regex ? "regex" : "pattern";
            }

            if (kind is { } f)
            {
                using var writer = new KwicWriter(output, f, leaveOpen: true);
                foreach (var line in lines)
                {
                    writer.Write(line);
                }
            }
            else
            {
                WriteText(lines, output);
            }

            var named = string.Join(", ", patterns.Select(p => $"'{p}'"));
            await error.WriteLineAsync(found == 0
                ? $"textlens: no match for {what} {named}"
                : $"{found:N0} line{(found == 1 ? "" : "s")} ({what} {named}{(lines.Count < found ? $"; first {lines.Count:N0} shown, --limit 0 for all" : "")})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Searches the text of every document (no analyzer runs); keeps the first <paramref name="max"/> lines and returns how many matched.</summary>
    private static async Task<long> TextLinesAsync(RunSettings run, string corpus, TextSearch search, int context, List<KwicLine> lines, int max, CancellationToken ct)
    {
        var parsed = new ParsedDocument();
        var found = 0L;
        await (run with { Analyzers = [] }).RunAsync(corpus, result =>
        {
            if (result.Document is not { } document)
            {
                return;
            }

            DocumentParser.Default.Parse(document, parsed);
            var documentLines = search.Lines(parsed, context, result.Group, result.Period);
            found += documentLines.Count;
            lines.AddRange(documentLines.Take(max - lines.Count));
        }, ct);
        return found;
    }

    /// <summary>Runs the analyzers; keeps the first <paramref name="max"/> lines of annotations with one of the labels or categories and returns how many there were.</summary>
    private static async Task<long> LabelLinesAsync(RunSettings run, string corpus, string[] labels, int context, HashSet<string>? layers, List<KwicLine> lines, int max,
        CancellationToken ct)
    {
        var names = new HashSet<string>(labels.Select(l => l.Trim()), StringComparer.OrdinalIgnoreCase);
        var options = new KwicOptions { ContextTokens = context, Layers = layers, Where = a => names.Contains(a.Label) || names.Contains(a.Category) };
        var found = 0L;
        await run.RunAsync(corpus, result =>
        {
            if (result.Document is null || !result.Annotations.Any(options.Where))
            {
                return;
            }

            var documentLines = Kwic.Lines(result, options).ToList();
            found += documentLines.Count;
            lines.AddRange(documentLines.Take(max - lines.Count));
        }, ct);
        return found;
    }

    private static void WriteText(IReadOnlyList<KwicLine> lines, TextWriter output)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var idWidth = Math.Min(40, lines.Max(l => l.DocumentId.Length));
        if (ReportConsole.IsTerminal(output))
        {
            var console = ReportConsole.Create(output);
            foreach (var l in lines)
            {
                console.MarkupLine($"[grey]{TerminalText.Markup(Fit(l.DocumentId, idWidth).PadRight(idWidth))}[/] {TerminalText.Markup(Left(l.Left))} " +
                    $"[bold yellow]{TerminalText.Markup(l.Text)}[/] {TerminalText.Markup(Right(l.Right))}  [grey]{TerminalText.Markup(l.Label)}[/]");
            }

            return;
        }

        var sb = new StringBuilder();
        foreach (var l in lines)
        {
            sb.Clear();
            sb.Append(TerminalText.Printable(Fit(l.DocumentId, idWidth).PadRight(idWidth))).Append("  ")
                .Append(TerminalText.Printable(Left(l.Left))).Append(" [").Append(TerminalText.Printable(l.Text)).Append("] ")
                .Append(TerminalText.Printable(Right(l.Right).PadRight(RightWidth))).Append("  ").Append(TerminalText.Printable(l.Label));
            output.WriteLine(sb.ToString().TrimEnd());
        }
    }

    private static string Left(string text) => (text.Length > LeftWidth ? "…" + text[^(LeftWidth - 1)..] : text).PadLeft(LeftWidth);

    private static string Right(string text) => text.Length > RightWidth ? text[..(RightWidth - 1)] + "…" : text;

    private static string Fit(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;

}
