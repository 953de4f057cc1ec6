using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TextLens.Entities;
using TextLens.Framing;
using TextLens.Tests.Framing;

namespace TextLens.Tests.Pathological;

/// <summary>
/// Specifications of time linear in the input, without a clock: each pathological generator runs at size n and 4n and a
/// deterministic work counter of the code that was super-linear (or the bytes allocated) may grow at most 4.5 times
/// (4 when exactly linear). The generators are those of issue 19: a capitalised run, quotation marks with attributed
/// speech, one long realistic document, a 200,000-pattern lexicon.
/// </summary>
public sealed class PathologicalInputTests
{
    private const double MaxGrowth = 4.5;

    [Fact]
    public void ConfirmInHeadline_CapitalisedRun_WorkGrowsLinearly()
    {
        long Work(int words)
        {
            // Running text names "Alpha Beta" (confirmed), then one title-case line of `words` words without a final period.
            var text = "Officials met Alpha Beta in the capital on Monday.\n" + Generators.CapitalisedRun(words) + "\nThe talks ended.";
            var pipeline = new TextLensPipelineBuilder().AddEntities().Build();
            var before = RuleBasedEntityRecognizer.HeadlineWorkSteps;
            var result = pipeline.Analyze(new TextDocument("run", text));
            Assert.Contains(result.Annotations, a => a.Layer == "entity" && text.Substring(a.Start, a.Length) == "Alpha Beta" && a.Start > 60);
            return RuleBasedEntityRecognizer.HeadlineWorkSteps - before;
        }

        AssertLinear(Work(2_000), Work(8_000));
    }

    [Fact]
    public void FramingWithAttribution_QuotationMarks_WorkGrowsLinearly()
    {
        long Work(int quotations)
        {
            var pipeline = new TextLensPipelineBuilder().AddAttribution().AddFraming().Build();
            var before = AttributedContentIndex.Steps;
            var result = pipeline.Analyze(new TextDocument("quotes", Generators.AttributedQuotations(quotations)));
            Assert.Contains(result.Annotations, a => a.Layer == "framing" && a.Facet("source") is not null);
            return AttributedContentIndex.Steps - before;
        }

        AssertLinear(Work(1_000), Work(4_000));
    }

    [Fact]
    public void Analyze_OneLongRealisticDocument_AllocationGrowsLinearly()
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities().AddAttribution().AddFraming().AddEntityFramingCooccurrence().Build();
        long Allocated(int sentences)
        {
            var document = new TextDocument("long", Generators.RealisticDocument(sentences));
            pipeline.Analyze(new TextDocument("warm", Generators.RealisticDocument(10)));
            var before = GC.GetAllocatedBytesForCurrentThread();
            pipeline.Analyze(document);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AssertLinear(Allocated(2_000), Allocated(8_000));
    }

    [Fact]
    public void Validate_LexiconOf200kPatterns_WorkGrowsLinearly()
    {
        long Work(int patterns)
        {
            var warnings = FramingLexiconValidator.Validate(Generators.Lexicon(patterns));
            Assert.Contains(warnings, w => w.Code == FramingLexiconValidator.OverlappingPatterns);
            return FramingLexiconValidator.WorkSteps;
        }

        AssertLinear(Work(50_000), Work(200_000));
    }

    [Fact]
    public void Read_MinifiedLexiconOf200kPatterns_LocatesFieldsLinearly()
    {
        long Work(int patterns)
        {
            // One line of megabytes, as a lexicon written by a program often is.
            var json = System.Text.Json.Nodes.JsonNode.Parse(Generators.Lexicon(patterns).ToJson())!.ToJsonString();
            Assert.DoesNotContain('\n', json);
            var before = SourceLines.CountedBytes;
            var lexicon = FramingLexicon.Parse(System.Text.Encoding.UTF8.GetBytes(json), "minified.json");
            Assert.Equal(patterns, lexicon.Concepts.Sum(c => c.Labels.Sum(l => l.Patterns.Count)));
            return SourceLines.CountedBytes - before;
        }

        AssertLinear(Work(50_000), Work(200_000));
    }

    [Fact]
    public void FramingAnalyzer_LexiconOf200kPatterns_BuildsAndAllocatesLinearly()
    {
        long Allocated(int patterns)
        {
            var lexicon = Generators.Lexicon(patterns);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var analyzer = new FramingAnalyzer([lexicon]);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(patterns, analyzer.Matcher.PatternCount);
            return allocated;
        }

        AssertLinear(Allocated(50_000), Allocated(200_000));
    }

    [Fact]
    public void FramingAnalyzer_LexiconOf200kPatterns_MatchesItsLastPattern()
    {
        // The atom pool of 200,000 patterns holds more than 2,097,151 characters (the limit of the packed offset before).
        var lexicon = Generators.Lexicon(200_000);
        var last = lexicon.Concepts[^1].Labels[^1];
        var text = "They spoke of " + last.Patterns[0].Text + " again.";

        var annotations = FramingTestSupport.Analyze(lexicon, text);

        Assert.Equal(last.Id, Assert.Single(annotations).Label);
    }

    [Fact]
    public void SourceOf_AnySpansAndQueries_AgreesWithAScanOfEveryAttribution() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Arb.From(Gen.ListOf(Gen.Choose(0, 40).SelectMany(s => Gen.Choose(0, 12).Select(l => (s, l))))),
            Arb.From(Gen.ListOf(Gen.Choose(0, 40).SelectMany(s => Gen.Choose(1, 6).Select(l => (s, l))))),
            (List<(int Start, int Length)> spans, List<(int Start, int Length)> queries) =>
            {
                var annotations = spans.Select((s, i) => new Annotation(i % 3 == 0 ? "entity" : "attribution", 0, 0, "c", $"a{i}")
                {
                    Spans = [new AnnotationSpan(i % 4 == 1 ? "cue" : "content", s.Start, s.Length)],
                }).ToList();
                var index = AttributedContentIndex.Build(annotations, "attribution", "content");
                foreach (var (start, length) in queries.OrderBy(q => q.Start))
                {
                    var expected = annotations.FirstOrDefault(a => a.Layer == "attribution"
                        && a.Spans.Any(s => s.Role == "content" && s.Start <= start && start + length <= s.End))?.Label;
                    if (index?.SourceOf(start, start + length) != expected)
                    {
                        return false;
                    }
                }

                return true;
            }));

    private static void AssertLinear(long atN, long at4N)
    {
        Assert.True(atN > 0, "the counter did not move at size n");
        var growth = (double)at4N / atN;
        Assert.True(growth <= MaxGrowth, string.Create(CultureInfo.InvariantCulture, $"work grew {growth:F2}× from n to 4n ({atN:N0} → {at4N:N0}); at most {MaxGrowth}× is linear"));
    }
}
