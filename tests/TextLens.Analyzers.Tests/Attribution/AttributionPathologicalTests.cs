using System.Text;
using TextLens.Analyzers.Attribution;
using TextLens.Text;

namespace TextLens.Tests.Attribution;

/// <summary>
/// Pathological input never throws and costs work linear in its length: the analyzer counts its work steps (token
/// visits of every rule), and the count at 4n must stay within 5 times the count at n (4 when exactly linear).
/// </summary>
public sealed class AttributionPathologicalTests
{
    private static readonly AttributionAnalyzer Analyzer = new(new AttributionOptions(), new CueTable([CueLexiconLoader.Default]));

    private static (long Steps, int Attributions) Measure(string text)
    {
        var parsed = DocumentParser.Default.Parse(new TextDocument("p", text));
        var context = new AnalysisContext(parsed);
        var steps = Analyzer.Run(context, new AttributionWorkspace());
        foreach (var a in context.Annotations)
        {
            Assert.InRange(a.Start, 0, text.Length);
            Assert.InRange(a.End, a.Start, text.Length);
            foreach (var s in a.Spans)
            {
                Assert.InRange(s.Start, 0, text.Length);
                Assert.InRange(s.End, s.Start, text.Length);
            }
        }

        return (steps, context.Annotations.Count);
    }

    public static TheoryData<string> Generators => new()
    {
        "quote-marks",
        "curly-marks",
        "alternating-unbalanced",
        "one-long-quotation",
        "said-without-punctuation",
        "tags-after-quotes",
        "according-to-chain",
        "unclosed-paragraphs",
        "apostrophe-pairs",
    };

    private static string Generate(string kind, int n)
    {
        var sb = new StringBuilder();
        switch (kind)
        {
            case "quote-marks":
                sb.Append('"', n);
                break;
            case "curly-marks":
                for (var i = 0; i < n; i++)
                {
                    sb.Append(i % 3 == 0 ? '“' : '”');
                }

                break;
            case "alternating-unbalanced":
                for (var i = 0; i < n / 4; i++)
                {
                    sb.Append(i % 2 == 0 ? "“ word ” ” said he “ " : "” the ministry said “ “ ");
                }

                break;
            case "one-long-quotation":
                sb.Append('“');
                while (sb.Length < n * 20)
                {
                    sb.Append("The ministry said that the road near the village was closed again according to residents, adding more. ");
                }

                sb.Append("” the ministry said.");
                break;
            case "said-without-punctuation":
                for (var i = 0; i < n / 2; i++)
                {
                    sb.Append("the ministry said ");
                }

                break;
            case "tags-after-quotes":
                for (var i = 0; i < n / 8; i++)
                {
                    sb.Append("“The road is closed,” the ministry said. ");
                }

                break;
            case "according-to-chain":
                for (var i = 0; i < n / 4; i++)
                {
                    sb.Append("according to the ministry ");
                }

                break;
            case "unclosed-paragraphs":
                for (var i = 0; i < n / 8; i++)
                {
                    sb.Append("“The road is closed and the ministry said nothing more\n\n");
                }

                sb.Append("” it said.");
                break;
            case "apostrophe-pairs":
                for (var i = 0; i < n / 8; i++)
                {
                    sb.Append("''The road is closed,'' he said. ''");
                }

                break;
        }

        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Work_grows_linearly_and_nothing_throws(string kind)
    {
        var small = Measure(Generate(kind, 10_000));
        var large = Measure(Generate(kind, 40_000));
        Assert.True(large.Steps <= 5 * Math.Max(small.Steps, 1_000),
            $"{kind}: {small.Steps} steps at n, {large.Steps} at 4n (ratio {(double)large.Steps / Math.Max(1, small.Steps):0.00})");
    }

    [Fact]
    public void Ten_thousand_quote_marks_a_megabyte_quotation_and_unbalanced_marks_run_through_the_pipeline()
    {
        var pipeline = new TextLensPipelineBuilder().AddAttribution().Build();
        var options = new AnalysisOptions { ErrorPolicy = ErrorPolicy.Throw };
        _ = pipeline.Analyze(new TextDocument("marks", Generate("quote-marks", 10_000)), options);
        var mb = Generate("one-long-quotation", 1_000_000 / 20);
        Assert.True(mb.Length >= 1_000_000);
        var result = pipeline.Analyze(new TextDocument("mb", mb), options);
        Assert.Contains(result.Annotations, a => a.Label == "ministry" && a.Facet("mode") == "direct");
        _ = pipeline.Analyze(new TextDocument("unbalanced", Generate("alternating-unbalanced", 40_000)), options);
    }
}
