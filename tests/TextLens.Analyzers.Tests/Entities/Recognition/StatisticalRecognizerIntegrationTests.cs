using TextLens.Entities;
using TextLens.Entities.Recognition;
using static TextLens.Tests.Entities.EntityTestKit;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>The statistical recognizer inside the entity analyzer: gazetteer ids, model confirmations, unlisted names, modes, manifest.</summary>
public sealed class StatisticalRecognizerIntegrationTests
{
    private const string Text = "Helmut Kohl told reporters in Baku that Azerbaijan and Armenia must talk .";

    [Fact]
    public void Both_gives_listed_names_their_ids_with_the_models_confirmation_and_adds_unlisted_names()
    {
        var found = Find(Text, o => o.UseStatisticalRecognizer());
        AssertEntities(Text, found,
            ("Helmut Kohl", "Helmut Kohl", "PERSON"),
            ("Baku", "az.gpe.baku", "GPE"),
            ("Azerbaijan", "az.gpe.azerbaijan", "GPE"),
            ("Armenia", "am.gpe.armenia", "GPE"));
        Assert.Equal("false", found[0].Facet("listed"));
        Assert.Null(found[0].Facet("confirmedBy"));
        Assert.All(found.Skip(1), a => Assert.Equal("model", a.Facet("confirmedBy")));
        Assert.All(found.Skip(1), a => Assert.Equal("true", a.Facet("listed")));
    }

    [Fact]
    public void Gazetteer_only_ignores_the_model()
    {
        var found = Find(Text, o => o.Mode = EntityMode.GazetteerOnly);
        AssertEntities(Text, found,
            ("Baku", "az.gpe.baku", "GPE"),
            ("Azerbaijan", "az.gpe.azerbaijan", "GPE"),
            ("Armenia", "am.gpe.armenia", "GPE"));
        Assert.All(found, a => Assert.Null(a.Facet("confirmedBy")));
    }

    [Fact]
    public void Recognizer_only_finds_names_with_the_model_and_links_the_listed_ones()
    {
        var found = Find(Text, o => { o.Mode = EntityMode.RecognizerOnly; o.UseStatisticalRecognizer(); });
        AssertEntities(Text, found,
            ("Helmut Kohl", "Helmut Kohl", "PERSON"),
            ("Baku", "az.gpe.baku", "GPE"),
            ("Azerbaijan", "az.gpe.azerbaijan", "GPE"),
            ("Armenia", "am.gpe.armenia", "GPE"));
    }

    [Fact]
    public void The_built_in_rules_never_claim_to_confirm_a_gazetteer_match()
    {
        var found = Find(Text);
        Assert.All(found, a => Assert.Null(a.Facet("confirmedBy")));
    }

    [Fact]
    public void The_manifest_records_the_model_and_its_hash()
    {
        var pipeline = new TextLensPipelineBuilder().AddEntities(o => o.UseStatisticalRecognizer()).Build();
        var descriptor = pipeline.Analyzers.Single(a => a.Descriptor.Id == "textlens.entities").Descriptor;
        var model = StatisticalEntityRecognizer.LoadDefault();
        Assert.Equal(model.Name, descriptor.Options["recognizer"]);
        Assert.Contains(model.Info, descriptor.Lexicons);
        Assert.Contains(descriptor.Lexicons, l => l.Kind == "gazetteer");
    }

    [Fact]
    public void A_model_file_can_be_named_in_the_options()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-ner-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllBytes(path, NerTestData.TrainModel().ToBytes());
            var options = new EntityOptions().UseStatisticalRecognizer(path);
            var recognizer = Assert.IsType<StatisticalEntityRecognizer>(options.Recognizer);
            Assert.Equal("tiny/3", recognizer.Name);
            Assert.Throws<InvalidDataException>(() => new EntityOptions().UseStatisticalRecognizer(typeof(StatisticalRecognizerIntegrationTests).Assembly.Location));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
