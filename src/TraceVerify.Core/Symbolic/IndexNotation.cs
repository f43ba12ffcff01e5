using System.Diagnostics;
using System.Text;

namespace TraceVerify.Symbolic;

// Prints a canonical index-form sum as readable index notation: the index normal form reports show.
// Parameters print as r, c (row, column of a matrix result) or the entry's free index names.
internal static class IndexNotation
{
    private static readonly string[] BoundNames = ["i", "j", "k", "l", "m", "n", "p", "q", "s", "t", "u", "v", "w"];

    public static string Print(CanonicalSum sum) => Print(sum, null);

    public static string Print(CanonicalSum sum, IReadOnlyList<string>? parameterNames)
    {
        ArgumentNullException.ThrowIfNull(sum);
        var names = parameterNames ?? DefaultNames(sum);
        if (sum.Terms.Count == 0) return "0";
        var b = new StringBuilder();
        for (var t = 0; t < sum.Terms.Count; t++)
        {
            var term = sum.Terms[t];
            var coefficient = term.Coefficient;
            if (t > 0) b.Append(coefficient.Sign < 0 ? " - " : " + ");
            else if (coefficient.Sign < 0) b.Append('-');
            var magnitude = coefficient.Abs();
            var all = names.ToList();
            var bound = new List<string>();
            foreach (var _ in term.BoundRanges)
            {
                var name = BoundNames.Concat(Enumerable.Range(1, int.MaxValue - 1).Select(n => "i" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))).First(n => !all.Contains(n));
                all.Add(name);
                bound.Add(name);
            }
            if (bound.Count > 0) b.Append("Σ_").Append(string.Join(",", bound)).Append(' ');
            var factors = term.Factors.Select(f => Factor(f, all)).ToList();
            if (!magnitude.IsOne || factors.Count == 0) factors.Insert(0, magnitude.ToString());
            b.Append(string.Join("·", factors));
        }
        return b.ToString();
    }

    // A row or column over a product size is several parameters (IndexSplit): r1, r2, … and c1, c2, ….
    private static string[] DefaultNames(CanonicalSum sum)
    {
        if (sum.Shape is not { } shape || (shape.Rows is not ProductDim && shape.Columns is not ProductDim)) return DefaultNames(sum.Parameters.Count);
        string[] Parts(Dim dim, string stem) => dim.IsOne ? [] : [.. Dim.Atoms(dim).Select((_, k) => stem + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        string[] entry = [.. Parts(shape.Rows, "r"), .. Parts(shape.Columns, "c")];
        return [.. entry, .. Enumerable.Range(1, Math.Max(0, sum.Parameters.Count - entry.Length)).Select(n => "f" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static string[] DefaultNames(int count) => count switch
    {
        0 => [],
        1 => ["r"],
        _ => ["r", "c", .. Enumerable.Range(1, count - 2).Select(n => "f" + n)],
    };

    private static string Factor(Factor factor, List<string> names) => factor switch
    {
        TensorFactor t when t.Indices.Count == 0 => t.Symbol,
        TensorFactor t => $"{t.Symbol}[{string.Join(",", t.Indices.Select(i => names[i]))}]",
        DeltaFactor d => $"δ[{names[d.First]},{names[d.Second]}]",
        OnesFactor o => $"1[{names[o.Index]}]",
        PositionFactor e => $"e{e.Position}[{names[e.Index]}]",
        FunctionFactor { Function: FunctionKind.OddRoot } f => $"root{f.Degree}({Print(f.Body, f.Arguments.Select(a => names[a]).ToArray())})",
        FunctionFactor f => $"{FunctionName(f.Function)}({Print(f.Body, f.Arguments.Select(a => names[a]).ToArray())})",
        MatrixFunctionFactor { Function: MatrixFunction.Inverse } f =>
            $"inv({Print(f.Body, ["α", "β", .. f.Outer.Select(a => names[a])])})[{names[f.Arguments[0]]},{names[f.Arguments[1]]}]",
        MatrixFunctionFactor { Function: MatrixFunction.Adjugate } f =>
            $"adj({Print(f.Body, ["α", "β", .. f.Outer.Select(a => names[a])])})[{names[f.Arguments[0]]},{names[f.Arguments[1]]}]",
        MatrixFunctionFactor f => $"det({Print(f.Body, ["α", "β", .. f.Outer.Select(a => names[a])])})",
        _ => throw new UnreachableException($"no index notation for {factor.GetType().Name}"),
    };

    private static string FunctionName(FunctionKind kind) => kind switch
    {
        FunctionKind.Log => "log",
        FunctionKind.Exp => "exp",
        FunctionKind.Reciprocal => "1/",
        FunctionKind.Sqrt => "sqrt",
        FunctionKind.Sin => "sin",
        FunctionKind.Cos => "cos",
        FunctionKind.Tan => "tan",
        FunctionKind.Abs => "abs",
        _ => throw new UnreachableException($"no name for {kind}"),
    };
}
