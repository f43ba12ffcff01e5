using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// The shape a derivative entry's claims must have, decided while its texts are bound. Rule, stated once:
// - by scalars only (`wrt: t`, `wrt: X[j,k]`), `of` keeps whatever shape it has: the claim is the entrywise
//   derivative, of `of`'s shape;
// - by a vector or matrix, `of` is a scalar (unified with 1×1, as a gradient's `of` always was) unless it is
//   visibly a vector or matrix — a side of size ≠ 1 that a declaration or literal fixes — and then the
//   result is a Jacobian (`layout:` orders its axes) or, past two axes, a tensor the language does not have.
// The result's axes are DerivativeAxes'; `layout: denominator` reverses them only where the layout matters.
internal static class DerivativeTarget
{
    public sealed record Decision(Shape? Target, bool Reversed, Diagnostic? Error, Diagnostic? Warning);

    // ofText/wrtText/at: for messages; layout: the entry's `layout:` text (null when absent).
    public static Decision Decide(Binder binder, Expr of, IReadOnlyList<Expr> variables, string? layout, string ofText, string wrtText, SourceLocation at, SourceLocation layoutAt)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(variables);
        var shapes = variables.Select(v => v is SymbolExpr s ? binder.ShapeOf(s) : Shape.Scalar).ToArray();
        bool IsOne(Dim d) => binder.Find(d).IsOne;
        var byScalars = shapes.All(s => IsOne(s.Rows) && IsOne(s.Columns));
        var ofShape = binder.ShapeOf(of);
        var visible = new[] { ofShape.Rows, ofShape.Columns }.Any(d => !IsOne(d) && binder.HasDeclaredSize(d));
        if (!byScalars && !visible && !binder.UnifyShapes(ofShape, Shape.Scalar))
        {
            var because = binder.LastConflict() is (string declarations, string condition) ? $" ({declarations}; it is a scalar only if {condition})" : "";
            return new Decision(null, false, Diagnostic.Error(binder.LastConflict() is null ? DiagnosticCodes.NotScalar : DiagnosticCodes.DeclaredShapeViolated,
                $"`of` must be a scalar or a declared vector: `{ofText}` is {binder.Display(ofShape)} (wrap it in tr(…), or declare its shape?){because}", at), null);
        }
        ofShape = binder.ShapeOf(of);
        var axes = DerivativeAxes.Of(ofShape, shapes, reversed: false, IsOne);
        if (axes.Count > DerivativeAxes.MaxAxes)
        {
            var parts = string.Join(", ", new[] { $"`{ofText}` is {binder.Display(ofShape)}" }.Concat(variables.Select((v, k) => $"`{Printed(v)}` is {binder.Display(shapes[k])}")));
            return new Decision(null, false, Diagnostic.Error(DiagnosticCodes.DerivativeIsTensor,
                $"the derivative of `{ofText}` with respect to `{wrtText}` has {axes.Count} indices ({parts}): a tensor, which the language does not have; differentiate a scalar (a trace, an entry `M[i,j]`) or by an entry (`X[i,j]`)", at), null);
        }
        var matters = DerivativeAxes.LayoutMatters(axes);
        if (matters && layout is null)
        {
            return new Decision(null, false, Diagnostic.Error(DiagnosticCodes.LayoutMissing,
                $"the derivative of the vector `{ofText}` ({binder.Display(ofShape)}) with respect to the vector `{wrtText}` is a Jacobian: state `layout: numerator` (rows follow `of`) or `layout: denominator` (rows follow `wrt`)", at), null);
        }
        var warning = !matters && layout is not null
            ? Diagnostic.Warning(DiagnosticCodes.LayoutWithoutEffect, $"`layout: {layout}` has no effect: the derivative of `{ofText}` with respect to `{wrtText}` is no Jacobian of a vector by a vector", layoutAt)
            : null;
        var reversed = matters && layout == "denominator";
        return new Decision(DerivativeAxes.ResultShape(DerivativeAxes.Of(ofShape, shapes, reversed, IsOne)), reversed, null, warning);
    }

    private static string Printed(Expr variable) => variable switch
    {
        SymbolExpr s => s.Name,
        _ => ExprPrinter.Print(variable),
    };
}
