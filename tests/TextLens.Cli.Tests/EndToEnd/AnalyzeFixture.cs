namespace TextLens.Cli.Tests.EndToEnd;

/// <summary>One <c>textlens analyze samples/corpus</c> run shared by the tests of a class.</summary>
public sealed class AnalyzeFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();

    public string Out => _dir.File("out");

    internal TextLensProcess.Result Run { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Run = await TextLensProcess.RunAsync(_dir.Path, "analyze", TextLensProcess.SampleCorpus, "--out", Out, "--threads", "1");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}
