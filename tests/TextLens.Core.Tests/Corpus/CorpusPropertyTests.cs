using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace TextLens.Tests.Corpus;

public sealed class CorpusPropertyTests : IDisposable
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MMMM d, yyyy", "d MMM yyyy", "M/d/yyyy", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ssZ"];

    private readonly TempCorpusDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void JsonLines_RandomMetadata_RoundTrips()
    {
        var anyText = ArbMap.Default.ArbFor<string>().Generator
            .Where(s => s is not null && CorpusTextDecoderTests.IsValidUtf16(s));
        var roleText = anyText.Where(s => !string.IsNullOrWhiteSpace(s));
        var name = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_0123456789".ToCharArray())
            .ArrayOf().Where(c => c.Length is > 0 and < 12).Select(c => "x_" + new string(c));
        var extras = Gen.Zip(name, anyText).ListOf()
            .Select(fields => fields.DistinctBy(f => f.Item1, StringComparer.OrdinalIgnoreCase).ToList());
        var date = Gen.Zip(Gen.Choose(0, 365 * 100), Gen.Elements(DateFormats))
            .Select(d => (Date: new DateOnly(1950, 1, 1).AddDays(d.Item1), Format: d.Item2));
        var record =
            from id in roleText
            from text in roleText
            from outlet in roleText
            from title in roleText
            from url in roleText
            from language in roleText
            from published in date
            from fields in extras
            from relaxed in Gen.Elements(true, false)
            select new GeneratedRecord(id, text, outlet, title, url, language, published.Date, published.Format, fields, relaxed);

        Prop.ForAll(record.ToArbitrary(), generated =>
        {
            var path = _dir["round-trip.jsonl"];
            File.WriteAllBytes(path, generated.ToJsonLine());

            var contents = CorpusContents.ReadAsync(CorpusSources.JsonLines(path)).GetAwaiter().GetResult();

            var document = Assert.Single(contents.Documents);
            Assert.Empty(contents.Errors);
            Assert.Equal(generated.Id, document.Id);
            Assert.Equal(generated.Text, document.Text);
            Assert.Equal(generated.Outlet, document.Metadata.Outlet);
            Assert.Equal(generated.Title, document.Metadata.Title);
            Assert.Equal(generated.Url, document.Metadata.Url);
            Assert.Equal(generated.Language, document.Metadata.Language);
            Assert.Equal(generated.Date, document.Metadata.Date);
            Assert.Equal(generated.RawDate, document.Metadata.RawDate);
            Assert.Equal(generated.Fields.ToDictionary(f => f.Name, f => f.Value), document.Metadata.Fields);
            Assert.Equal(DocumentIssues.None, document.Issues & ~DocumentIssues.ControlCharacters);
            Assert.Equal(CorpusTextDecoder.HasControlCharacters(generated.Text), document.Issues.HasFlag(DocumentIssues.ControlCharacters));
        }).QuickCheckThrowOnFailure();
    }

    private sealed record GeneratedRecord(
        string Id, string Text, string Outlet, string Title, string Url, string Language, DateOnly Date, string DateFormat,
        List<(string Name, string Value)> Fields, bool RelaxedEscaping)
    {
        public string RawDate => DateFormat.Contains('T', StringComparison.Ordinal)
            ? Date.ToDateTime(new TimeOnly(10, 15)).ToString(DateFormat, CultureInfo.InvariantCulture)
            : Date.ToString(DateFormat, CultureInfo.InvariantCulture);

        public byte[] ToJsonLine()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = RelaxedEscaping ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
            }))
            {
                writer.WriteStartObject();
                foreach (var (field, value) in Fields)
                {
                    writer.WriteString(field, value);
                }

                writer.WriteString("id", Id);
                writer.WriteString("outlet", Outlet);
                writer.WriteString("title", Title);
                writer.WriteString("url", Url);
                writer.WriteString("language", Language);
                writer.WriteString("date", RawDate);
                writer.WriteString("text", Text);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }
    }
}
