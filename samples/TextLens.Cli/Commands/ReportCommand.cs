using System.CommandLine;
using TextLens.Reports;
using TextLens.Reports.Html;

namespace TextLens.Cli.Commands;

/// <summary><c>textlens report &lt;report.json&gt;</c>: re-renders report.html and the CSV tables from a saved report, without the corpus.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("report") { Description = "A report.json written by 'textlens analyze'." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder (default: the folder of report.json)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No tables." };
        var command = new Command("report",
            "Re-render report.html (with the KWIC lines of kwic.jsonl beside report.json, when present) and the CSV tables from a saved report, without re-reading the corpus.")
        {
            file, outDir, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No such report: {path}");
            }

            var report = await ReportWriter.ReadAsync(path, ct);
            var kwicPath = Path.Combine(Path.GetDirectoryName(path)!, KwicCollector.FileName);
            var kwic = File.Exists(kwicPath) ? await KwicCollector.ReadAsync(kwicPath, ct) : [];
            var dir = OutputFolder.Create(parse.GetValue(outDir) ?? Path.GetDirectoryName(path)!);
            var tables = await ReportWriter.WriteCsvAsync(report, dir, ct);
            await HtmlReportWriter.WriteAsync(report, kwic, Path.Combine(dir, HtmlReportWriter.FileName), cancellationToken: ct);
            if (!parse.GetValue(quiet))
            {
                ReportConsole.WriteSummary(report, output);
                ReportConsole.WriteFramingCompetition(report, output);
            }

            await output.WriteLineAsync($"Wrote {HtmlReportWriter.FileName} ({kwic.Count:N0} KWIC lines{(File.Exists(kwicPath) ? "" : $"; no {KwicCollector.FileName} beside the report")}) and {tables.Count} CSV tables to {dir}");
            return ExitCodes.Success;
        });
        return command;
    }
}
