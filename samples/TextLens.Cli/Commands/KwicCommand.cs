using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;
using TextLens.Reports;

namespace TextLens.Cli.Commands;

/// <summary>
/// <c>textlens kwic &lt;corpus&gt; &lt;label-or-pattern&gt;</c>: runs the pipeline and prints concordance lines.
/// </summary>
/// <remarks>
/// The rule: lines are those of annotations whose <b>label or category</b> equals the argument, ignoring case
/// (<c>separatists</c>, <c>forces</c>, an entity id, a source). Only when no annotation has such a label or category
/// does the argument match the <b>matched text</b>: as a glob when it has no regular-expression characters other
/// than <c>*</c> and <c>?</c> (<c>separat*</c>: the whole matched text, <c>*</c> any run of characters, <c>?</c>
/// one), otherwise as a .NET regular expression found anywhere in it; both ignore case.
/// </remarks>
internal static class KwicCommand
{
    private const int LeftWidth = 60;
    private const int RightWidth = 60;
    private static readonly System.Buffers.SearchValues<char> RegexCharacters = System.Buffers.SearchValues.Create(@"\^$.|+()[]{}");

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<string>("corpus") { Description = "A folder of .txt/.md files (with metadata.csv), a .jsonl/.jsonl.gz file or a .csv file." };
        var query = new Argument<string>("label-or-pattern")
        {
            Description = "A label or category (case-insensitive); if none has that name, a glob (separat*) or regular expression over the matched text.",
        };
        var window = new Option<int>("--window", "-w") { Description = "Tokens of context on each side.", DefaultValueFactory = _ => 8 };
        var layer = new Option<string?>("--layer") { Description = "Only this layer: framing, entity, attribution (default: all)." };
        var format = new Option<string>("--format", "-f") { Description = "Output: text, csv or jsonl.", DefaultValueFactory = _ => "text" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many lines (0 = all).", DefaultValueFactory = _ => 200 };
        var options = new CorpusCommandOptions("--corpus-format");
        var command = new Command("kwic",
            "Keyword in context: every annotation whose label or category is the argument (ignoring case), or else whose matched text matches it " +
            "as a glob (separat*) or regular expression, with its context. Coloured in a terminal, plain aligned text when piped; CSV or JSONL with --format.")
        {
            corpus, query, window, layer, format, limit,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var run = options.Read(parse);
            var q = parse.GetValue(query)!;
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
            var pattern = TextPattern(q);
            var layers = parse.GetValue(layer) is { Length: > 0 } l ? new HashSet<string>([l], StringComparer.OrdinalIgnoreCase) : null;
            var max = n == 0 ? int.MaxValue : n;

            // Both candidate lists are kept (bounded by --limit) while the corpus streams; the label list wins if not empty.
            var byLabel = new List<KwicLine>();
            var byText = new List<KwicLine>();
            bool IsLabel(Annotation a) => a.Label.Equals(q, StringComparison.OrdinalIgnoreCase) || a.Category.Equals(q, StringComparison.OrdinalIgnoreCase);
            var labelOptions = new KwicOptions { ContextTokens = context, Layers = layers, Where = IsLabel };
            var textOptions = new KwicOptions { ContextTokens = context, Layers = layers, TextPattern = pattern };
            await run.RunAsync(parse.GetValue(corpus)!, result =>
            {
                if (result.Document is null || result.Annotations.Count == 0)
                {
                    return;
                }

                if (byLabel.Count < max && result.Annotations.Any(IsLabel))
                {
                    byLabel.AddRange(Kwic.Lines(result, labelOptions).Take(max - byLabel.Count));
                }
                else if (byLabel.Count == 0 && byText.Count < max)
                {
                    byText.AddRange(Kwic.Lines(result, textOptions).Take(max - byText.Count));
                }
            }, ct);

            var lines = byLabel.Count > 0 ? byLabel : byText;
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

            await error.WriteLineAsync(lines.Count == 0
                ? $"textlens: no annotation has the label or category '{q}' or matched text matching it"
                : $"{lines.Count:N0} line{(lines.Count == 1 ? "" : "s")} ({(byLabel.Count > 0 ? "label or category" : "matched text")} '{q}'{(lines.Count == max ? $", first {max:N0}; --limit 0 for all" : "")})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The pattern over matched text: a glob when the argument has no regex characters but <c>*</c> and <c>?</c>, else a regex.</summary>
    internal static Regex TextPattern(string query)
    {
        const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var timeout = TimeSpan.FromSeconds(1);
        if (query.AsSpan().IndexOfAny(RegexCharacters) < 0)
        {
            var glob = "^" + Regex.Escape(query).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
            return new Regex(glob, Flags, timeout);
        }

        try
        {
            return new Regex(query, Flags, timeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"'{query}' is not a valid regular expression: {ex.Message}", ex);
        }
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

    internal static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
