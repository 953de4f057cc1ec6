using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json;
using TextLens.Cli.Commands;

namespace TextLens.Cli;

/// <summary>The <c>textlens</c> command line: parsing, dispatch, and the mapping of failures to exit codes.</summary>
internal static class TextLensCli
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "textlens: media framing analysis. Counts framing labels, entities and attributed sources per outlet and period, " +
            "with every count traceable to document and offset.\n" + ExitCodes.Help);
        root.Add(AnalyzeCommand.Create(output, error));
        root.Add(KwicCommand.Create(output, error));
        root.Add(CompareCommand.Create(output, error));
        root.Add(DiscoverCommand.Create(output, error));
        root.Add(EvaluateCommand.Create(output, error));
        root.Add(LexiconCommand.Create(output, error));
        root.Add(ReportCommand.Create(output, error));
        root.Add(BenchCommand.Create(output, error));
        return root;
    }

    /// <summary>Runs the command line and returns the exit code. Ctrl+C cancels the running command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"textlens: {parse.Errors[0].Message} (run 'textlens --help' for usage)");
            return ExitCodes.UsageError;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // SIGINT (Ctrl+C, or kill -INT from a script) and SIGTERM cancel the run; a second signal ends the process at once
        // (its default action is left alone). This is the only handler: a Console.CancelKeyPress handler that always set
        // e.Cancel kept the second Ctrl+C from ending the process. The analyzers and the parser observe the cancellation
        // inside a document, so the first signal stops a run within a fraction of a second.
        void OnSignal(PosixSignalContext context)
        {
            if (cts.IsCancellationRequested)
            {
                return;
            }

            context.Cancel = true;
            cts.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await error.WriteLineAsync("textlens: interrupted; nothing written");
            return ExitCodes.Interrupted;
        }
        catch (TextLensConfigurationException ex)
        {
            foreach (var line in Faults(ex))
            {
                await error.WriteLineAsync(TerminalText.Printable(line));
            }

            return ExitCodes.UsageError;
        }
        catch (OutputFolderException ex)
        {
            await error.WriteLineAsync(TerminalText.Printable($"textlens: {OneLine(ex.Message)}"));
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException or JsonException)
        {
            await error.WriteLineAsync(TerminalText.Printable($"textlens: {OneLine(ex.Message)}"));
            return ExitCodes.UsageError;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync(TerminalText.Printable($"textlens: failed: {ex.GetType().Name}: {OneLine(ex.Message)}"));
            return ExitCodes.Failure;
        }
    }

    /// <summary>A message on one line: its lines joined with " / " (nothing dropped).</summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "unknown error" : string.Join(" / ", lines);
    }

    /// <summary>
    /// Every fault of a configuration error, each on its own line with its location (<c>file:line:column: field: message</c>):
    /// one fault on one line, else a count and then the faults indented.
    /// </summary>
    internal static IReadOnlyList<string> Faults(TextLensConfigurationException exception)
    {
        var faults = exception.Faults.Select(OneLine).ToList();
        return faults.Count switch
        {
            0 => [$"textlens: {OneLine(exception.Message)}"],
            1 => [$"textlens: {faults[0]}"],
            _ => [$"textlens: {faults.Count} configuration faults:", .. faults.Select(f => "  " + f)],
        };
    }
}
