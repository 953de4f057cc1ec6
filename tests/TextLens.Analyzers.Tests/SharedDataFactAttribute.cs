namespace TextLens.Tests;

/// <summary>
/// A fact that needs the third-party data in <c>../shared</c> next to the repository (the folder holding
/// <c>TextLens.sln</c>); skipped with a clear message on a fresh clone where it is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Seeds is null)
        {
            Skip = "../shared/seeds is not present next to the repository (third-party data is not part of the repository).";
        }
    }
}

/// <summary>Locates <c>../shared</c> relative to the repository root.</summary>
public static class SharedData
{
    /// <summary>The repository root (the folder with TextLens.sln), or null.</summary>
    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary><c>../shared</c>, or null when absent.</summary>
    public static string? Shared => RepositoryRoot is { } root && Directory.Exists(Path.Combine(root, "..", "shared"))
        ? Path.GetFullPath(Path.Combine(root, "..", "shared"))
        : null;

    /// <summary><c>../shared/seeds</c>, or null when absent.</summary>
    public static string? Seeds => Shared is { } s && Directory.Exists(Path.Combine(s, "seeds")) ? Path.Combine(s, "seeds") : null;

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
