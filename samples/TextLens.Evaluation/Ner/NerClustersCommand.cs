using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text.Json;
using TextLens.Entities.Recognition;
using TextLens.Text;

namespace TextLens.Evaluation.Ner;

/// <summary>
/// <c>ner-clusters</c>: induces the recognizer's word classes from unlabelled news (BBC, Ukraine war, AllSides in
/// <c>../shared/data</c>; no CoNLL text). Distributional clusters in the manner of Lin and Wu (2009): each frequent
/// word (lower-cased, digits as 0) is described by its left and right neighbours among the most frequent words,
/// weighted by positive pointwise mutual information (context distribution smoothed with exponent 0.75), normalised,
/// randomly projected to a few hundred dimensions and grouped by spherical k-means into fine clusters; the fine
/// centroids are grouped again into middle and coarse clusters, a hierarchy like the prefixes of Brown clusters.
/// With each word goes how often it is written capitalised inside a sentence. Deterministic for a seed; the file
/// holds word hashes and class numbers only.
/// </summary>
internal sealed class NerClustersCommand : IEvaluationCommand
{
    private const uint Boundary = 0;

    public string Name => "ner-clusters";

    public string Description =>
        "Induce word classes from unlabelled news for the NER model (--out, --sources bbc,ukraine,allsides, --max-docs N, --min-count 10, --vocabulary 60000, --contexts 800, --fine 512 --middle 128 --coarse 32, --dims 128, --iterations 12, --seed 1)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var cl = NerCommandLine.Parse(args, "out", "sources", "max-docs", "min-count", "vocabulary", "contexts", "fine", "middle", "coarse", "dims", "iterations", "seed");
        var outPath = cl["out"] ?? Path.Combine("artifacts", "ner", "news-word-classes.bin");
        var sources = (cl["sources"] ?? "bbc,ukraine,allsides").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var maxDocs = cl.Int("max-docs", int.MaxValue);
        var minCount = cl.Int("min-count", 10);
        var vocabularySize = cl.Int("vocabulary", 60000);
        var contextCount = cl.Int("contexts", 800);
        var fine = cl.Int("fine", 512);
        var middle = cl.Int("middle", 128);
        var coarse = cl.Int("coarse", 32);
        var dims = cl.Int("dims", 128);
        var iterations = cl.Int("iterations", 12);
        var seed = (ulong)cl.Int("seed", 1);
        if (fine > NerWordClasses.MaxFine || middle > NerWordClasses.MaxMiddle || coarse > NerWordClasses.MaxCoarse || coarse > middle || middle > fine)
        {
            throw new ArgumentException($"Cluster counts must satisfy coarse <= middle <= fine, fine <= {NerWordClasses.MaxFine}, middle <= {NerWordClasses.MaxMiddle}, coarse <= {NerWordClasses.MaxCoarse}.");
        }

        var clock = Stopwatch.StartNew();
        var stream = new AtomStream();
        foreach (var source in sources)
        {
            var (relative, gz) = source switch
            {
                "bbc" => ("bbc-news/bbc_news.jsonl", false),
                "ukraine" => ("ukraine-war/ukraine_war_news.jsonl", false),
                "allsides" => ("allsides/allsides_articles.jsonl.gz", true),
                _ => throw new ArgumentException($"Unknown source '{source}': use bbc, ukraine, allsides."),
            };
            var path = cl.DataPath("data-" + source, relative);
            var docs = 0;
            foreach (var text in ReadTexts(path, gz))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (docs++ >= maxDocs)
                {
                    break;
                }

                stream.Add(DocumentParser.Default.Parse(new TextDocument("news", text)));
            }

            Console.WriteLine($"{source}: {Math.Min(docs, maxDocs):N0} documents; {stream.Length:N0} tokens so far, {clock.Elapsed.TotalSeconds:F0} s");
        }

        // Vocabulary: the most frequent words seen at least min-count times; contexts: the most frequent tokens.
        var byFrequency = stream.Counts.Where(p => p.Key != Boundary).OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key).ToList();
        var vocabulary = byFrequency.Where(p => p.Value.Count >= minCount).Take(vocabularySize).Select(p => p.Key).ToArray();
        var row = new Dictionary<uint, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            row[vocabulary[i]] = i;
        }

        var column = new Dictionary<uint, int> { [Boundary] = 0 };
        foreach (var (atom, _) in byFrequency.Take(contextCount))
        {
            column[atom] = column.Count;
        }

        var width = column.Count + 1; // + "any other word"
        Console.WriteLine($"vocabulary {vocabulary.Length:N0} words (count >= {minCount}), {width} contexts per side; {clock.Elapsed.TotalSeconds:F0} s");

        // Left and right neighbour counts of each vocabulary word.
        var counts = new float[vocabulary.Length * 2 * width];
        var atoms = stream.Atoms;
        for (var p = 1; p < stream.Length - 1; p++)
        {
            if (atoms[p] == Boundary || !row.TryGetValue(atoms[p], out var r))
            {
                continue;
            }

            var left = column.TryGetValue(atoms[p - 1], out var l) ? l : width - 1;
            var right = column.TryGetValue(atoms[p + 1], out var q) ? q : width - 1;
            counts[(r * 2 * width) + left]++;
            counts[(r * 2 * width) + width + right]++;
        }

        var vectors = Project(PositivePmi(counts, vocabulary.Length, 2 * width), vocabulary.Length, 2 * width, dims, seed);
        Console.WriteLine($"PPMI vectors projected to {dims} dimensions; {clock.Elapsed.TotalSeconds:F0} s");
        var fineOf = KMeans(vectors, vocabulary.Length, dims, fine, iterations, seed, out var fineCentroids);
        Console.WriteLine($"{fine} fine clusters; {clock.Elapsed.TotalSeconds:F0} s");
        var middleOf = KMeans(fineCentroids, fine, dims, middle, iterations * 2, seed + 1, out var middleCentroids);
        var coarseOf = KMeans(middleCentroids, middle, dims, coarse, iterations * 2, seed + 2, out _);

        var entries = new SortedDictionary<uint, uint>();
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var c = stream.Counts[vocabulary[i]];
            var share = c.Inside == 0 ? 0 : (double)c.CapitalisedInside / c.Inside;
            var capitalisation = c.Inside < 3 ? (c.CapitalisedInside > 0 ? 2 : 1) : share < 0.1 ? 0 : share < 0.5 ? 1 : share < 0.9 ? 2 : 3;
            var f = fineOf[i];
            var m = middleOf[f];
            entries[vocabulary[i]] = NerWordClasses.Pack(f, m, coarseOf[m], capitalisation);
        }

        var classes = new NerWordClasses([.. entries.Keys], [.. entries.Values]);
        NerWordClassFile.Write(outPath, classes);
        Console.WriteLine($"wrote {outPath}: {classes.Count:N0} words, {new FileInfo(outPath).Length:N0} bytes; {clock.Elapsed.TotalSeconds:F0} s");
        PrintExamples(stream, vocabulary, fineOf);
        await Task.CompletedTask;
        return 0;
    }

    private static IEnumerable<string> ReadTexts(string path, bool gz)
    {
        using var file = File.OpenRead(path);
        using Stream input = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } t)
            {
                yield return t;
            }
        }
    }

    /// <summary>PPMI with the context distribution smoothed (exponent 0.75), each row then scaled to unit length.</summary>
    private static float[] PositivePmi(float[] counts, int rows, int columns)
    {
        var columnSums = new double[columns];
        var rowSums = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var v = counts[(r * columns) + c];
                rowSums[r] += v;
                columnSums[c] += v;
            }
        }

        var smoothed = columnSums.Select(s => Math.Pow(s, 0.75)).ToArray();
        var smoothedTotal = smoothed.Sum();
        for (var r = 0; r < rows; r++)
        {
            var norm = 0.0;
            for (var c = 0; c < columns; c++)
            {
                ref var v = ref counts[(r * columns) + c];
                if (v > 0)
                {
                    var pmi = Math.Log(v / rowSums[r] / (smoothed[c] / smoothedTotal));
                    v = pmi > 0 ? (float)pmi : 0f;
                    norm += v * v;
                }
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var c = 0; c < columns; c++)
            {
                counts[(r * columns) + c] *= scale;
            }
        }

        return counts;
    }

    /// <summary>Gaussian-like random projection (sums of ±1 over the non-zero cells), rows scaled to unit length.</summary>
    private static float[] Project(float[] matrix, int rows, int columns, int dims, ulong seed)
    {
        var projection = new float[columns * dims];
        var state = seed ^ 0x5052_4F4A_4543_54UL;
        for (var i = 0; i < projection.Length; i++)
        {
            projection[i] = (SplitMix64(ref state) & 1) == 0 ? 1f : -1f;
        }

        var result = new float[rows * dims];
        for (var r = 0; r < rows; r++)
        {
            var target = result.AsSpan(r * dims, dims);
            for (var c = 0; c < columns; c++)
            {
                var v = matrix[(r * columns) + c];
                if (v == 0)
                {
                    continue;
                }

                var p = projection.AsSpan(c * dims, dims);
                for (var d = 0; d < dims; d++)
                {
                    target[d] += v * p[d];
                }
            }

            Normalise(target);
        }

        return result;
    }

    /// <summary>Spherical k-means (cosine), initialised with k rows drawn without replacement; returns each row's cluster.</summary>
    private static int[] KMeans(float[] vectors, int rows, int dims, int k, int iterations, ulong seed, out float[] centroids)
    {
        k = Math.Min(k, rows);
        centroids = new float[k * dims];
        var state = seed;
        var picked = Enumerable.Range(0, rows).OrderBy(_ => SplitMix64(ref state)).Take(k).ToArray();
        for (var c = 0; c < k; c++)
        {
            vectors.AsSpan(picked[c] * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
        }

        var assignment = new int[rows];
        for (var it = 0; it < iterations; it++)
        {
            var moved = 0;
            var cs = centroids;
            Parallel.For(0, rows, () => 0, (r, _, local) =>
            {
                var v = vectors.AsSpan(r * dims, dims);
                var best = 0;
                var bestDot = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var dot = Dot(v, cs.AsSpan(c * dims, dims));
                    if (dot > bestDot)
                    {
                        bestDot = dot;
                        best = c;
                    }
                }

                if (assignment[r] != best || it == 0)
                {
                    local++;
                }

                assignment[r] = best;
                return local;
            }, local => Interlocked.Add(ref moved, local));

            var next = new float[k * dims];
            var sizes = new int[k];
            for (var r = 0; r < rows; r++)
            {
                var target = next.AsSpan(assignment[r] * dims, dims);
                var v = vectors.AsSpan(r * dims, dims);
                for (var d = 0; d < dims; d++)
                {
                    target[d] += v[d];
                }

                sizes[assignment[r]]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    // An empty cluster restarts from another of the initial rows.
                    vectors.AsSpan(picked[(c + it + 1) % k] * dims, dims).CopyTo(next.AsSpan(c * dims, dims));
                }

                Normalise(next.AsSpan(c * dims, dims));
            }

            centroids = next;
            if (moved == 0)
            {
                break;
            }
        }

        return assignment;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void Normalise(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (var d = 0; d < v.Length; d++)
            {
                v[d] /= norm;
            }
        }
    }

    /// <summary>A few members of some clusters, from the vocabulary's own words (printed, never written to the file).</summary>
    private static void PrintExamples(AtomStream stream, uint[] vocabulary, int[] fineOf)
    {
        var shown = new HashSet<int>();
        foreach (var probe in new[] { "london", "monday", "minister", "smith", "company", "germany", "said", "police", "january", "bank" })
        {
            var atom = NerFeatures.LowerAtom(probe);
            var index = Array.IndexOf(vocabulary, atom);
            if (index < 0 || !shown.Add(fineOf[index]))
            {
                continue;
            }

            var members = Enumerable.Range(0, vocabulary.Length).Where(i => fineOf[i] == fineOf[index]).Take(12)
                .Select(i => stream.Spelling.GetValueOrDefault(vocabulary[i], "?"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cluster {fineOf[index]} ({probe}): {string.Join(' ', members)}"));
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Occurrences of a word, and how many of those not at a sentence start are capitalised.</summary>
    private sealed class WordCount
    {
        public int Count;
        public int Inside;
        public int CapitalisedInside;
    }

    /// <summary>The lower-case atoms of every token of the corpus, sentences separated by <see cref="Boundary"/>, with counts.</summary>
    private sealed class AtomStream
    {
        public uint[] Atoms = new uint[1 << 20];
        public int Length;
        public readonly Dictionary<uint, WordCount> Counts = [];

        /// <summary>One spelling per frequent atom, only to print examples on the console.</summary>
        public readonly Dictionary<uint, string> Spelling = [];

        public void Add(ParsedDocument doc)
        {
            foreach (ref readonly var sentence in doc.Sentences)
            {
                Append(Boundary);
                for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
                {
                    ref readonly var token = ref doc.Tokens[t];
                    var word = doc.TextOf(token);
                    var atom = NerFeatures.LowerAtom(word);
                    if (atom == Boundary)
                    {
                        atom = 1;
                    }

                    Append(atom);
                    if (!Counts.TryGetValue(atom, out var c))
                    {
                        Counts[atom] = c = new WordCount();
                    }

                    c.Count++;
                    if (c.Count == 50 && Spelling.Count < 200_000)
                    {
                        Spelling[atom] = word.ToString().ToLowerInvariant();
                    }

                    if (t > sentence.FirstToken && token.IsWordLike && !token.Has(TokenFlags.AllCaps))
                    {
                        c.Inside++;
                        if (token.Has(TokenFlags.Capitalized))
                        {
                            c.CapitalisedInside++;
                        }
                    }
                }
            }

            Append(Boundary);
        }

        private void Append(uint atom)
        {
            if (Length == Atoms.Length)
            {
                Array.Resize(ref Atoms, Atoms.Length * 2);
            }

            Atoms[Length++] = atom;
        }
    }
}
