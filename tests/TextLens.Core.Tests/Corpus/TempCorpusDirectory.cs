using System.IO.Compression;
using System.Text;

namespace TextLens.Tests.Corpus;

/// <summary>A temporary folder for the test inputs of one test, deleted on dispose.</summary>
public sealed class TempCorpusDirectory : IDisposable
{
    public TempCorpusDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "textlens-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of a file in the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes UTF-8 text (no byte order mark), creating folders.</summary>
    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes, creating folders.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var path = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes UTF-8 text gzip-compressed.</summary>
    public string WriteGzip(string relative, string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Write(relative, buffer.ToArray());
    }

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Files made unreadable by a test must be deletable again.
                foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                {
                    try
                    {
                        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                    catch (IOException)
                    {
                    }
                }
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Everything a corpus source yielded, in order.</summary>
public sealed record CorpusContents(IReadOnlyList<TextDocument> Documents, IReadOnlyList<CorpusReadError> Errors, IReadOnlyList<CorpusRecord> Records)
{
    public static async Task<CorpusContents> ReadAsync(ICorpusSource source, CancellationToken cancellationToken = default)
    {
        var records = new List<CorpusRecord>();
        await foreach (var record in source.ReadAsync(cancellationToken))
        {
            Assert.True(record.Document is null != (record.Error is null), "a record holds a document or an error");
            records.Add(record);
        }

        return new CorpusContents(
            records.Where(r => r.Document is not null).Select(r => r.Document!).ToList(),
            records.Where(r => r.Error is not null).Select(r => r.Error!).ToList(),
            records);
    }
}
