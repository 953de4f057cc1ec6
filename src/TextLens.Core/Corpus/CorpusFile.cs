using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TextLens.Corpus;

/// <summary>
/// An open corpus file as a stream of UTF-8 bytes: decompressed when it starts with the gzip signature (whatever its
/// name), and transcoded to UTF-8 when a byte order mark says UTF-16 or UTF-32. A UTF-8 byte order mark is left in
/// the stream (the readers skip it). <see cref="Position"/> counts the bytes of the file itself, for progress.
/// </summary>
internal sealed class CorpusFile : IAsyncDisposable
{
    private const int FileBufferSize = 64 * 1024;

    private readonly FileStream _file;
    private readonly CountingReadStream? _decompressed;

    private CorpusFile(FileStream file, Stream content, CountingDecoderFallback? fallback, CountingReadStream? decompressed)
    {
        _file = file;
        Content = content;
        TranscodingFallback = fallback;
        _decompressed = decompressed;
    }

    /// <summary>The content as UTF-8 bytes.</summary>
    public Stream Content { get; }

    /// <summary>When the file was transcoded from UTF-16 or UTF-32, counts its invalid sequences (replaced with U+FFFD).</summary>
    public CountingDecoderFallback? TranscodingFallback { get; }

    /// <summary>Whether the file is gzip-compressed.</summary>
    public bool IsCompressed => _decompressed is not null;

    /// <summary>Bytes of the file read so far (compressed bytes for a compressed file).</summary>
    public long Position => _file.CanSeek ? _file.Position : 0;

    /// <summary>The length of the file.</summary>
    public long Length => _file.Length;

    /// <summary>Opens a corpus file, or says why it could not be opened (an I/O or permission error), as one sentence.</summary>
    public static async Task<(CorpusFile? File, string? Error)> TryOpenAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await OpenAsync(path, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"could not open the file: {e.Message}");
        }
    }

    /// <summary>Opens a file.</summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static async Task<CorpusFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var file = OpenFile(path);
        try
        {
            var magic = new byte[2];
            var compressed = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == 2 &&
                             magic[0] == 0x1F && magic[1] == 0x8B;
            file.Position = 0;
            Stream content = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;

            var prefix = new byte[4];
            var length = await content.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var fallback = new CountingDecoderFallback();
            var encoding = CorpusTextDecoder.DetectBom(prefix.AsSpan(0, length), out _, fallback);

            // Rewind: a plain file seeks back, a compressed one starts over.
            CountingReadStream? decompressed = null;
            if (compressed)
            {
                await content.DisposeAsync().ConfigureAwait(false);
                file.Position = 0;
                content = decompressed = new CountingReadStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true));
            }
            else
            {
                file.Position = 0;
            }

            if (encoding is null)
            {
                return new CorpusFile(file, content, null, decompressed);
            }

            var transcoded = Encoding.CreateTranscodingStream(content, encoding, Encoding.UTF8, leaveOpen: false);
            return new CorpusFile(file, transcoded, fallback, decompressed);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// For a compressed file read to its end, checks the decompressed size against the size the gzip trailer records
    /// (modulo 4 GiB): .NET's <see cref="GZipStream"/> ends quietly on a truncated file, which would lose the rest of the
    /// corpus without a word. A file of several gzip members (appended to) records only its last member's size, so the
    /// message names that possibility too.
    /// </summary>
    /// <returns><see langword="null"/> when the sizes agree or the file is not compressed, else the problem.</returns>
    public string? CheckCompressedLength()
    {
        if (_decompressed is null || _file.Length < 18)
        {
            return _decompressed is null ? null : "the gzip file is too short to be complete";
        }

        Span<byte> trailer = stackalloc byte[4];
        RandomAccess.Read(_file.SafeFileHandle, trailer, _file.Length - 4);
        var recorded = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var actual = _decompressed.BytesRead;
        return recorded == unchecked((uint)actual)
            ? null
            : $"the gzip data ended after {actual} decompressed bytes but its trailer records {recorded} (modulo 4 GiB): " +
              "the file is probably truncated, and records after this point are missing (a file of several gzip members also shows this)";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Content, _file))
        {
            await Content.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static FileStream OpenFile(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = FileBufferSize,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
}

/// <summary>A read-only pass-through stream that counts the bytes read from it.</summary>
internal sealed class CountingReadStream(Stream inner) : Stream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }
}
