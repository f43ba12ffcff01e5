using System.Diagnostics;

namespace TraceVerify.Symbolic;

internal static class FactorIndices
{
    public static IEnumerable<int> Of(Factor factor) => factor switch
    {
        TensorFactor t => t.Indices,
        DeltaFactor d => [d.First, d.Second],
        OnesFactor o => [o.Index],
        FunctionFactor f => f.Arguments,
        _ => throw new UnreachableException($"no index rule for {factor.GetType().Name}"),
    };

    public static Factor Rename(Factor factor, Func<int, int> map) => factor switch
    {
        TensorFactor t => t with { Indices = new EquatableArray<int>(t.Indices.Select(map)) },
        DeltaFactor d => new DeltaFactor(map(d.First), map(d.Second)),
        OnesFactor o => new OnesFactor(map(o.Index)),
        FunctionFactor f => f with { Arguments = new EquatableArray<int>(f.Arguments.Select(map)) },
        _ => throw new UnreachableException($"no index rule for {factor.GetType().Name}"),
    };
}
