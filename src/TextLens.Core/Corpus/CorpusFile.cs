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
    /// For a compressed file read to its end, checks that its last gzip member is complete: .NET's <see cref="GZipStream"/>
    /// ends quietly on a truncated file, which would lose the rest of the corpus without a word. The trailer of the last
    /// member records its decompressed size (modulo 4 GiB) and CRC-32. A file of one member is complete when the size
    /// equals everything decompressed. A file of several members (<c>cat a.gz b.gz</c>, bgzip, a log appended to) is
    /// complete when the last <c>size</c> bytes decompressed have the recorded CRC-32: the stream keeps the last
    /// <see cref="CountingReadStream.TailCapacity"/> decompressed bytes for that (bgzip members hold at most 64 KiB).
    /// </summary>
    /// <returns><see langword="null"/> when the file is complete or not compressed, else the problem.</returns>
    public string? CheckCompressedLength()
    {
        if (_decompressed is null || _file.Length < 18)
        {
            return _decompressed is null ? null : "the gzip file is too short to be complete";
        }

        Span<byte> trailer = stackalloc byte[8];
        RandomAccess.Read(_file.SafeFileHandle, trailer, _file.Length - 8);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var recorded = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        var actual = _decompressed.BytesRead;
        if (recorded == unchecked((uint)actual) || _decompressed.TailHasCrc((int)Math.Min(recorded, int.MaxValue), crc))
        {
            return null;
        }

        return $"the gzip data ended after {actual} decompressed bytes but its last member's trailer records {recorded} bytes (modulo 4 GiB) " +
               "that do not end the data: the file is probably truncated, and records after this point are missing";
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

/// <summary>A read-only pass-through stream that counts the bytes read from it and keeps the last <see cref="TailCapacity"/> of them.</summary>
internal sealed class CountingReadStream(Stream inner) : Stream
{
    /// <summary>How many of the last bytes read are kept (for the CRC-32 of a last gzip member).</summary>
    public const int TailCapacity = 4 * 1024 * 1024;

    private byte[]? _tail;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether the last <paramref name="length"/> bytes read are kept and have CRC-32 <paramref name="crc"/>.</summary>
    public bool TailHasCrc(int length, uint crc)
    {
        if (length > TailCapacity || length > BytesRead)
        {
            return false;
        }

        var tail = _tail ?? [];
        var end = (int)(BytesRead % TailCapacity);
        var start = end - length;
        var value = Crc32.Begin;
        if (start < 0)
        {
            value = Crc32.Append(value, tail.AsSpan(TailCapacity + start));
            start = 0;
        }

        value = Crc32.Append(value, tail.AsSpan(start, end - start));
        return Crc32.End(value) == crc;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span, read);
    }

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

    private int Count(Span<byte> buffer, int read)
    {
        if (read > 0)
        {
            _tail ??= new byte[TailCapacity];
            var data = buffer[..Math.Min(read, buffer.Length)];
            if (data.Length > TailCapacity)
            {
                data = data[^TailCapacity..];
            }

            var at = (int)((BytesRead + read - data.Length) % TailCapacity);
            var first = Math.Min(data.Length, TailCapacity - at);
            data[..first].CopyTo(_tail.AsSpan(at));
            data[first..].CopyTo(_tail);
        }

        BytesRead += read;
        return read;
    }
}

/// <summary>CRC-32 (ISO-HDLC, the gzip trailer's checksum), table-driven.</summary>
internal static class Crc32
{
    /// <summary>The running value before any byte.</summary>
    public const uint Begin = 0xFFFFFFFFu;

    private static readonly uint[] Table = CreateTable();

    /// <summary>Extends a running value by some bytes.</summary>
    public static uint Append(uint value, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            value = Table[(value ^ b) & 0xFF] ^ (value >> 8);
        }

        return value;
    }

    /// <summary>The checksum of a running value.</summary>
    public static uint End(uint value) => ~value;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
