using Microsoft.Extensions.Configuration;
using TextLens.Corpus;

namespace TextLens.Tests;

/// <summary>Marks every occurrence of one word (layer <c>keyword</c>); its option <c>Word</c> round-trips through manifests.</summary>
internal sealed class KeywordAnalyzer : IAnalyzer
{
    private readonly string _word;

    public KeywordAnalyzer(string word, string id = "tests.keyword", string layer = "keyword")
    {
        _word = word;
        Descriptor = new AnalyzerDescriptor(id, 1, layer) { Options = new Dictionary<string, string> { ["Word"] = word } };
    }

    public AnalyzerDescriptor Descriptor { get; }

    public void Analyze(AnalysisContext context)
    {
        foreach (var token in context.Document.Tokens)
        {
            if (context.Document.KeyOf(token).SequenceEqual(_word))
            {
                context.Add(new Annotation(Descriptor.Layer, token.Start, token.Length, "word", _word));
            }
        }
    }

    /// <summary>Registers the analyzer as <c>keyword</c>, reading <c>Word</c> from its section.</summary>
    public static AnalyzerRegistry Register(AnalyzerRegistry registry) =>
        registry.Register("keyword", "tests.keyword", Configure);

    public static void Configure(TextLensPipelineBuilder builder, IConfigurationSection? section)
    {
        var word = section?["Word"];
        if (string.IsNullOrWhiteSpace(word))
        {
            throw new TextLensConfigurationException($"{section?.Path ?? "keyword"}:Word is required.");
        }

        builder.AddAnalyzer(new KeywordAnalyzer(word));
    }
}

/// <summary>A small multi-outlet corpus with hedges and boosters in the author's voice and in quotations.</summary>
internal static class SampleCorpus
{
    public static InMemoryCorpus Create() => new(
    [
        Doc("cd-1", "Caspian Dispatch", 2023, 9, 19, "Separatist forces reportedly shelled the town. The ministry said it is clear that the attack was planned."),
        Doc("cd-2", "Caspian Dispatch", 2023, 9, 20, "Officials clearly stated that the operation was over. \"We will certainly rebuild,\" a spokesperson said."),
        Doc("yh-1", "Yerevan Herald", 2023, 9, 19, "Ethnic Armenian forces allegedly withdrew. Thousands might have left; it is believed that the road is open."),
        Doc("yh-2", "Yerevan Herald", 2023, 10, 2, "According to unconfirmed reports, the convoy was stopped. \"This is undeniably a catastrophe,\" she said."),
        Doc("mw-1", "Moscow Wire", 2023, 10, 3, "Peacekeepers apparently remained in place. In fact, the mission was possibly extended."),
        Doc("mw-2", "Moscow Wire", null, null, null, "The commander is said to have resigned, purportedly over the ceasefire, which could collapse."),
    ]);

    private static TextDocument Doc(string id, string outlet, int? year, int? month, int? day, string text) =>
        new(id, text, new DocumentMetadata { Outlet = outlet, Date = year is { } y ? new DateOnly(y, month!.Value, day!.Value) : null });
}
