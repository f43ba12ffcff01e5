using System.Numerics;

namespace TraceVerify.Proof;

// Every assignment of K dimension variables in 1..maxDimension, by largest size, then total size, then
// lexicographically: the cheapest instances first, so a budget that cuts the sequence still covers every shape
// up to some smaller bound, and the order never depends on timing. Generated lazily in that order — taking the
// first 40 of the 3^(2K) assignments of an entry with many dimensions costs 40 steps, not 3^(2K) — by walking,
// for each (largest m, total s), the tuples in lexicographic order and pruning every prefix that cannot be
// completed (the rest must sum to what is left, stay in 1..m, and reach m somewhere if the prefix has not).
internal static class ShapeOrder
{
    public static IEnumerable<int[]> Assignments(int count, int maxDimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimension, 1);
        if (count == 0)
        {
            yield return [];
            yield break;
        }
        for (var largest = 1; largest <= maxDimension; largest++)
        {
            for (long total = largest + (count - 1); total <= (long)count * largest; total++)
            {
                foreach (var tuple in WithLargestAndTotal(count, largest, total)) yield return tuple;
            }
        }
    }

    public static BigInteger Count(int count, int maxDimension) => BigInteger.Pow(maxDimension, count);

    // The tuples with maximum `largest` and sum `total`, in lexicographic order, built with an explicit stack of
    // the next value to try at each position.
    private static IEnumerable<int[]> WithLargestAndTotal(int count, int largest, long total)
    {
        var tuple = new int[count];
        var position = 0;
        tuple[0] = 0;
        long prefix = 0;
        while (position >= 0)
        {
            tuple[position]++;
            if (tuple[position] > largest)
            {
                tuple[position] = 0;
                position--;
                if (position >= 0) prefix -= tuple[position];
                continue;
            }
            var sum = prefix + tuple[position];
            var reached = tuple[position] == largest || ContainsLargest(tuple, position, largest);
            if (!Completable(count - position - 1, total - sum, largest, reached)) continue;
            if (position == count - 1)
            {
                yield return (int[])tuple.Clone();
                continue;
            }
            prefix = sum;
            position++;
            tuple[position] = 0;
        }
    }

    private static bool ContainsLargest(int[] tuple, int upTo, int largest)
    {
        for (var k = 0; k < upTo; k++)
        {
            if (tuple[k] == largest) return true;
        }
        return false;
    }

    // Whether `left` more values in 1..largest can sum to `rest`, including one equal to largest if not reached.
    private static bool Completable(int left, long rest, int largest, bool reached)
    {
        if (left == 0) return rest == 0 && reached;
        var minimum = reached ? left : largest + (left - 1);
        return rest >= minimum && rest <= (long)left * largest;
    }
}
