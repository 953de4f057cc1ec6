using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TextLens.Corpus;

namespace TextLens.Benchmarks.Reading;

/// <summary>
/// Corpus readers: every document of <see cref="BenchmarkCorpus.Instance"/> written once in <see cref="Setup"/> to a
/// temporary folder in four formats (same documents, same text, same metadata: id, outlet, date, title), then read
/// back with <see cref="CorpusSources"/> — decoding, JSON/CSV parsing, metadata mapping and date parsing included.
/// One operation reads the whole corpus and sums the characters of its texts. The files stay in the page cache
/// after the first read, so this measures the readers, not the disk. <c>JsonLines</c> is the baseline.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CorpusReadingBenchmarks
{
    private string _folder = "";
    private string _jsonl = "";
    private string _jsonlGz = "";
    private string _csv = "";
    private string _directory = "";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchmarkCorpus.Instance;
        _folder = Path.Combine(Path.GetTempPath(), "textlens-bench-reading-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _jsonl = Path.Combine(_folder, "corpus.jsonl");
        _jsonlGz = Path.Combine(_folder, "corpus.jsonl.gz");
        _csv = Path.Combine(_folder, "corpus.csv");
        _directory = Path.Combine(_folder, "corpus");
        WriteJsonLines(corpus.Documents, _jsonl);
        using (var input = File.OpenRead(_jsonl))
        using (var output = new GZipStream(File.Create(_jsonlGz), CompressionLevel.Optimal))
        {
            input.CopyTo(output);
        }

        WriteCsv(corpus.Documents, _csv);
        WriteDirectory(corpus.Documents, _directory);

        // Every format must yield the same documents and characters, or the comparison is unfair.
        var expected = (corpus.Documents.Length, corpus.TotalChars);
        foreach (var (name, read) in new (string, Func<Task<(int, long)>>)[] { ("jsonl", JsonLines), ("jsonl.gz", JsonLinesGzip), ("csv", Csv), ("directory", Folder) })
        {
            var got = read().GetAwaiter().GetResult();
            if (got != expected)
            {
                throw new InvalidOperationException($"{name}: read {got.Item1} documents / {got.Item2} chars, expected {expected.Item1} / {expected.Item2}.");
            }
        }

        Console.WriteLine($"// Corpus: {corpus}; files in {_folder}: jsonl {Size(_jsonl)}, jsonl.gz {Size(_jsonlGz)}, csv {Size(_csv)}, " +
            $"directory {corpus.Documents.Length} files");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<(int, long)> JsonLines() => ReadAsync(CorpusSources.JsonLines(_jsonl));

    [Benchmark]
    public Task<(int, long)> JsonLinesGzip() => ReadAsync(CorpusSources.JsonLines(_jsonlGz));

    [Benchmark]
    public Task<(int, long)> Csv() => ReadAsync(CorpusSources.Csv(_csv));

    [Benchmark]
    public Task<(int, long)> Folder() => ReadAsync(CorpusSources.Directory(_directory));

    private static async Task<(int Documents, long Chars)> ReadAsync(ICorpusSource source)
    {
        var documents = 0;
        var chars = 0L;
        await foreach (var record in source.ReadAsync())
        {
            if (record.Document is { } d)
            {
                documents++;
                chars += d.Text.Length;
            }
        }

        return (documents, chars);
    }

    private static string Size(string path) => string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length / 1048576.0:F1} MB");

    private static string? Date(TextDocument d) => d.Metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteJsonLines(TextDocument[] documents, string path)
    {
        using var stream = File.Create(path);
        foreach (var d in documents)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("outlet", d.Metadata.Outlet);
                json.WriteString("date", Date(d));
                json.WriteString("title", d.Metadata.Title);
                json.WriteString("text", d.Text);
                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteCsv(TextDocument[] documents, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("id,outlet,date,title,text\n");
        foreach (var d in documents)
        {
            writer.Write(string.Join(',', Quote(d.Id), Quote(d.Metadata.Outlet), Quote(Date(d)), Quote(d.Metadata.Title), Quote(d.Text)));
            writer.Write('\n');
        }
    }

    private static string Quote(string? field) => "\"" + (field ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void WriteDirectory(TextDocument[] documents, string folder)
    {
        Directory.CreateDirectory(folder);
        var metadata = new StringBuilder("file,id,outlet,date,title\n");
        for (var i = 0; i < documents.Length; i++)
        {
            var d = documents[i];
            var group = (d.Metadata.Outlet ?? "unknown").ToLowerInvariant().Replace(' ', '-');
            var file = string.Create(CultureInfo.InvariantCulture, $"{group}/{i:D6}.txt");
            Directory.CreateDirectory(Path.Combine(folder, group));
            File.WriteAllText(Path.Combine(folder, file), d.Text, new UTF8Encoding(false));
            metadata.Append(string.Join(',', Quote(file), Quote(d.Id), Quote(d.Metadata.Outlet), Quote(Date(d)), Quote(d.Metadata.Title))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "metadata.csv"), metadata.ToString(), new UTF8Encoding(false));
    }
}
