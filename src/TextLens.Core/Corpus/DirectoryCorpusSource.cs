using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security;
using System.Text;

namespace TextLens.Corpus;

/// <summary>
/// A folder of text files, walked recursively in ordinal order of the relative paths (deterministic on every file
/// system), one document a file, with metadata from a manifest and sidecars. See
/// <see cref="CorpusSources.Directory(string, DirectorySourceOptions?)"/> for the rules.
/// </summary>
/// <remarks>
/// The walk lists one folder at a time (memory grows with the widest folder, not the corpus): sorting each folder's
/// entries by name, with <c>/</c> appended to folder names, yields exactly the ordinal order of the full relative
/// paths. Symbolic links to folders are reported and not followed (they can form cycles); links to files are read.
/// </remarks>
internal sealed class DirectoryCorpusSource : ICorpusSource
{
    /// <summary>Files larger than this are reported and skipped: one document is not a gigabyte of news.</summary>
    private const long MaxFileBytes = 1L << 30;

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        MatchType = MatchType.Simple,
    };

    private readonly string _root;
    private readonly string _fullRoot;
    private readonly RecordMapper _mapper;
    private readonly string[] _extensions;
    private readonly string[] _excludedNames;
    private readonly string? _manifestName;
    private readonly string _manifestFileColumn;
    private readonly bool _readSidecars;
    private readonly Lazy<long?> _totalBytes;

    public DirectoryCorpusSource(string root, DirectorySourceOptions options)
    {
        _root = root;
        _fullRoot = Path.GetFullPath(root);
        _mapper = new RecordMapper(options.Fields);
        _extensions = [.. options.Extensions.Select(e => e.StartsWith('.') ? e : "." + e)];
        _excludedNames = [.. options.ExcludedFileNames];
        _manifestName = string.IsNullOrWhiteSpace(options.ManifestFileName) ? null : options.ManifestFileName;
        _manifestFileColumn = options.ManifestFileColumn;
        _readSidecars = options.ReadSidecars;
        _totalBytes = new Lazy<long?>(SumFileLengths);
    }

    /// <inheritdoc />
    public string Name => _root;

    /// <inheritdoc />
    /// <remarks>Computed on first use by walking the folder once (file sizes only).</remarks>
    public long? TotalBytes => _totalBytes.Value;

    /// <inheritdoc />
    public async IAsyncEnumerable<CorpusRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var manifest = await LoadManifestAsync(cancellationToken).ConfigureAwait(false);
        foreach (var error in manifest.Errors)
        {
            yield return CorpusRecord.Failed(error);
        }

        long bytesRead = 0;
        var entries = 0;
        foreach (var entry in Walk(_fullRoot, ""))
        {
            entries++;
            cancellationToken.ThrowIfCancellationRequested();
            var source = entry.RelativePath.Length == 0 ? _root : Path.Join(_root, entry.RelativePath);
            if (entry.Error is not null)
            {
                yield return CorpusRecord.Failed(new CorpusReadError(source, null, null, null, entry.Error), bytesRead);
                continue;
            }

            var row = manifest.Find(entry.RelativePath);
            var mapped = row?.Mapped;
            if (_readSidecars)
            {
                var sidecar = await ReadSidecarAsync(entry.FullPath!, cancellationToken).ConfigureAwait(false);
                if (sidecar.Error is not null)
                {
                    yield return CorpusRecord.Failed(
                        new CorpusReadError(sidecar.Path!, null, null, mapped?.Id ?? entry.RelativePath, sidecar.Error), bytesRead);
                    continue;
                }

                if (sidecar.Mapped is not null)
                {
                    mapped = mapped is null ? sidecar.Mapped : sidecar.Mapped.Over(mapped);
                }
            }

            var id = mapped?.Id ?? entry.RelativePath;
            var content = await ReadTextAsync(entry.FullPath!, cancellationToken).ConfigureAwait(false);
            bytesRead += content.Length;
            if (content.Error is not null)
            {
                yield return CorpusRecord.Failed(new CorpusReadError(source, null, null, id, content.Error), bytesRead);
                continue;
            }

            if (string.IsNullOrWhiteSpace(content.Text))
            {
                yield return CorpusRecord.Failed(new CorpusReadError(source, null, null, id, "empty text"), bytesRead);
                continue;
            }

            var issues = DocumentIssues.None;
            var metadata = DocumentMetadata.Empty;
            if (mapped is not null)
            {
                metadata = mapped.ToMetadata(out issues);
            }

            if (content.Replaced || row?.InvalidEncoding == true)
            {
                issues |= DocumentIssues.InvalidEncodingReplaced;
            }

            if (CorpusTextDecoder.HasControlCharacters(content.Text))
            {
                issues |= DocumentIssues.ControlCharacters;
            }

            yield return CorpusRecord.Of(new TextDocument(id, content.Text!, metadata, new DocumentOrigin(source), issues), bytesRead);
        }

        if (entries == 0)
        {
            // Not a silent empty run: a folder without a single document is almost always the wrong folder or extension.
            yield return CorpusRecord.Failed(new CorpusReadError(_root, null, null, null,
                $"the folder holds no document: no file ending in {string.Join(" or ", _extensions)} (hidden files and {string.Join(", ", _excludedNames)} are skipped); nothing to analyse"));
        }

        foreach (var unused in manifest.Unused())
        {
            var exists = File.Exists(Path.Join(_fullRoot, unused.File));
            var reason = exists
                ? $"the manifest row names '{unused.File}', which is not a document of the corpus (only {string.Join(", ", _extensions)} files are read; hidden files and {string.Join(", ", _excludedNames)} are skipped)"
                : $"the manifest row names a missing file '{unused.File}'";
            yield return CorpusRecord.Failed(new CorpusReadError(manifest.Path!, unused.Line, unused.Record, unused.Mapped.Id, reason), bytesRead);
        }
    }

    /// <summary>The document files and the folders that could not be listed, in ordinal order of relative path.</summary>
    private IEnumerable<WalkEntry> Walk(string directory, string prefix)
    {
        List<(string Key, FileSystemInfo Info)>? entries = null;
        string? error = null;
        try
        {
            entries = [];
            foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", ListOptions))
            {
                entries.Add((info is DirectoryInfo ? info.Name + "/" : info.Name, info));
            }

            entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            error = $"could not list the folder: {e.Message}";
        }

        if (error is not null)
        {
            yield return new WalkEntry(prefix.TrimEnd('/'), null, error);
            yield break;
        }

        foreach (var (_, info) in entries!)
        {
            var relative = prefix + info.Name;
            if (info is DirectoryInfo folder)
            {
                if (folder.LinkTarget is not null)
                {
                    yield return new WalkEntry(relative, null, "symbolic link to a folder; not followed");
                    continue;
                }

                foreach (var inner in Walk(folder.FullName, relative + "/"))
                {
                    yield return inner;
                }
            }
            else if (IsDocument(info.Name) && !(prefix.Length == 0 && string.Equals(info.Name, _manifestName, StringComparison.Ordinal)))
            {
                yield return new WalkEntry(relative, info.FullName, null);
            }
        }
    }

    private bool IsDocument(string name)
    {
        foreach (var excluded in _excludedNames)
        {
            if (string.Equals(name, excluded, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        foreach (var extension in _extensions)
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private long? SumFileLengths()
    {
        long total = 0;
        foreach (var entry in Walk(_fullRoot, ""))
        {
            if (entry.FullPath is null)
            {
                continue;
            }

            try
            {
                total += new FileInfo(entry.FullPath).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable files are reported when read; they add nothing to the total.
            }
        }

        return total;
    }

    /// <summary>Reads and decodes a document file; every failure becomes a reason, never an exception.</summary>
    private static async Task<FileText> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length == 0)
            {
                return new FileText(null, false, "empty file", 0);
            }

            if (length > MaxFileBytes)
            {
                return new FileText(null, false, $"file of {length} bytes is larger than the limit of {MaxFileBytes} bytes", length);
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            var total = 0;
            while (total < length)
            {
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(total, (int)length - total), total, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            var bytes = buffer.AsSpan(0, total);
            if (total == 0)
            {
                return new FileText(null, false, "empty file", 0);
            }

            if (CorpusTextDecoder.LooksBinary(bytes))
            {
                return new FileText(null, false, $"binary file (NUL bytes in the first {CorpusTextDecoder.BinarySniffLength / 1024} KB)", total);
            }

            var text = CorpusTextDecoder.Decode(bytes, out var replaced);
            return new FileText(text, replaced, null, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return new FileText(null, false, $"could not read the file: {e.Message}", 0);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads the sidecar of a document (<c>x.txt.json</c>, else <c>x.json</c>), if it has one.</summary>
    private async Task<Sidecar> ReadSidecarAsync(string documentPath, CancellationToken cancellationToken)
    {
        var path = documentPath + ".json";
        if (!File.Exists(path))
        {
            path = Path.ChangeExtension(documentPath, ".json");
            if (!File.Exists(path))
            {
                return default;
            }
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return new Sidecar(null, path, $"could not read the metadata sidecar: {e.Message}; the document was skipped");
        }

        var json = Encoding.UTF8.GetBytes(CorpusTextDecoder.Decode(bytes, out _));
        var fields = new List<SourceField>();
        var error = JsonRecordParser.Parse(json, "sidecar", fields, out _);
        return error is null
            ? new Sidecar(_mapper.Map(fields), path, null)
            : new Sidecar(null, path, $"invalid metadata sidecar: {error}; the document was skipped");
    }

    private async Task<Manifest> LoadManifestAsync(CancellationToken cancellationToken)
    {
        var manifest = new Manifest();
        if (_manifestName is null)
        {
            return manifest;
        }

        var path = Path.Join(_root, _manifestName);
        if (!File.Exists(Path.Join(_fullRoot, _manifestName)))
        {
            return manifest;
        }

        manifest.Path = path;
        CorpusFile file;
        try
        {
            file = await CorpusFile.OpenAsync(Path.Join(_fullRoot, _manifestName), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            manifest.Errors.Add(new CorpusReadError(path, null, null, null, $"could not open the manifest, so its metadata were not applied: {e.Message}"));
            return manifest;
        }

        await using var _ = file.ConfigureAwait(false);
        var (reader, headerError) = await CsvRowReader.OpenAsync(file, ',', cancellationToken).ConfigureAwait(false);
        using var __ = reader;
        if (headerError is not null)
        {
            manifest.Errors.Add(new CorpusReadError(path, 1, null, null, $"{headerError}; the manifest was not applied"));
            return manifest;
        }

        var names = reader.Headers.Select(h => h.Trim()).ToArray();
        var fileColumn = Array.FindIndex(names, n => string.Equals(n, _manifestFileColumn, StringComparison.OrdinalIgnoreCase));
        if (fileColumn < 0)
        {
            manifest.Errors.Add(new CorpusReadError(path, 1, null, null, $"the manifest has no '{_manifestFileColumn}' column; it was not applied"));
            return manifest;
        }

        var fields = new List<SourceField>(names.Length);
        while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            if (row.Values is null)
            {
                manifest.Errors.Add(new CorpusReadError(path, row.Line > 0 ? row.Line : null, row.Record > 0 ? row.Record : null, null, row.Error!));
                continue;
            }

            var key = NormalizeManifestPath(row.Values[fileColumn]);
            if (key.Length == 0)
            {
                manifest.Errors.Add(new CorpusReadError(path, row.Line, row.Record, null, $"the manifest row has no '{_manifestFileColumn}'"));
                continue;
            }

            fields.Clear();
            for (var i = 0; i < names.Length; i++)
            {
                if (i != fileColumn)
                {
                    fields.Add(new SourceField(names[i], row.Values[i], SourceFieldKind.String));
                }
            }

            var entry = new ManifestRow(key, row.Line, row.Record, _mapper.Map(fields), row.InvalidEncoding);
            if (!manifest.Rows.TryAdd(key, entry))
            {
                manifest.Errors.Add(new CorpusReadError(path, row.Line, row.Record, null,
                    $"a second manifest row for '{key}' (the first is on line {manifest.Rows[key].Line}); ignored"));
            }
        }

        return manifest;
    }

    private static string NormalizeManifestPath(string value)
    {
        var path = value.Trim().Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path;
    }

    /// <summary>A document file (<see cref="FullPath"/> set) or a folder that could not be listed (<see cref="Error"/> set).</summary>
    private readonly record struct WalkEntry(string RelativePath, string? FullPath, string? Error);

    private readonly record struct FileText(string? Text, bool Replaced, string? Error, long Length);

    private readonly record struct Sidecar(MappedRecord? Mapped, string? Path, string? Error);

    private sealed record ManifestRow(string File, long Line, long Record, MappedRecord Mapped, bool InvalidEncoding)
    {
        public bool Used { get; set; }
    }

    private sealed class Manifest
    {
        public string? Path { get; set; }

        public Dictionary<string, ManifestRow> Rows { get; } = new(StringComparer.Ordinal);

        public List<CorpusReadError> Errors { get; } = [];

        /// <summary>The row of a document: by relative path, else by file name.</summary>
        public ManifestRow? Find(string relativePath)
        {
            if (Rows.Count == 0)
            {
                return null;
            }

            if (!Rows.TryGetValue(relativePath, out var row))
            {
                var slash = relativePath.LastIndexOf('/');
                if (slash < 0 || !Rows.TryGetValue(relativePath[(slash + 1)..], out row))
                {
                    return null;
                }
            }

            row.Used = true;
            return row;
        }

        /// <summary>Rows that named no document, in file order.</summary>
        public IEnumerable<ManifestRow> Unused() => Rows.Values.Where(r => !r.Used).OrderBy(r => r.Record);
    }
}
