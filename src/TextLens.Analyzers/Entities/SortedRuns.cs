using System.Runtime.InteropServices;

namespace TextLens.Entities;

/// <summary>
/// Sorts a list made of a few runs that are already in order (gazetteer matches, then surnames, then recognised
/// names) by merging the runs, in linear time. The result is the one any sort gives, because the merge is used only
/// when no two items compare equal; with ties (or too many runs) <see cref="Sort{T, TOrder}"/> falls back to
/// <see cref="List{T}.Sort(Comparison{T})"/>.
/// </summary>
internal static class SortedRuns
{
    /// <summary>More runs than this and a merge gains nothing over a sort.</summary>
    private const int MaxRuns = 16;

    /// <summary>Sorts <paramref name="list"/> by <typeparamref name="TOrder"/>: merged by <see cref="TrySort{T, TOrder}"/> when it can, else by <see cref="List{T}.Sort(Comparison{T})"/>.</summary>
    /// <param name="list">The items.</param>
    /// <param name="buffer">Working storage, grown as needed and kept by the caller for the next call.</param>
    public static void Sort<T, TOrder>(List<T> list, ref T[] buffer)
        where TOrder : struct, IComparer<T>
    {
        if (!TrySort<T, TOrder>(list, ref buffer))
        {
            list.Sort(static (a, b) => default(TOrder).Compare(a, b));
        }
    }

    /// <summary>
    /// Sorts <paramref name="list"/> by <typeparamref name="TOrder"/> when no two items compare equal and it holds at
    /// most a few ordered runs; returns <see langword="false"/>, leaving the list untouched, otherwise.
    /// </summary>
    /// <param name="list">The items.</param>
    /// <param name="buffer">Working storage, grown as needed and kept by the caller for the next call.</param>
    public static bool TrySort<T, TOrder>(List<T> list, ref T[] buffer)
        where TOrder : struct, IComparer<T>
    {
        var items = CollectionsMarshal.AsSpan(list);
        var order = default(TOrder);
        Span<int> starts = stackalloc int[MaxRuns + 1];
        var runs = 1;
        starts[0] = 0;
        for (var i = 1; i < items.Length; i++)
        {
            var c = order.Compare(items[i - 1], items[i]);
            if (c < 0)
            {
                continue;
            }

            if (c == 0 || runs == MaxRuns)
            {
                return false;
            }

            starts[runs++] = i;
        }

        if (runs == 1)
        {
            return true;
        }

        starts[runs] = items.Length;
        if (buffer.Length < items.Length)
        {
            buffer = new T[Math.Max(items.Length, buffer.Length * 2)];
        }

        // The runs are copied out and merged back in one pass, the smallest head first. Items that compare equal end
        // up next to each other: the list is then put back as it was.
        var copy = buffer.AsSpan(0, items.Length);
        items.CopyTo(copy);
        Span<int> heads = stackalloc int[MaxRuns];
        starts[..runs].CopyTo(heads);
        for (var k = 0; k < items.Length; k++)
        {
            var best = -1;
            for (var r = 0; r < runs; r++)
            {
                if (heads[r] < starts[r + 1] && (best < 0 || order.Compare(copy[heads[r]], copy[heads[best]]) < 0))
                {
                    best = r;
                }
            }

            items[k] = copy[heads[best]++];
            if (k > 0 && order.Compare(items[k - 1], items[k]) == 0)
            {
                copy.CopyTo(items);
                return false;
            }
        }

        return true;
    }
}
