using TextLens.Text;

namespace TextLens.Tests.Text;

public class CharFoldingTests
{
    [Theory]
    [InlineData("Füzuli", "fuzuli")]
    [InlineData("Şuşa", "susa")]
    [InlineData("Xankəndi", "xankendi")]
    [InlineData("Ağdam", "agdam")]
    [InlineData("Kəlbəcər", "kelbecer")]
    [InlineData("Laçın", "lacin")]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("Dubrovnik Łódź Øresund", "dubrovnik lodz oresund")]
    [InlineData("Việt Nam", "viet nam")]
    [InlineData("Москва Երևան", "москва երևան")]
    public void FoldCase_WithDiacritics_FoldsToBaseLetters(string text, string expected) =>
        Assert.Equal(expected, CharFolding.FoldCase(text, foldDiacritics: true));

    [Fact]
    public void FoldCase_WithoutDiacritics_KeepsThem() =>
        Assert.Equal("füzuli", CharFolding.FoldCase("Füzuli"));

    [Theory]
    [InlineData('\u2019', '\'')]
    [InlineData('\u02BC', '\'')]
    [InlineData('\u2010', '-')]
    [InlineData('A', 'a')]
    [InlineData('1', '1')]
    public void FoldCase_TypographicVariants_AreUnified(char c, char expected) =>
        Assert.Equal(expected, CharFolding.FoldCase(c));
}
