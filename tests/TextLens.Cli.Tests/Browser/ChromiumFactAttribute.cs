namespace TextLens.Cli.Tests.Browser;

/// <summary>
/// A fact that needs the system Chromium at <see cref="ExecutablePath"/> (Debian package <c>chromium</c>); it is
/// skipped, with the reason, where that is missing. Playwright's own browser download is never used. A time limit
/// keeps a stuck browser from hanging the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where the system Chromium is expected.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        Timeout = 180_000;
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"Chromium is not installed at {ExecutablePath} (apt-get install chromium); browser tests need it and never download one.";
        }
    }
}
