using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;

namespace TextLens.Entities.Recognition;

/// <summary>
/// The weights of the averaged-perceptron recognizer. Features are hashed into <c>2^BucketBits</c> buckets (few
/// collisions), but only the buckets the training touched have non-zero weights, so the model keeps those rows alone:
/// sorted bucket ids with <see cref="NerTagSet.Count"/> weights each, quantised to 16-bit integers with one scale.
/// At load they go into an open-addressing table of 32-byte rows (key and nine weights), half full at most, which
/// the tagger probes. Immutable and shared by every thread.
/// </summary>
/// <remarks>
/// File format (little-endian), version 2:
/// <code>
///  0  8  magic "TLNERMDL"
///  8  2  format version (2)
/// 10  1  feature-set version (NerFeatures.Version)
/// 11  1  tag count (9)
/// 12  1  bucket bits
/// 13  1  weight encoding (1: sparse int16 rows, Brotli-compressed)
/// 14  2  reserved (0)
/// 16  4  scale (float32): weight = int16 × scale
/// 20  4  metadata length (UTF-8 "key=value" lines, sorted by key)
/// 24  8  payload length
/// 32 32  SHA-256 of bytes 0..31, the metadata and the payload
/// 64  …  metadata, then payload
/// </code>
/// The payload decompresses to: row count (int32); the bucket ids, ascending, as LEB128 deltas; the low bytes of
/// all row weights, then their high bytes (most weights are small, so the high plane is almost constant); the
/// gazetteer word count (int32) and that many (word hash, type mask) uint32 pairs, ascending by hash; the word-class
/// count (int32) and that many (word hash, packed classes) uint32 pairs, ascending by hash (<see cref="NerWordClasses"/>).
/// Version 1 had no word classes.
/// </remarks>
internal sealed class NerModel
{
    /// <summary>Current file format version.</summary>
    public const int FormatVersion = 2;

    /// <summary>Smallest accepted bucket bits.</summary>
    public const int MinBucketBits = 8;

    /// <summary>Largest accepted bucket bits.</summary>
    public const int MaxBucketBits = 26;

    private const int HeaderSize = 64;
    private const int MaxLexiconWords = 1 << 22;
    private const byte EncodingSparseInt16Brotli = 1;
    private static ReadOnlySpan<byte> Magic => "TLNERMDL"u8;

    private readonly int _rowCount;
    private readonly NerRow[] _table;
    private readonly int _mask;

    /// <summary>Creates a model from its non-zero rows.</summary>
    /// <param name="bucketBits">Bits of the bucket ids.</param>
    /// <param name="buckets">Bucket ids, strictly ascending, each below <c>2^bucketBits</c>.</param>
    /// <param name="rows">Nine quantised weights per bucket id.</param>
    /// <param name="scale">The value of one weight unit.</param>
    /// <param name="metadata">Provenance (one-line values; keys without <c>=</c>).</param>
    /// <param name="lexicon">The gazetteer words the features were trained with.</param>
    /// <param name="wordClasses">The word classes the features were trained with (none when omitted).</param>
    public NerModel(int bucketBits, int[] buckets, short[] rows, float scale, IReadOnlyDictionary<string, string> metadata, NerLexicon lexicon, NerWordClasses? wordClasses = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, MinBucketBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, MaxBucketBits);
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metadata);
        if (rows.Length != buckets.Length * NerTagSet.Count)
        {
            throw new ArgumentException($"Expected {buckets.Length * NerTagSet.Count} weights for {buckets.Length} rows, got {rows.Length}.", nameof(rows));
        }

        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] < 0 || buckets[i] >= 1 << bucketBits || (i > 0 && buckets[i] <= buckets[i - 1]))
            {
                throw new ArgumentException($"Bucket ids must be strictly ascending and below 2^{bucketBits} (position {i}: {buckets[i]}).", nameof(buckets));
            }
        }

        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive finite number.");
        }

        foreach (var (key, value) in metadata)
        {
            if (key.Length == 0 || key.AsSpan().IndexOfAny('=', '\n', '\r') >= 0 || value.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new ArgumentException($"Metadata '{key}' must be a non-empty key without '=' or line breaks, with a one-line value.", nameof(metadata));
            }
        }

        BucketBits = bucketBits;
        Lexicon = lexicon;
        WordClasses = wordClasses ?? NerWordClasses.Empty;
        UsesDocumentHistory = !(metadata.TryGetValue(DocumentHistoryKey, out var history) && history == "false");
        _rowCount = buckets.Length;
        Scale = scale;
        Metadata = new SortedDictionary<string, string>(metadata.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var capacity = 16;
        while (capacity < buckets.Length * 2)
        {
            capacity *= 2;
        }

        _mask = capacity - 1;
        _table = new NerRow[capacity];
        _table.AsSpan().Fill(new NerRow { Key = -1 });
        for (var r = 0; r < buckets.Length; r++)
        {
            var i = buckets[r] & _mask;
            while (_table[i].Key >= 0)
            {
                i = (i + 1) & _mask;
            }

            ref var row = ref _table[i];
            row.Key = buckets[r];
            rows.AsSpan(r * NerTagSet.Count, NerTagSet.Count).CopyTo(row.Weights);
        }
    }

    /// <summary>Bits of the bucket ids.</summary>
    public int BucketBits { get; }

    /// <summary>The shift that turns a 64-bit feature hash into a bucket id.</summary>
    public int Shift => 64 - BucketBits;

    /// <summary>The bucket ids of the non-zero rows, ascending.</summary>
    /// <remarks>Rebuilt from the lookup table on each call (the model keeps the table alone).</remarks>
    public int[] Buckets() => [.. SortedRows().Select(r => r.Key)];

    /// <summary>The weights of the non-zero rows (<c>row * 9 + tag</c>).</summary>
    /// <remarks>Rebuilt from the lookup table on each call.</remarks>
    public short[] Rows()
    {
        var rows = SortedRows();
        var weights = new short[rows.Length * NerTagSet.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            ((ReadOnlySpan<short>)rows[r].Weights).CopyTo(weights.AsSpan(r * NerTagSet.Count));
        }

        return weights;
    }

    /// <summary>Number of non-zero rows.</summary>
    public int RowCount => _rowCount;

    /// <summary>The value of one weight unit.</summary>
    public float Scale { get; }

    /// <summary>The gazetteer words of the gazetteer features.</summary>
    public NerLexicon Lexicon { get; }

    /// <summary>The word classes of the cluster and capitalisation features.</summary>
    public NerWordClasses WordClasses { get; }

    /// <summary>The metadata key that turns the prediction-history features off (<c>false</c>) for a model trained without them.</summary>
    public const string DocumentHistoryKey = "documentHistory";

    /// <summary>Whether the history features see what the same word was tagged earlier in the document (<see cref="NerDocumentMemory"/>).</summary>
    public bool UsesDocumentHistory { get; }

    /// <summary>Provenance: name, version, training data, date, epochs, seed, figures.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Bytes held by the lookup table.</summary>
    public long TableBytes => (long)_table.Length * Unsafe.SizeOf<NerRow>();

    /// <summary>A metadata value or <paramref name="fallback"/>.</summary>
    public string Meta(string key, string fallback = "") => Metadata.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>The row of a bucket, or a null reference when the bucket has no weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly NerRow Find(int bucket)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        var i = bucket & _mask;
        while (true)
        {
            ref var row = ref Unsafe.Add(ref table, i);
            if (row.Key == bucket)
            {
                return ref row;
            }

            if (row.Key < 0)
            {
                return ref Unsafe.NullRef<NerRow>();
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// Reads the home slot of every bucket without branching on the result: the loads are independent, so their cache
    /// misses overlap; the lookups that follow then hit the cache instead of waiting on each miss in turn.
    /// </summary>
    internal int Touch(ReadOnlySpan<int> buckets)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        var mask = _mask;
        var sum = 0;
        foreach (var b in buckets)
        {
            sum ^= Unsafe.Add(ref table, b & mask).Key;
        }

        return sum;
    }

    /// <summary>Adds the rows of <paramref name="buckets"/> (absent ones count zero) to nine scores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Score(ReadOnlySpan<int> buckets, Span<int> scores)
    {
        if (scores.Length < NerTagSet.Count)
        {
            throw new ArgumentException("Nine scores are required.", nameof(scores));
        }

        ref var s = ref MemoryMarshal.GetReference(scores);
        var acc = Vector256.LoadUnsafe(ref s);
        var last = Unsafe.Add(ref s, 8);
        foreach (var b in buckets)
        {
            ref readonly var row = ref Find(b);
            if (Unsafe.IsNullRef(in row))
            {
                continue;
            }

            ref var w = ref Unsafe.As<NerRowWeights, short>(ref Unsafe.AsRef(in row.Weights));
            var eight = Vector128.LoadUnsafe(ref w);
            if (Avx2.IsSupported)
            {
                acc += Avx2.ConvertToVector256Int32(eight);
            }
            else
            {
                var (lo, hi) = Vector128.Widen(eight);
                acc += Vector256.Create(lo, hi);
            }

            last += Unsafe.Add(ref w, 8);
        }

        acc.StoreUnsafe(ref s);
        Unsafe.Add(ref s, 8) = last;
    }

    private NerRow[] SortedRows()
    {
        var rows = Array.FindAll(_table, r => r.Key >= 0);
        Array.Sort(rows, static (a, b) => a.Key.CompareTo(b.Key));
        return rows;
    }

    /// <summary>The weights of a bucket (zeros when absent), for tests.</summary>
    internal short[] WeightsOf(int bucket)
    {
        ref readonly var row = ref Find(bucket);
        return Unsafe.IsNullRef(in row) ? new short[NerTagSet.Count] : ((ReadOnlySpan<short>)row.Weights).ToArray();
    }

    /// <summary>The same weights with other metadata.</summary>
    public NerModel WithMetadata(IReadOnlyDictionary<string, string> metadata) => new(BucketBits, Buckets(), Rows(), Scale, metadata, Lexicon, WordClasses);

    /// <summary>
    /// Quantises a dense float table (<c>2^bucketBits</c> rows of nine) to 16-bit integers with one scale (the largest
    /// magnitude maps to 32767) and keeps the rows with a non-zero weight. Weights whose magnitude is below
    /// <paramref name="pruneBelow"/> become zero first, which shrinks the model.
    /// </summary>
    public static NerModel Quantize(int bucketBits, ReadOnlySpan<float> dense, IReadOnlyDictionary<string, string> metadata, NerLexicon lexicon, float pruneBelow = 0, NerWordClasses? wordClasses = null)
    {
        if (dense.Length != (1 << bucketBits) * NerTagSet.Count)
        {
            throw new ArgumentException($"Expected {(1 << bucketBits) * NerTagSet.Count} weights for {bucketBits} bucket bits, got {dense.Length}.", nameof(dense));
        }

        var max = 0f;
        foreach (var w in dense)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        var buckets = new List<int>();
        var rows = new List<short>();
        Span<short> q = stackalloc short[NerTagSet.Count];
        for (var b = 0; b < 1 << bucketBits; b++)
        {
            var any = false;
            for (var t = 0; t < NerTagSet.Count; t++)
            {
                var w = dense[(b * NerTagSet.Count) + t];
                q[t] = Math.Abs(w) < pruneBelow ? (short)0 : (short)Math.Clamp(MathF.Round(w / scale), -short.MaxValue, short.MaxValue);
                any |= q[t] != 0;
            }

            if (any)
            {
                buckets.Add(b);
                foreach (var v in q)
                {
                    rows.Add(v);
                }
            }
        }

        return new NerModel(bucketBits, [.. buckets], [.. rows], scale, metadata, lexicon, wordClasses);
    }

    /// <summary>Writes the model in the file format described on the class.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sb = new StringBuilder();
        foreach (var (key, value) in Metadata)
        {
            sb.Append(key).Append('=').Append(value).Append('\n');
        }

        var metadata = Encoding.UTF8.GetBytes(sb.ToString());
        var payload = EncodePayload(Buckets(), Rows(), Lexicon, WordClasses);
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), FormatVersion);
        header[10] = NerFeatures.Version;
        header[11] = NerTagSet.Count;
        header[12] = (byte)BucketBits;
        header[13] = EncodingSparseInt16Brotli;
        BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(16), Scale);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), metadata.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), payload.Length);
        Checksum(header, metadata, payload).CopyTo(header.AsSpan(32));
        stream.Write(header);
        stream.Write(metadata);
        stream.Write(payload);
    }

    /// <summary>The model as file bytes.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        Write(ms);
        return ms.ToArray();
    }

    /// <summary>Reads a model, verifying magic number, versions, lengths and checksum.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="origin">Where the bytes came from, for error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are not a valid model of a version this library reads.</exception>
    public static NerModel Read(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.Length < HeaderSize)
        {
            throw Invalid(origin, bytes.Length >= Magic.Length && bytes[..Magic.Length].SequenceEqual(Magic)
                ? $"truncated: {bytes.Length} bytes, shorter than the {HeaderSize}-byte header"
                : "not a TextLens NER model (file too short and no 'TLNERMDL' magic number)");
        }

        if (!bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Invalid(origin, "not a TextLens NER model (magic number 'TLNERMDL' missing)");
        }

        var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (format != FormatVersion)
        {
            throw Invalid(origin, $"format version {format}; this library reads version {FormatVersion}");
        }

        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes[16..]);
        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes[24..]);
        if (metadataLength < 0 || payloadLength < 0 || HeaderSize + (long)metadataLength + payloadLength > bytes.Length)
        {
            throw Invalid(origin, $"truncated: header announces {metadataLength} metadata and {payloadLength} payload bytes, the file has {bytes.Length - HeaderSize} after the header");
        }

        if (HeaderSize + metadataLength + payloadLength != bytes.Length)
        {
            throw Invalid(origin, $"{bytes.Length - HeaderSize - metadataLength - payloadLength} unexpected bytes after the payload");
        }

        var metadata = bytes.Slice(HeaderSize, metadataLength);
        var payload = bytes.Slice(HeaderSize + metadataLength, (int)payloadLength);
        Span<byte> header = stackalloc byte[HeaderSize];
        bytes[..HeaderSize].CopyTo(header);
        header[32..].Clear();
        if (!Checksum(header, metadata, payload).AsSpan().SequenceEqual(bytes.Slice(32, 32)))
        {
            throw Invalid(origin, "checksum mismatch: the file is corrupted");
        }

        if (bytes[10] != NerFeatures.Version)
        {
            throw Invalid(origin, $"trained with feature set version {bytes[10]}; this library computes version {NerFeatures.Version} (retrain the model)");
        }

        if (bytes[11] != NerTagSet.Count)
        {
            throw Invalid(origin, $"{bytes[11]} tags; expected {NerTagSet.Count}");
        }

        int bits = bytes[12];
        if (bits is < MinBucketBits or > MaxBucketBits)
        {
            throw Invalid(origin, $"bucket bits {bits} outside {MinBucketBits}..{MaxBucketBits}");
        }

        if (bytes[13] != EncodingSparseInt16Brotli)
        {
            throw Invalid(origin, $"unknown weight encoding {bytes[13]}");
        }

        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw Invalid(origin, $"invalid scale {scale.ToString(CultureInfo.InvariantCulture)}");
        }

        var (buckets, rows, lexicon, classes) = DecodePayload(payload, bits, origin);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(metadata).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Invalid(origin, $"malformed metadata line '{line}'");
            }

            meta[line[..eq]] = line[(eq + 1)..];
        }

        return new NerModel(bits, buckets, rows, scale, meta, lexicon, classes);
    }

    private static InvalidDataException Invalid(string origin, string why) => new($"NER model '{origin}' is invalid: {why}.");

    private static byte[] Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> payload)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> h = stackalloc byte[HeaderSize];
        header[..HeaderSize].CopyTo(h);
        h[32..].Clear();
        sha.AppendData(h);
        sha.AppendData(metadata);
        sha.AppendData(payload);
        return sha.GetHashAndReset();
    }

    private static byte[] EncodePayload(int[] buckets, short[] rows, NerLexicon lexicon, NerWordClasses classes)
    {
        var raw = new MemoryStream();
        Span<byte> buffer = stackalloc byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, buckets.Length);
        raw.Write(buffer[..4]);
        var previous = -1;
        foreach (var b in buckets)
        {
            var delta = (uint)(b - previous);
            var n = 0;
            while (delta >= 0x80)
            {
                buffer[n++] = (byte)(delta | 0x80);
                delta >>= 7;
            }

            buffer[n++] = (byte)delta;
            raw.Write(buffer[..n]);
            previous = b;
        }

        foreach (var w in rows)
        {
            raw.WriteByte((byte)w);
        }

        foreach (var w in rows)
        {
            raw.WriteByte((byte)((ushort)w >> 8));
        }

        BinaryPrimitives.WriteInt32LittleEndian(buffer, lexicon.Count);
        raw.Write(buffer[..4]);
        for (var i = 0; i < lexicon.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, lexicon.Keys[i]);
            raw.Write(buffer[..4]);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, lexicon.Masks[i]);
            raw.Write(buffer[..4]);
        }

        BinaryPrimitives.WriteInt32LittleEndian(buffer, classes.Count);
        raw.Write(buffer[..4]);
        for (var i = 0; i < classes.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, classes.Keys[i]);
            raw.Write(buffer[..4]);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, classes.Values[i]);
            raw.Write(buffer[..4]);
        }

        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(brotli);
        }

        return output.ToArray();
    }

    private static (int[] Buckets, short[] Rows, NerLexicon Lexicon, NerWordClasses Classes) DecodePayload(ReadOnlySpan<byte> payload, int bits, string origin)
    {
        // Decompress, refusing anything larger than the densest model of this size (and a large lexicon) could be.
        var limit = 4L + ((1L << bits) * (5 + (2 * NerTagSet.Count))) + 8 + (2 * MaxLexiconWords * 8L);
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress))
        {
            var chunk = new byte[81920];
            int read;
            try
            {
                while ((read = brotli.Read(chunk)) > 0)
                {
                    output.Write(chunk, 0, read);
                    if (output.Length > limit)
                    {
                        throw Invalid(origin, "the weight payload decompresses to more than the bucket bits allow");
                    }
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidDataException($"NER model '{origin}' is invalid: the weight payload is not valid Brotli data.", ex);
            }
        }

        var data = output.GetBuffer().AsSpan(0, (int)output.Length);
        if (data.Length < 4)
        {
            throw Invalid(origin, "the weight payload is empty");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (count < 0 || count > 1 << bits)
        {
            throw Invalid(origin, $"row count {count} out of range");
        }

        var buckets = new int[count];
        var pos = 4;
        long previous = -1;
        for (var r = 0; r < count; r++)
        {
            uint delta = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (pos >= data.Length || shift > 28)
                {
                    throw Invalid(origin, "the bucket ids are malformed");
                }

                var b = data[pos++];
                delta |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            previous += delta;
            if (delta == 0 || previous >= 1L << bits)
            {
                throw Invalid(origin, "the bucket ids are not strictly ascending below 2^bits");
            }

            buckets[r] = (int)previous;
        }

        var weights = count * NerTagSet.Count;
        if (data.Length - pos < (2 * weights) + 4)
        {
            throw Invalid(origin, $"the weight payload holds {data.Length - pos} bytes after the bucket ids, fewer than the {(2 * weights) + 4} its {count} rows need");
        }

        var rows = new short[weights];
        for (var i = 0; i < weights; i++)
        {
            rows[i] = (short)(data[pos + i] | (data[pos + weights + i] << 8));
        }

        pos += 2 * weights;
        var (keys, masks) = ReadPairs(data, ref pos, "lexicon", origin);
        var (classKeys, classValues) = ReadPairs(data, ref pos, "word-class", origin);
        if (pos != data.Length)
        {
            throw Invalid(origin, $"{data.Length - pos} unexpected bytes after the word classes");
        }

        try
        {
            return (buckets, rows, new NerLexicon(keys, masks), new NerWordClasses(classKeys, classValues));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"NER model '{origin}' is invalid: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a count and that many (uint32, uint32) pairs.</summary>
    private static (uint[] Keys, uint[] Values) ReadPairs(ReadOnlySpan<byte> data, ref int pos, string section, string origin)
    {
        if (data.Length - pos < 4)
        {
            throw Invalid(origin, $"the {section} section is missing");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
        pos += 4;
        if (count < 0 || count > MaxLexiconWords || data.Length - pos < count * 8L)
        {
            throw Invalid(origin, $"the {section} section announces {count} words but holds {data.Length - pos} bytes");
        }

        var keys = new uint[count];
        var values = new uint[count];
        for (var i = 0; i < count; i++, pos += 8)
        {
            keys[i] = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]);
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
        }

        return (keys, values);
    }
}

/// <summary>One row of the lookup table: a bucket id (-1 when empty) and its nine weights; 32 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
internal struct NerRow
{
    public int Key;
    public NerRowWeights Weights;
}

/// <summary>The nine weights of a row.</summary>
[InlineArray(NerTagSet.Count)]
internal struct NerRowWeights
{
    private short _element;
}
