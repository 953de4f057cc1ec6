using System.Buffers;

namespace TextLens.Corpus;

/// <summary>What <see cref="Utf8LineReader.ReadLineAsync"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line is in <see cref="Utf8LineReader.Line"/>.</summary>
    Line,

    /// <summary>A line longer than the limit was skipped; <see cref="Utf8LineReader.Line"/> is empty.</summary>
    TooLong,

    /// <summary>The end of the stream.</summary>
    End,
}

/// <summary>
/// Reads lines of UTF-8 bytes from a stream into one pooled buffer that grows to the longest line, so a file of any
/// size is read with memory bounded by its longest line. A line is valid until the next read. Line breaks are
/// <c>\n</c> and <c>\r\n</c>; a UTF-8 byte order mark at the start is skipped.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;      // first byte of the unread data
    private int _end;        // end of the data in the buffer
    private int _scanned;    // bytes after _start already searched for '\n'
    private bool _eof;
    private bool _first = true;

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxLineBytes + 2));
    }

    /// <summary>The current line, without its line break. Valid until the next call to <see cref="ReadLineAsync"/>.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    /// <summary>One-based number of the current line (or of the skipped one).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line.</summary>
    public async ValueTask<LineStatus> ReadLineAsync(CancellationToken cancellationToken)
    {
        Line = ReadOnlyMemory<byte>.Empty;
        var tooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + _scanned + newline;
                var line = new ReadOnlyMemory<byte>(_buffer, _start, lineEnd - _start);
                _start = lineEnd + 1;
                _scanned = 0;
                LineNumber++;
                _first = false;
                if (tooLong)
                {
                    return LineStatus.TooLong;
                }

                Line = Trim(line);
                return LineStatus.Line;
            }

            _scanned = _end - _start;
            if (_eof)
            {
                if (_end == _start && !tooLong)
                {
                    return LineStatus.End;
                }

                var line = new ReadOnlyMemory<byte>(_buffer, _start, _end - _start);
                _start = _end;
                _scanned = 0;
                LineNumber++;
                if (tooLong)
                {
                    return LineStatus.TooLong;
                }

                Line = Trim(line);
                return LineStatus.Line;
            }

            if (_end - _start > _maxLineBytes)
            {
                // Drop what was read of the overlong line and keep reading until its end.
                tooLong = true;
                _start = _end = _scanned = 0;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Move the partial line to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        if (_first && _end - _start >= 3)
        {
            // Nothing has been returned yet, so the unread data starts at the start of the stream.
            _first = false;
            if (_buffer.AsSpan(_start, 3).SequenceEqual(CorpusTextDecoder.Utf8Bom))
            {
                _start += 3;
                _scanned = 0;
            }
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
