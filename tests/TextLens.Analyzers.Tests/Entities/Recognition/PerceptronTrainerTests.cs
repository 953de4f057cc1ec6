using TextLens.Entities.Recognition;
using static TextLens.Tests.Entities.Recognition.NerTestData;

namespace TextLens.Tests.Entities.Recognition;

/// <summary>Training on tiny synthetic data: it learns, and it is deterministic.</summary>
public sealed class PerceptronTrainerTests
{
    [Fact]
    public void Learns_a_toy_pattern_and_generalises_to_unseen_names()
    {
        var recognizer = StatisticalEntityRecognizer.FromModel(TrainModel(), "tiny");
        Assert.Equal("O B-PER O B-LOC O O B-ORG O", string.Join(' ', Tags(recognizer, "Mr Karimli visited Lachin and joined Interpol .")));
        Assert.Equal("O B-PER O B-LOC O O B-ORG O", string.Join(' ', Tags(recognizer, "Mr Hasanov visited Shusha and joined Nokia .")));
    }

    [Fact]
    public void Training_twice_with_the_same_seed_gives_identical_files()
    {
        Assert.Equal(TrainModel(seed: 3).ToBytes(), TrainModel(seed: 3).ToBytes());
        Assert.Equal(Train(dropout: 0.3).ToModel(new Dictionary<string, string>()).ToBytes(),
            Train(dropout: 0.3).ToModel(new Dictionary<string, string>()).ToBytes());
    }

    [Fact]
    public void Mistakes_fall_as_epochs_go_by()
    {
        var trainer = Train(epochs: 0);
        var first = trainer.Epoch(1);
        var second = trainer.Epoch(2);
        trainer.Epoch(3);
        var fourth = trainer.Epoch(4);
        Assert.True(first > 0);
        Assert.True(fourth <= second && second < first, $"{first}, {second}, {fourth}");
        Assert.Equal(36, trainer.SequenceCount);
        Assert.Equal(36 * 8, trainer.TokenCount);
    }

    [Fact]
    public void Gold_tags_must_match_the_tokens()
    {
        var trainer = new PerceptronTrainer(10, NerLexicon.Empty);
        var doc = Parse("Mr Smith left .");
        Assert.Throws<ArgumentException>(() => trainer.Add(doc.Text, doc.Tokens, [0, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Add(doc.Text, doc.Tokens, [0, 1, 0, 9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerceptronTrainer(4, NerLexicon.Empty));
    }
}
