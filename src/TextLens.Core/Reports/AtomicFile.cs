namespace TextLens.Reports;

/// <summary>
/// A file written under a temporary name in the target folder and renamed over the target only when
/// <see cref="Commit"/> is called, so readers never see a half-written file. Disposing without committing
/// deletes the temporary file.
/// </summary>
public sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly string _tempPath;
    private bool _committed;

    /// <summary>Opens a temporary file next to <paramref name="path"/>.</summary>
    public AtomicFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(dir);
        _tempPath = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>The stream to write to.</summary>
    public Stream Stream { get; }

    /// <summary>Flushes, closes and renames the temporary file over the final path.</summary>
    public void Commit()
    {
        if (_committed)
        {
            return;
        }

        Stream.Flush();
        Stream.Dispose();
        File.Move(_tempPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Flushes, closes and renames the temporary file over the final path.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            return;
        }

        await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_tempPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            TryDelete();
        }
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
            TryDelete();
        }
    }

    private void TryDelete()
    {
        try
        {
            File.Delete(_tempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden .tmp file is harmless and never mistaken for output.
        }
    }
}
