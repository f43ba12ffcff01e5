using FsCheck;
using FsCheck.Fluent;
using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Fuzzing;

public class ShrinkerTests
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private static readonly BoundEntry Misprinted21 = Entries.Derivative(
        "tr(A*X*X'*B*C*X'*X*C)", "X", "A*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C*A*X*X'*B*C + X*C'*B'*X*X'*A'*C'");

    private static readonly BoundEntry DroppedTranspose = Entries.Derivative("tr(A*X*B)", "X", "A*B'");

    [Fact]
    public void EveryShrinkStep_IsSmallerAndStillFails_Property()
    {
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 1));
        var shrinker = new Shrinker(DroppedTranspose);
        bool Fails(FuzzCase c) => fuzzer.Check(DroppedTranspose, c).Status == CheckStatus.Failed;

        Prop.ForAll(fuzzer.Arbitrary(DroppedTranspose), c => Prop.When(Fails(c), () =>
        {
            var path = shrinker.Shrink(c, Fails);
            return path.Zip(path.Skip(1)).All(step => Shrinker.Measure(step.Second) < Shrinker.Measure(step.First) && Fails(step.Second));
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(30).WithReplay(11, Gamma));
    }

    [Fact]
    public void EveryShrinkStep_IsSmallerAndStillFails_OnTheNotes21()
    {
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 1));
        var shrinker = new Shrinker(Misprinted21);
        bool Fails(FuzzCase c) => fuzzer.Check(Misprinted21, c).Status == CheckStatus.Failed;

        foreach (var seed in new ulong[] { 1, 2, 3, 4 })
        {
            var failing = Gen.Sample(fuzzer.Generator(Misprinted21), 40, new Rnd(seed), 4).First(Fails);
            var path = shrinker.Shrink(failing, Fails);

            Assert.True(path.Count > 1, $"seed {seed}: nothing shrank");
            Assert.Same(failing, path[0]);
            foreach (var (before, after) in path.Zip(path.Skip(1)))
            {
                Assert.True(Shrinker.Measure(after) < Shrinker.Measure(before), $"seed {seed}: {Shrinker.Measure(after)} is not below {Shrinker.Measure(before)}");
                Assert.True(Fails(after));
            }

            // Locally minimal: no single further shrink still fails.
            Assert.DoesNotContain(shrinker.Candidates(path[^1]), Fails);
        }
    }

    [Fact]
    public void Candidates_AreStrictlySmaller_Property()
    {
        var fuzzer = new Fuzzer(new FuzzOptions(Seed: 1));
        var shrinker = new Shrinker(Misprinted21);

        Prop.ForAll(fuzzer.Arbitrary(Misprinted21), c => shrinker.Candidates(c).All(smaller => Shrinker.Measure(smaller) < Shrinker.Measure(c)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20).WithReplay(5, Gamma));
    }

    [Fact]
    public void DimensionsShrinkFirst_ByDroppingTrailingRowsAndColumns()
    {
        var entry = Entries.Equality("tr(A*B)", "tr(B*A)");
        var rowsOfA = ((DimVariable)entry.Symbols["A"].Rows).Name;
        var colsOfA = ((DimVariable)entry.Symbols["A"].Columns).Name;
        var fuzzCase = new FuzzCase(
            new Dictionary<string, int> { [rowsOfA] = 3, [colsOfA] = 2 },
            new Dictionary<string, Matrix<Rational>>
            {
                ["A"] = Matrix<Rational>.Create(3, 2, (r, c) => Rational.Of((10 * r) + c + 1)),
                ["B"] = Matrix<Rational>.Create(2, 3, (r, c) => Rational.Of(-((10 * r) + c + 1))),
            });

        var candidates = new Shrinker(entry).Candidates(fuzzCase).ToArray();

        // Sizes 1, 2 for the 3 and 1 for the 2 come first, in the entry's dimension order.
        var first = entry.Dimensions[0] == rowsOfA ? candidates[0] : candidates[1];
        Assert.Equal(1, first.Dimensions[rowsOfA]);
        Assert.Equal(2, first.Dimensions[colsOfA]);
        Assert.Equal("[1, 2]", first.Values["A"].ToString());
        Assert.Equal("[-1; -11]", first.Values["B"].ToString());
        Assert.All(candidates.Take(3), c => Assert.True(c.Dimensions.Values.Sum() < 5));
        Assert.All(candidates.Skip(3), c => Assert.Equal(5, c.Dimensions.Values.Sum()));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("-1", 2)]
    [InlineData("2", 3)]
    [InlineData("-2", 4)]
    [InlineData("3", 5)]
    public void Rank_OrdersZeroThenOneThenMinusOneThenLargerIntegers(string value, long rank) =>
        Assert.Equal(rank, Shrinker.Rank(Rational.ParseDecimal(value.TrimStart('-')) * (value.StartsWith('-') ? -1 : 1)));

    [Fact]
    public void Rank_PutsFractionsAboveSmallIntegers()
    {
        Assert.True(Shrinker.Rank(Rational.Of(1, 2)) > Shrinker.Rank(Rational.Of(-100)));
        Assert.True(Shrinker.Rank(Rational.Of(-1, 3)) > Shrinker.Rank(Rational.Of(3)));
    }
}
