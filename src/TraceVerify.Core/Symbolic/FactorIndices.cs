using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TraceVerify.Symbolic;

internal static class FactorIndices
{
    public static IEnumerable<int> Of(Factor factor) => factor switch
    {
        TensorFactor t => t.Indices,
        DeltaFactor d => [d.First, d.Second],
        OnesFactor o => [o.Index],
        PositionFactor e => [e.Index],
        FunctionFactor f => f.Arguments,
        MatrixFunctionFactor f => f.Arguments,
        _ => throw new UnreachableException($"no index rule for {factor.GetType().Name}"),
    };

    // Whether index id occurs in the factor: Of(factor).Contains(id) without the enumerator allocations, since the
    // canonicalizer asks it of every factor at every δ contraction.
    public static bool Mentions(Factor factor, int id) => factor switch
    {
        TensorFactor t => Contains(t.Indices, id),
        DeltaFactor d => d.First == id || d.Second == id,
        OnesFactor o => o.Index == id,
        PositionFactor e => e.Index == id,
        FunctionFactor f => Contains(f.Arguments, id),
        MatrixFunctionFactor f => Contains(f.Arguments, id),
        _ => throw new UnreachableException($"no index rule for {factor.GetType().Name}"),
    };

    public static Factor Rename(Factor factor, Func<int, int> map) => factor switch
    {
        TensorFactor t => t with { Indices = Renamed(t.Indices, map) },
        DeltaFactor d => new DeltaFactor(map(d.First), map(d.Second)),
        OnesFactor o => new OnesFactor(map(o.Index)),
        PositionFactor e => e with { Index = map(e.Index) },
        FunctionFactor f => f with { Arguments = Renamed(f.Arguments, map) },
        MatrixFunctionFactor f => f with { Arguments = Renamed(f.Arguments, map) },
        _ => throw new UnreachableException($"no index rule for {factor.GetType().Name}"),
    };

    // map applied to each index, into a fresh array the result then owns (the canonicalizer renames every
    // factor of every term, so this avoids LINQ's iterator and a second copy).
    private static EquatableArray<int> Renamed(EquatableArray<int> indices, Func<int, int> map)
    {
        var renamed = new int[indices.Count];
        for (var k = 0; k < renamed.Length; k++) renamed[k] = map(indices[k]);
        return new EquatableArray<int>(ImmutableCollectionsMarshal.AsImmutableArray(renamed));
    }

    private static bool Contains(EquatableArray<int> indices, int id)
    {
        for (var k = 0; k < indices.Count; k++)
        {
            if (indices[k] == id) return true;
        }
        return false;
    }
}
