using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

// ∂of/∂wrt for command-line texts: bound in one binder, the gradient's canonical form, and what printing it
// in matrix notation needs. Null (after printing the error) when the texts do not bind or `of` is no scalar.
internal sealed record Derivation(Expr Of, Expr Wrt, CanonicalSum Gradient, MatrixFormContext Forms, IReadOnlyDictionary<string, IndexVariable> FreeIndices)
{
    public static Derivation? Run(string of, string wrt)
    {
        var binder = new Binder();
        if (ExpressionInput.Bind(binder, of, wrt) is not { } exprs) return null;
        if (exprs[1] is not (SymbolExpr or EntryExpr { Target: SymbolExpr, Row: not SliceSlot, Column: not SliceSlot }))
        {
            Console.Error.WriteLine($"traceverify: error TV0208: `--wrt` must be a symbol (`X`) or one entry of a symbol (`X[j,k]`, `x[j]`), found `{wrt}`");
            return null;
        }
        if (!Shapes.Of(exprs[0]).IsScalar)
        {
            Console.Error.WriteLine("traceverify: error: only a scalar can be differentiated (wrap a matrix in tr(…))");
            return null;
        }
        var free = binder.ResolvedFreeIndices();
        var gradient = new IndexFormContext(free).Gradient(exprs[0], exprs[1]);
        var shape = exprs[1] is SymbolExpr variable ? variable.Shape : Shape.Scalar;
        return new Derivation(exprs[0], exprs[1], gradient, MatrixFormContext.For(binder, shape), free);
    }
}
