using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>
/// An interrupt during a long run: exit 130, nothing written, no temporary file left. The console handles SIGINT
/// (Ctrl+C) and SIGTERM through the same cancellation path. The child is started through
/// <c>env --default-signal=INT,TERM</c> because a process started by a non-interactive parent may inherit SIGINT as
/// ignored, which the .NET runtime honours (as a shell's background job does); a terminal user pressing Ctrl+C never
/// meets that. The test is synchronous, with its own reader threads: with two cores, two pipe reads parked on the
/// thread pool delayed a <c>Task.Delay</c> continuation by seconds, long enough for the run to finish first.
/// </summary>
public sealed class InterruptTests
{
    private const int SignalInterrupt = 2;
    private const int SignalTerminate = 15;

    [Theory]
    [InlineData(SignalInterrupt)]
    [InlineData(SignalTerminate)]
    public void Signal_during_analysis_exits_130_and_leaves_no_file(int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // env --default-signal and /proc are Linux (GNU coreutils) facilities
        }

        using var dir = new TempDir();
        var corpus = dir.File("large.jsonl");
        WriteLargeCorpus(corpus, documents: 3000, bytesPerDocument: 20_000);
        var outDir = dir.File("out");
        var info = TextLensProcess.StartInfo(dir.Path, "analyze", corpus, "--out", outDir, "--threads", "1", "--quiet");
        info.RedirectStandardInput = false;
        WithDefaultSignals(info);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        string stdout = string.Empty, stderr = string.Empty;
        var readers = new[]
        {
            new Thread(() => stdout = process.StandardOutput.ReadToEnd()) { IsBackground = true },
            new Thread(() => stderr = process.StandardError.ReadToEnd()) { IsBackground = true },
        };
        foreach (var reader in readers)
        {
            reader.Start();
        }

        // Wait until the console has opened the corpus (its signal handlers are registered before it parses the command
        // line), then let it analyse for a moment; output is redirected, so there is no progress bar to watch.
        Assert.True(WaitUntilOpen(process, corpus, TimeSpan.FromSeconds(30)), $"the corpus was not opened within {watch.Elapsed}");
        Thread.Sleep(1000);
        Assert.False(process.HasExited, $"the run ended after {watch.Elapsed}, before it could be interrupted");
        var signals = SignalState(process.Id);
        var sentAt = watch.Elapsed;
        Assert.True(Kill(process.Id, signal) == 0, $"kill failed: errno {Marshal.GetLastPInvokeError()}");

        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            process.WaitForExit();
        }

        foreach (var reader in readers)
        {
            reader.Join(TimeSpan.FromSeconds(10));
        }

        Assert.True(process.ExitCode == 130,
            $"exit {process.ExitCode} at {watch.Elapsed}, signal {signal} sent at {sentAt}\nstderr: {stderr}\nstdout: {stdout}\n{signals}");
        Assert.Matches(@"^textlens: interrupted after [\d,]+ documents; nothing written", stderr);
        Assert.Empty(Directory.GetFiles(outDir)); // no report.json, labels.csv, annotations.jsonl, and no hidden .tmp file
    }

    /// <summary>
    /// SIGTERM inside one huge document (20 M characters, the budget lifted): the parser and the analyzers observe the
    /// cancellation inside the document, so the run stops there, with no document analysed, instead of finishing it
    /// (before, signals were checked only between documents and a 50 MB document ignored SIGTERM for minutes).
    /// </summary>
    [Fact]
    public void Sigterm_inside_one_huge_document_exits_130_before_finishing_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempDir();
        var corpus = dir.File("huge.jsonl");
        WriteLargeCorpus(corpus, documents: 1, bytesPerDocument: 20_000_000);
        var outDir = dir.File("out");
        // The rules recognizer: the statistical one (the console's default since this session) does not yet look at the
        // cancellation token inside one document, so a stop inside a 20 M-character document waits for its tagging pass
        // (open, in the closing note of session 3).
        var info = TextLensProcess.StartInfo(dir.Path, "analyze", corpus, "--out", outDir, "--threads", "1", "--quiet", "--max-document-chars", "0",
            "--recognizer", "rules");
        info.RedirectStandardInput = false;
        WithDefaultSignals(info);
        using var process = Process.Start(info)!;
        var stderr = string.Empty;
        var reader = new Thread(() => stderr = process.StandardError.ReadToEnd()) { IsBackground = true };
        var drain = new Thread(() => process.StandardOutput.ReadToEnd()) { IsBackground = true };
        reader.Start();
        drain.Start();

        Assert.True(WaitUntilOpen(process, corpus, TimeSpan.FromSeconds(30)), "the corpus was not opened");
        Thread.Sleep(2000);
        Assert.False(process.HasExited, "the run ended before it could be interrupted");
        Assert.True(Kill(process.Id, SignalTerminate) == 0, $"kill failed: errno {Marshal.GetLastPInvokeError()}");
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            process.WaitForExit();
        }

        reader.Join(TimeSpan.FromSeconds(10));
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\nstderr: {stderr}");
        Assert.StartsWith("textlens: interrupted after 0 documents; nothing written", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>
    /// Starts the console through <c>env --default-signal</c> so it receives SIGINT and SIGTERM as a terminal user's
    /// process does, whatever dispositions the test host passes down.
    /// </summary>
    private static void WithDefaultSignals(ProcessStartInfo info)
    {
        var arguments = info.ArgumentList.ToArray();
        info.ArgumentList.Clear();
        info.ArgumentList.Add("--default-signal=INT,TERM");
        info.ArgumentList.Add(info.FileName);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.FileName = "env";
    }

    /// <summary>Whether the process has <paramref name="path"/> open (Linux <c>/proc/PID/fd</c>), polled until the timeout.</summary>
    private static bool WaitUntilOpen(Process process, string path, TimeSpan timeout)
    {
        var full = Path.GetFullPath(path);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !process.HasExited)
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{process.Id}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget == full)
                    {
                        return true;
                    }
                }
            }
            catch (IOException)
            {
                // a descriptor closed while we listed them
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>The child's blocked, ignored and caught signal masks, for the failure message.</summary>
    private static string SignalState(int pid)
    {
        try
        {
            return string.Join('\n', File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("Sig", StringComparison.Ordinal)));
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private static void WriteLargeCorpus(string path, int documents, int bytesPerDocument)
    {
        const string Sentence = "Armenian separatists met officials in Stepanakert as peacekeepers watched the Lachin corridor and the ceasefire deal held. ";
        var text = new StringBuilder();
        while (text.Length < bytesPerDocument)
        {
            text.Append(Sentence);
        }

        var body = text.ToString();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < documents; i++)
        {
            writer.Write("{\"id\":\"d");
            writer.Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write("\",\"outlet\":\"");
            writer.Write(i % 2 == 0 ? "A" : "B");
            writer.Write("\",\"text\":\"");
            writer.Write(body);
            writer.Write("\"}\n");
        }
    }
}
