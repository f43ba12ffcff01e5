using TraceVerify.Catalog;
using TraceVerify.Fuzzing;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Benchmarks;

// The fuzz throughput workload: cases of the notes' (19)→(20) (entry traa-20) with every dimension 3, values
// small integers from a seeded generator, each decided by Fuzzer.Check. Every case is verified to pass in
// exact rational arithmetic, so the rate measured is that of exact cases.
internal sealed class FuzzWorkload
{
    public const string EntryId = "traa-20";
    public const int Size = 3;
    public const long Seed = 20261121;

    private FuzzWorkload(BoundEntry entry, Fuzzer fuzzer, FuzzCase[] cases)
    {
        Entry = entry;
        Fuzzer = fuzzer;
        Cases = cases;
    }

    public BoundEntry Entry { get; }

    public Fuzzer Fuzzer { get; }

    public IReadOnlyList<FuzzCase> Cases { get; }

    public static FuzzWorkload Create(int count)
    {
        var entry = NotesEntries.Bound(EntryId);
        var target = FuzzTarget.Of(entry);
        var random = new Random((int)Seed);
        var dimensions = target.Dimensions.ToDictionary(name => name, _ => Size, StringComparer.Ordinal);
        int SizeOf(Dim dim) => dim switch
        {
            KnownDim k => k.Size,
            DimVariable v => dimensions[v.Name],
            _ => throw new InvalidOperationException($"no size for {dim}"),
        };
        var cases = new FuzzCase[count];
        for (var k = 0; k < count; k++)
        {
            var values = target.Inputs.ToDictionary(
                input => input.Name,
                input => Matrix<Rational>.Create(SizeOf(input.Shape.Rows), SizeOf(input.Shape.Columns), (_, _) => Rational.Of(random.Next(-3, 4))),
                StringComparer.Ordinal);
            cases[k] = new FuzzCase(dimensions, values);
        }
        var fuzzer = new Fuzzer(new FuzzOptions(Seed, Cases: 1, MaxDimension: Size));
        foreach (var c in cases)
        {
            var result = fuzzer.Check(entry, c);
            if (result.Status != CheckStatus.Passed || !result.Exact)
                throw new InvalidOperationException($"a (19)→(20) case was {result.Status} (exact: {result.Exact}); the workload must be passing exact cases");
        }
        return new FuzzWorkload(entry, fuzzer, cases);
    }

    public int CheckAll()
    {
        var passed = 0;
        foreach (var c in Cases)
        {
            if (Fuzzer.Check(Entry, c).Status == CheckStatus.Passed) passed++;
        }
        return passed;
    }
}
