using TextLens.Text;

namespace TextLens.Tests.Text;

public sealed class CharFoldingTests
{
    [Theory]
    [InlineData("Füzuli", "fuzuli")]
    [InlineData("Şuşa", "susa")]
    [InlineData("Ağdam", "agdam")]
    [InlineData("Kəlbəcər", "kelbecer")]
    [InlineData("Çərəktar", "cerektar")]
    [InlineData("İlham Əliyev", "ilham eliyev")]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("Łódź São Tomé Zürich Médecins", "lodz sao tome zurich medecins")]
    public void Diacritics_fold_even_under_invariant_globalization(string text, string expected)
    {
        // The test projects run with InvariantGlobalization, where string.Normalize(FormD) decomposes nothing.
        Assert.Equal(expected, CharFolding.FoldCase(text, foldDiacritics: true));
        Assert.Equal(text.Length, CharFolding.FoldCase(text, foldDiacritics: true).Length);
    }
}
