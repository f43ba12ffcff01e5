using System.Globalization;

namespace TraceVerify.Benchmarks;

// The two families whose derivatives grow with n, each with its closed form written out as text:
//   ∂ tr(Xⁿ)/∂X = n (Xᵀ)ⁿ⁻¹;
//   ∂ tr(A₁X A₂X … AₙX)/∂X = Σₖ Aₖᵀ Xᵀ Aₖ₋₁ᵀ Xᵀ … A₁ᵀ Xᵀ Aₙᵀ Xᵀ … Aₖ₊₁ᵀ — the k-th appearance of X is
//   tr(M X) with M = Aₖ₊₁X … AₙX A₁X … Aₖ, whose derivative is Mᵀ.
// The language's `^` raises scalars only, so Xⁿ is written as the product X*X*…*X.
internal static class ScalingSeries
{
    public static readonly int[] PowerSizes = [2, 4, 8, 16, 32, 64, 128, 256];

    public static readonly int[] ChainSizes = [2, 4, 8, 16, 32, 64];

    public static DerivativeCase Power(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var of = $"tr({string.Join("*", Enumerable.Repeat("X", n))})";
        var expected = string.Create(CultureInfo.InvariantCulture, $"{n}*{string.Join("*", Enumerable.Repeat("X'", n - 1))}");
        return new DerivativeCase(Id("power", n), Label("tr(X^", n, ")"), of, "X", [expected]);
    }

    public static DerivativeCase Chain(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var of = $"tr({string.Join("*", Enumerable.Range(1, n).Select(k => A(k) + "*X"))})";
        var terms = Enumerable.Range(1, n).Select(k =>
            string.Join("*X'*", Enumerable.Range(0, n).Select(step => A(((k - 1 - step) % n + n) % n + 1) + "'")));
        return new DerivativeCase(Id("chain", n), Label("tr(A1*X*...*A", n, "*X)"), of, "X", terms.ToArray());
    }

    public static IEnumerable<DerivativeCase> All() =>
        PowerSizes.Select(Power).Concat(ChainSizes.Select(Chain));

    private static string A(int k) => "A" + k.ToString(CultureInfo.InvariantCulture);

    private static string Id(string family, int n) => family + "-" + n.ToString(CultureInfo.InvariantCulture);

    private static string Label(string before, int n, string after) => before + n.ToString(CultureInfo.InvariantCulture) + after;
}
