using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using TextLens.Entities.Recognition;
using static TextLens.Tests.Entities.Recognition.NerTestData;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>The model file: round trip, and clear errors for anything that is not an intact model.</summary>
public sealed class NerModelFileTests
{
    private static readonly NerModel Tiny = TrainModel();
    private static readonly byte[] TinyBytes = Tiny.ToBytes();

    [Fact]
    public void Written_model_reads_back_with_equal_weights_lexicon_and_metadata()
    {
        var read = NerModel.Read(TinyBytes, "round-trip");
        Assert.True(Tiny.RowCount > 0);
        Assert.Equal(Tiny.BucketBits, read.BucketBits);
        Assert.Equal(Tiny.Scale, read.Scale);
        Assert.Equal(Tiny.Buckets(), read.Buckets());
        Assert.Equal(Tiny.Rows(), read.Rows());
        Assert.Equal(Tiny.Lexicon.Keys.ToArray(), read.Lexicon.Keys.ToArray());
        Assert.Equal(Tiny.Lexicon.Masks.ToArray(), read.Lexicon.Masks.ToArray());
        Assert.Equal(Tiny.Metadata, read.Metadata);
        for (var b = 0; b < 1 << Tiny.BucketBits; b++)
        {
            Assert.Equal(Tiny.WeightsOf(b), read.WeightsOf(b));
        }

        Assert.Equal(TinyBytes, read.ToBytes());
    }

    [Fact]
    public void The_shipped_model_is_a_sparse_table_with_its_gazetteer_words()
    {
        // Re-encoding the shipped model takes seconds (Brotli at its smallest setting), so it is only inspected here.
        var shipped = StatisticalEntityRecognizer.LoadDefault().Model;
        Assert.Equal(22, shipped.BucketBits);
        Assert.InRange(shipped.RowCount, 50_000, 400_000);
        Assert.True(shipped.TableBytes >= shipped.RowCount * 2L * 32);
        Assert.InRange(shipped.Lexicon.Count, 1000, 10_000);
        Assert.NotEqual(0u, shipped.Lexicon.MaskOf(NerFeatures.LowerAtom("Azerbaijan")));
    }

    [Fact]
    public void Quantisation_keeps_weights_within_half_a_unit()
    {
        var trainer = Train();
        var dense = trainer.AveragedWeights();
        var model = trainer.ToModel(new Dictionary<string, string>());
        for (var b = 0; b < 1 << model.BucketBits; b++)
        {
            var q = model.WeightsOf(b);
            for (var t = 0; t < NerTagSet.Count; t++)
            {
                Assert.InRange(dense[(b * NerTagSet.Count) + t] - (q[t] * model.Scale), -0.51 * model.Scale, 0.51 * model.Scale);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(63)]
    public void A_file_shorter_than_the_header_is_refused(int length)
    {
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(TinyBytes.AsSpan(0, length), "short.bin"));
        Assert.Contains("short.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains(length >= 8 ? "truncated" : "not a TextLens NER model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        foreach (var cut in new[] { 64, TinyBytes.Length / 2, TinyBytes.Length - 1 })
        {
            var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(TinyBytes.AsSpan(0, cut), "cut.bin"));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bytes_after_the_payload_are_refused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read([.. TinyBytes, 0], "long.bin"));
        Assert.Contains("1 unexpected bytes after the payload", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_magic_number_is_refused()
    {
        var bytes = (byte[])TinyBytes.Clone();
        bytes[0] = (byte)'X';
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(bytes, "other.bin"));
        Assert.Contains("magic number", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => NerModel.Read("{\"not\": \"a model\"} padded to more than sixty-four bytes......."u8, "json"));
    }

    [Fact]
    public void A_newer_format_version_is_refused()
    {
        var bytes = (byte[])TinyBytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), NerModel.FormatVersion + 1);
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(bytes, "v3.bin"));
        Assert.Contains($"format version {NerModel.FormatVersion + 1}; this library reads version {NerModel.FormatVersion}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_file_without_word_classes_is_refused()
    {
        var bytes = (byte[])TinyBytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1);
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(bytes, "v1.bin"));
        Assert.Equal("NER model 'v1.bin' is invalid: format version 1; this library reads version 2.", ex.Message);
    }

    [Fact]
    public void A_model_of_another_feature_set_is_refused_even_with_a_valid_checksum()
    {
        var bytes = (byte[])TinyBytes.Clone();
        bytes[10] = NerFeatures.Version + 1;
        Reseal(bytes);
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(bytes, "features.bin"));
        Assert.Contains($"feature set version {NerFeatures.Version + 1}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_bit_anywhere_after_the_magic_and_version_fails_with_a_clear_error() =>
        Prop.ForAll(Arb.From(Gen.Choose(10, TinyBytes.Length - 1)), Arb.From(Gen.Choose(0, 7)), (position, bit) =>
        {
            var bytes = (byte[])TinyBytes.Clone();
            bytes[position] ^= (byte)(1 << bit);
            var ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(bytes, "flipped.bin"));
            return ex.Message.StartsWith("NER model 'flipped.bin' is invalid: ", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_resealed_but_garbled_payload_fails_with_a_clear_error() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 1000)), Arb.From(Gen.Choose(1, 255)), (offset, value) =>
        {
            var bytes = (byte[])TinyBytes.Clone();
            var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20));
            var payloadStart = 64 + metadataLength;
            var position = payloadStart + (offset % (bytes.Length - payloadStart));
            bytes[position] ^= (byte)value;
            Reseal(bytes);
            try
            {
                // A change Brotli cannot notice may still decode to a valid model: that is fine, it must not crash.
                NerModel.Read(bytes, "garbled.bin");
                return true;
            }
            catch (InvalidDataException ex)
            {
                return ex.Message.StartsWith("NER model 'garbled.bin' is invalid: ", StringComparison.Ordinal);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Loading_a_corrupt_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-ner-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllBytes(path, TinyBytes.AsSpan(0, TinyBytes.Length - 10).ToArray());
            var ex = Assert.Throws<InvalidDataException>(() => StatisticalEntityRecognizer.Load(path));
            Assert.Contains(Path.GetFullPath(path), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Metadata_must_be_one_line_key_value_pairs()
    {
        Assert.Throws<ArgumentException>(() => Tiny.WithMetadata(new Dictionary<string, string> { ["a=b"] = "c" }));
        Assert.Throws<ArgumentException>(() => Tiny.WithMetadata(new Dictionary<string, string> { ["a"] = "two\nlines" }));
        Assert.Equal("x y", Tiny.WithMetadata(new Dictionary<string, string> { ["k"] = "x y" }).Meta("k"));
    }

    /// <summary>Recomputes the header checksum the way the writer does.</summary>
    private static void Reseal(byte[] bytes)
    {
        bytes.AsSpan(32, 32).Clear();
        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes, 0, 64);
        sha.AppendData(bytes, 64, bytes.Length - 64);
        _ = metadataLength;
        sha.GetHashAndReset().CopyTo(bytes, 32);
    }
}
