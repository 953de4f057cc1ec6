using System.Runtime.InteropServices;

namespace TextLens.Entities;

/// <summary>
/// Sorts a list made of a few runs that are already in order (gazetteer matches, then surnames, then recognised
/// names) by merging the runs, in linear time. The result is the one any sort gives, because it is used only when
/// no two items compare equal; with ties (or too many runs) the caller sorts as before.
/// </summary>
internal static class SortedRuns
{
    /// <summary>More runs than this and a merge gains nothing over a sort.</summary>
    private const int MaxRuns = 16;

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
        if (buffer.Length < items.Length * 2)
        {
            buffer = new T[Math.Max(items.Length * 2, buffer.Length * 2)];
        }

        // Merge neighbouring runs pass by pass, from one half of the buffer to the other; the list is written only at the end.
        var from = buffer.AsSpan(0, items.Length);
        var to = buffer.AsSpan(items.Length, items.Length);
        items.CopyTo(from);
        while (runs > 1)
        {
            var merged = 0;
            for (var r = 0; r < runs; r += 2)
            {
                var start = starts[r];
                if (r + 1 == runs)
                {
                    from[start..starts[r + 1]].CopyTo(to[start..]);
                }
                else
                {
                    Merge(from[start..starts[r + 1]], from[starts[r + 1]..starts[r + 2]], to[start..], order);
                }

                starts[merged++] = start;
            }

            starts[merged] = items.Length;
            runs = merged;
            var swap = from;
            from = to;
            to = swap;
        }

        for (var i = 1; i < from.Length; i++)
        {
            if (order.Compare(from[i - 1], from[i]) == 0)
            {
                return false;
            }
        }

        from.CopyTo(items);
        return true;
    }

    private static void Merge<T, TOrder>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> to, TOrder order)
        where TOrder : struct, IComparer<T>
    {
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            to[k++] = order.Compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
        }

        a[i..].CopyTo(to[k..]);
        b[j..].CopyTo(to[(k + a.Length - i)..]);
    }
}
