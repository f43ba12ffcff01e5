using System.Diagnostics;
using TraceVerify.Proof;

namespace TraceVerify.Tests.Proof;

// The lazy enumeration of shapes gives exactly the order of sorting every assignment (largest size, then total,
// then lexicographic), and taking the first few of an astronomically long sequence costs only those few.
public class ShapeOrderTests
{
    // The specification: every assignment, materialised and sorted.
    private static List<int[]> Sorted(int count, int max)
    {
        IEnumerable<int[]> all = [[]];
        for (var k = 0; k < count; k++) all = all.SelectMany(a => Enumerable.Range(1, max).Select(v => (int[])[.. a, v]));
        return all.OrderBy(a => a.Length == 0 ? 0 : a.Max()).ThenBy(a => a.Sum())
            .ThenBy(a => a, Comparer<int[]>.Create((x, y) => x.Zip(y, (p, q) => p.CompareTo(q)).FirstOrDefault(d => d != 0)))
            .ToList();
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void The_lazy_order_is_the_sorted_order(int count, int max)
    {
        var expected = Sorted(count, max);
        var actual = ShapeOrder.Assignments(count, max).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var k = 0; k < expected.Count; k++) Assert.Equal(expected[k], actual[k]);
        Assert.Equal(expected.Count, (int)ShapeOrder.Count(count, max));
    }

    [Fact]
    public void The_smallest_forty_of_three_to_the_sixtieth_shapes_come_at_once()
    {
        var names = Enumerable.Range(1, 60).Select(k => $"d{k}").ToArray();
        var clock = Stopwatch.StartNew();

        var first = Z3Method.Shapes(names, 3).Take(40).ToList();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(40, first.Count);
        Assert.All(first[0].Values, size => Assert.Equal(1, size));
        Assert.Equal(61, first[1].Values.Sum());
    }
}
