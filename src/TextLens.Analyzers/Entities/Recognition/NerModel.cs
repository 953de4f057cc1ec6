using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace TextLens.Analyzers.Entities.Recognition;

/// <summary>
/// The weights of the averaged-perceptron recognizer: a table of <c>2^BucketBits</c> rows (hashed features) by
/// <see cref="NerTagSet.Count"/> tags, quantised to 16-bit integers with one scale, plus provenance metadata.
/// Immutable and shared by every thread.
/// </summary>
/// <remarks>
/// File format (little-endian), version 1:
/// <code>
///  0  8  magic "TLNERMDL"
///  8  2  format version (1)
/// 10  1  feature-set version (NerFeatures.Version)
/// 11  1  tag count (9)
/// 12  1  bucket bits
/// 13  1  weight encoding (1: int16 rows, split into low/high byte planes, Brotli-compressed)
/// 14  2  reserved (0)
/// 16  4  scale (float32): weight = int16 × scale
/// 20  4  metadata length (UTF-8 "key=value" lines)
/// 24  8  payload length
/// 32 32  SHA-256 of bytes 0..31, the metadata and the payload
/// 64  …  metadata, then payload
/// </code>
/// </remarks>
internal sealed class NerModel
{
    /// <summary>Current file format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Smallest accepted bucket bits.</summary>
    public const int MinBucketBits = 8;

    /// <summary>Largest accepted bucket bits.</summary>
    public const int MaxBucketBits = 24;

    private const int HeaderSize = 64;
    private const byte EncodingInt16BrotliPlanes = 1;
    private static ReadOnlySpan<byte> Magic => "TLNERMDL"u8;

    private readonly short[] _weights;

    /// <summary>Creates a model from quantised weights.</summary>
    public NerModel(int bucketBits, short[] weights, float scale, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, MinBucketBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, MaxBucketBits);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(metadata);
        if (weights.Length != (1 << bucketBits) * NerTagSet.Count)
        {
            throw new ArgumentException($"Expected {(1 << bucketBits) * NerTagSet.Count} weights for {bucketBits} bucket bits, got {weights.Length}.", nameof(weights));
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
        _weights = weights;
        Scale = scale;
        Metadata = new SortedDictionary<string, string>(metadata.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Bits of the bucket index: the table has <c>2^BucketBits</c> rows.</summary>
    public int BucketBits { get; }

    /// <summary>The shift that turns a 64-bit feature hash into a bucket.</summary>
    public int Shift => 64 - BucketBits;

    /// <summary>The weights, row-major (<c>bucket * 9 + tag</c>).</summary>
    public ReadOnlySpan<short> Weights => _weights;

    /// <summary>The weights array itself, for the tagger's unchecked reads. Never written.</summary>
    internal short[] WeightArray => _weights;

    /// <summary>The value of one weight unit.</summary>
    public float Scale { get; }

    /// <summary>Provenance: name, version, training data, date, epochs, seed, figures.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>A metadata value or <paramref name="fallback"/>.</summary>
    public string Meta(string key, string fallback = "") => Metadata.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>
    /// Quantises float weights to 16-bit integers with one scale (the largest magnitude maps to 32767); weights whose
    /// magnitude is below <paramref name="pruneBelow"/> become zero, which shrinks the file.
    /// </summary>
    public static NerModel Quantize(int bucketBits, ReadOnlySpan<float> weights, IReadOnlyDictionary<string, string> metadata, float pruneBelow = 0)
    {
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        var q = new short[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            q[i] = Math.Abs(w) < pruneBelow ? (short)0 : (short)Math.Clamp(MathF.Round(w / scale), -short.MaxValue, short.MaxValue);
        }

        return new NerModel(bucketBits, q, scale, metadata);
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
        var payload = EncodePayload(_weights);
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), FormatVersion);
        header[10] = NerFeatures.Version;
        header[11] = NerTagSet.Count;
        header[12] = (byte)BucketBits;
        header[13] = EncodingInt16BrotliPlanes;
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

        if (bytes[13] != EncodingInt16BrotliPlanes)
        {
            throw Invalid(origin, $"unknown weight encoding {bytes[13]}");
        }

        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw Invalid(origin, $"invalid scale {scale.ToString(CultureInfo.InvariantCulture)}");
        }

        var weights = DecodePayload(payload, (1 << bits) * NerTagSet.Count, origin);
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

        return new NerModel(bits, weights, scale, meta);
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

    // The low bytes of every weight, then the high bytes: most weights are small, so the high plane is nearly all
    // 0x00/0xFF and compresses to almost nothing.
    private static byte[] EncodePayload(short[] weights)
    {
        var planes = new byte[weights.Length * 2];
        for (var i = 0; i < weights.Length; i++)
        {
            var w = (ushort)weights[i];
            planes[i] = (byte)w;
            planes[weights.Length + i] = (byte)(w >> 8);
        }

        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(planes);
        }

        return output.ToArray();
    }

    private static short[] DecodePayload(ReadOnlySpan<byte> payload, int count, string origin)
    {
        var planes = new byte[count * 2];
        var status = BrotliDecoder.TryDecompress(payload, planes, out var written);
        if (!status || written != planes.Length)
        {
            throw Invalid(origin, $"the weight payload does not decompress to {planes.Length} bytes");
        }

        var weights = new short[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = (short)(planes[i] | (planes[count + i] << 8));
        }

        return weights;
    }
}
