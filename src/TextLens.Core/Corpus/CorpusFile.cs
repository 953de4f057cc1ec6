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

    private CorpusFile(FileStream file, Stream content, CountingDecoderFallback? fallback, bool compressed)
    {
        _file = file;
        Content = content;
        TranscodingFallback = fallback;
        IsCompressed = compressed;
    }

    /// <summary>The content as UTF-8 bytes.</summary>
    public Stream Content { get; }

    /// <summary>When the file was transcoded from UTF-16 or UTF-32, counts its invalid sequences (replaced with U+FFFD).</summary>
    public CountingDecoderFallback? TranscodingFallback { get; }

    /// <summary>Whether the file is gzip-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>Bytes of the file read so far (compressed bytes for a compressed file).</summary>
    public long Position => _file.CanSeek ? _file.Position : 0;

    /// <summary>The length of the file.</summary>
    public long Length => _file.Length;

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
            if (compressed)
            {
                await content.DisposeAsync().ConfigureAwait(false);
                file.Position = 0;
                content = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            }
            else
            {
                file.Position = 0;
            }

            if (encoding is null)
            {
                return new CorpusFile(file, content, null, compressed);
            }

            var transcoded = Encoding.CreateTranscodingStream(content, encoding, Encoding.UTF8, leaveOpen: false);
            return new CorpusFile(file, transcoded, fallback, compressed);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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
