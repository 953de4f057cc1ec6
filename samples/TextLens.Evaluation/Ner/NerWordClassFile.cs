using System.Buffers.Binary;
using TextLens.Entities.Recognition;

namespace TextLens.Evaluation.Ner;

/// <summary>
/// The file <c>ner-clusters</c> writes and <c>ner-train --classes</c> reads: magic <c>TLNERCLS</c>, version (int32, 1),
/// word count (int32), then that many (word hash, packed classes) uint32 pairs ascending by hash, little-endian.
/// Holds no text. <c>ner-train</c> copies the table into the model file, which is what ships.
/// </summary>
internal static class NerWordClassFile
{
    private const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "TLNERCLS"u8;

    public static void Write(string path, NerWordClasses classes)
    {
        var bytes = new byte[16 + (classes.Count * 8)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), classes.Count);
        for (var i = 0; i < classes.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16 + (i * 8)), classes.Keys[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20 + (i * 8)), classes.Values[i]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
    }

    /// <exception cref="InvalidDataException">The file is not a word-class file of this version.</exception>
    public static NerWordClasses Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path}: not a word-class file (magic 'TLNERCLS' missing).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (version != Version || count < 0 || bytes.Length != 16 + (count * 8L))
        {
            throw new InvalidDataException($"{path}: version {version} with {count} words in {bytes.Length} bytes; expected version {Version} and 16 + 8 bytes per word.");
        }

        var keys = new uint[count];
        var values = new uint[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16 + (i * 8)));
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20 + (i * 8)));
        }

        try
        {
            return new NerWordClasses(keys, values);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
