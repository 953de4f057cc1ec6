using FsCheck;
using FsCheck.Fluent;
using TextLens.Entities;

namespace TextLens.Tests.Entities;

/// <summary>The merge of already-ordered runs the entity analyzer uses instead of a sort.</summary>
public sealed class SortedRunsTests
{
    private readonly struct IntOrder : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    private static (bool Sorted, List<int> List) Run(params int[] items)
    {
        var list = new List<int>(items);
        var buffer = Array.Empty<int>();
        return (SortedRuns.TrySort<int, IntOrder>(list, ref buffer), list);
    }

    [Fact]
    public void TrySort_ThreeOrderedRuns_MergesThem()
    {
        var (sorted, list) = Run(2, 5, 9, 1, 7, 3, 4, 8);

        Assert.True(sorted);
        Assert.Equal([1, 2, 3, 4, 5, 7, 8, 9], list);
    }

    [Fact]
    public void TrySort_AlreadyOrdered_LeavesItAsItIs()
    {
        var (sorted, list) = Run(1, 2, 3);

        Assert.True(sorted);
        Assert.Equal([1, 2, 3], list);
    }

    [Fact]
    public void TrySort_EqualItemsInOneRun_RefusesAndLeavesTheListUntouched()
    {
        var (sorted, list) = Run(4, 4, 1);

        Assert.False(sorted);
        Assert.Equal([4, 4, 1], list);
    }

    [Fact]
    public void TrySort_EqualItemsInDifferentRuns_RefusesAndLeavesTheListUntouched()
    {
        var (sorted, list) = Run(1, 5, 2, 5);

        Assert.False(sorted);
        Assert.Equal([1, 5, 2, 5], list);
    }

    [Fact]
    public void TrySort_SeventeenRuns_RefusesAndLeavesTheListUntouched()
    {
        var descending = Enumerable.Range(0, 17).Reverse().ToArray();

        var (sorted, list) = Run(descending);

        Assert.False(sorted);
        Assert.Equal(descending, list);
    }

    [Fact]
    public void Sort_EqualItemsTheMergeRefuses_SortsAnyway()
    {
        var list = new List<int> { 1, 5, 2, 5 };
        var buffer = Array.Empty<int>();

        SortedRuns.Sort<int, IntOrder>(list, ref buffer);

        Assert.Equal([1, 2, 5, 5], list);
    }

    [Fact]
    public void TrySort_AnyList_SortsLikeListSortOrLeavesItUntouched() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 60))), (List<int> items) =>
        {
            var (sorted, list) = Run([.. items]);
            var expected = items.Order().ToList();
            return sorted ? list.SequenceEqual(expected) && items.Distinct().Count() == items.Count : list.SequenceEqual(items);
        }));
}
