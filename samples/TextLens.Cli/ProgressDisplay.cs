using Spectre.Console;

namespace TextLens.Cli;

/// <summary>A progress bar for long runs (documents, MB/s, ETA when the size is known); nothing when redirected or quiet.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(bool show, long? totalBytes, Func<IProgress<AnalysisProgress>?, Task<T>> run)
    {
        if (!show)
        {
            return await run(null);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("reading", maxValue: totalBytes is > 0 ? totalBytes.Value : 100);
                task.IsIndeterminate = totalBytes is not > 0;
                var progress = new Progress<AnalysisProgress>(p =>
                {
                    var mbps = p.Elapsed.TotalSeconds > 0 ? p.Characters / 1e6 / p.Elapsed.TotalSeconds : 0;
                    task.Description = $"{p.DocumentsAnalyzed:N0} documents, {p.DocumentsSkipped:N0} skipped, {mbps:F1} M chars/s";
                    if (totalBytes is > 0)
                    {
                        task.Value = Math.Min(p.BytesRead, totalBytes.Value);
                    }
                });
                result = await run(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
