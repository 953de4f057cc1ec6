using static TextLens.Tests.Attribution.AttributionHarness;

namespace TextLens.Tests.Attribution;

/// <summary>What must not become an attribution, and provenance lines written as document facets.</summary>
public sealed class AttributionNegativeTests
{
    [Theory]
    [InlineData("Both sides violated the said agreement within a week.")]
    [InlineData("She was reading the book “War and Peace” on the train to the border.")]
    [InlineData("The trucks carried so-called “peacekeeping humanitarian aid” into the region.")]
    [InlineData("Azerbaijan launched “local anti-terrorist activities” in the region on Tuesday.")]
    [InlineData("The military attachés of several foreign states and journalists visited the site.")]
    [InlineData("Some states remained too close to call on Tuesday night.")]
    [InlineData("His reckless comments about the war angered the allies.")]
    [InlineData("The report was released on Monday by the commission.")]
    [InlineData("The data reported by the agency were incomplete.")]
    [InlineData("Anti-terrorist operation in Karabakh: goals and reasons")]
    [InlineData("The blast happened “in the zone of temporary deployment of the contingent,” deployed in 2020.")]
    public void Not_an_attribution(string text)
    {
        var views = Find(text);
        Assert.True(views.Count == 0, string.Join("\n", views));
    }

    [Fact]
    public void A_byline_is_a_document_facet_not_an_attribution()
    {
        const string text = "Mines found in civilian homes\n\nBy Ilham Karimli December 21, 2022\n\nThe mines were found last week.";
        var result = Run(text);
        Assert.Empty(Views(text, result));
        Assert.Contains(new AnnotationFacet("byline", "Ilham Karimli"), result.DocumentFacets);
    }

    [Fact]
    public void An_agency_credit_at_the_end_of_a_caption_is_a_document_facet()
    {
        const string text = "Mines found in civilian homes\n\nAt least 2,000 mines were neutralized in the district / Trend News Agency\n\nThe ministry said the mines were new.";
        var result = Run(text);
        Assert.Contains(new AnnotationFacet("credit", "Trend News Agency"), result.DocumentFacets);
        var a = Assert.Single(Views(text, result));
        Assert.Equal("The ministry", a.Source);
    }

    [Fact]
    public void Photo_credit_source_link_and_reprint_are_document_facets()
    {
        const string text = "The talks resumed.\n\nPhoto: Reuters\n\nSource Link\n\nOriginally published by Caspian News.";
        var result = Run(text);
        Assert.Contains(new AnnotationFacet("credit", "Reuters"), result.DocumentFacets);
        Assert.Contains(new AnnotationFacet("sourceLink", "true"), result.DocumentFacets);
        Assert.Contains(new AnnotationFacet("reprint", "Caspian News"), result.DocumentFacets);
        Assert.Empty(Views(text, result));
    }

    [Fact]
    public void Reprinted_from_is_a_reprint_facet()
    {
        var result = Run("The talks resumed.\n\nReprinted from The Caucasus Weekly");
        Assert.Contains(new AnnotationFacet("reprint", "The Caucasus Weekly"), result.DocumentFacets);
    }

    [Fact]
    public void Provenance_detection_can_be_turned_off()
    {
        var result = Run("The talks resumed.\n\nBy Ilham Karimli", o => o.DetectProvenance = false);
        Assert.Empty(result.DocumentFacets);
    }

    [Fact]
    public void A_sentence_starting_with_by_is_not_a_byline()
    {
        var result = Run("By the end of the day the road was open again.");
        Assert.DoesNotContain(result.DocumentFacets, f => f.Key == "byline");
    }
}
