using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Symbolic;

public class MatrixFormTests
{
    private const int Cases = 500;

    // The notes' derivatives print in the notes' own notation (the printer orders terms by canonical key).
    [Theory]
    [InlineData("tr(A*X*B)", "X", "A'*B'")]
    [InlineData("tr(A*X'*B)", "X", "B*A")]
    [InlineData("tr(A*X*B*X*C')", "X", "A'*C*X'*B' + B'*X'*A'*C")]
    [InlineData("tr(A*X*X'*B*C*X'*X*C)", "X", "A'*C'*X'*X*C'*B'*X + B*C*X'*X*C*A*X + X*C'*B'*X*X'*A'*C' + X*C*A*X*X'*B*C")]
    [InlineData("tr((X - W*H)*(X - W*H)')", "W", "2*W*H*H' - 2*X*H'")]
    [InlineData("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B'")]
    [InlineData("tr(V'*log(A*X'*B))", "X", "B*(V ./ (A*X'*B))'*A")]
    [InlineData("tr(A*diag(x)*B)", "x", "(A' .* B)*ones")]
    [InlineData("tr(ones*ones'*A*diag(x)*B)", "x", "(A'*ones) .* (B*ones)")]
    [InlineData("tr(V'*log(A*diag(x)*B))", "x", "(A'*(V ./ (A*diag(x)*B)) .* B)*ones")]
    [InlineData("tr(sum(k; V'*log(A*diag(B[k,:]*X)*C)))", "X", "B'*rows(k; ones'*((V ./ (A*diag(B[k,:]*X)*C))'*A .* C'))")]
    [InlineData("tr(A*X*B)", "X[j,k]", "(B*A)[k,j]")]
    [InlineData("tr(A*diag(x)*B)", "x[j]", "((A' .* B)*ones)[j]")]
    [InlineData("fro(X)^2", "X", "2*X")]
    [InlineData("tr(X*X)", "X", "2*X'")]
    [InlineData("tr(X)", "X", "I")]
    [InlineData("fro(X)", "X", "X/fro(X)")]
    [InlineData("fro(X - W*H)", "W", "W*H*H'/fro(W*H - X) - X*H'/fro(W*H - X)")]
    [InlineData("fro(A + A')", "A", "2*A/fro(A + A') + 2*A'/fro(A + A')")]
    public void The_notes_derivatives_print_in_matrix_notation(string of, string wrt, string expected)
    {
        var bound = new Bound();
        var f = bound.Bind(of);
        var x = bound.Bind(wrt);
        var gradient = bound.Context().Gradient(bound.Resolve(f), bound.Resolve(x));
        var shape = x is SymbolExpr s ? s.Shape : Shape.Scalar;
        var printed = MatrixForm.Print(gradient, MatrixFormContext.For(bound.Binder, shape));
        Assert.NotNull(printed);
        Assert.Equal(expected, ExprPrinter.Print(printed.Expr));
        Assert.True(printed.InMatrixNotation);
        AssertBindsBack(bound, () => bound.Context().Gradient(bound.Resolve(f), bound.Resolve(x)), printed.Expr, shape);
    }

    // Canonical forms print back to text in the notes' notation, or index notation where none exists.
    [Theory]
    [InlineData("(A*B)[i,k]", "(A*B)[i,k]")]
    [InlineData("tr(A*B*C)", "tr(A*B*C)")]
    [InlineData("x'*A*y", "x'*A*y")]
    [InlineData("A .* B'", "A .* B'")]
    [InlineData("diag(x)*A*diag(y)", "diag(x)*A*diag(y)")]
    [InlineData("x*y'", "x*y'")]
    [InlineData("A - A", "0*ones*ones'")]
    [InlineData("tr(A)*B", "tr(A)*B")]
    [InlineData("log(A) ./ B", "log(A) ./ B")]
    [InlineData("1/2*A", "1/2*A")]
    [InlineData("I .* A", "A .* I")]
    [InlineData("tr(I + A)", "sum(i; (A*ones)[i]^0) + tr(A)")]
    [InlineData("matrix(i,j; A[i,j]*B[i,k]*C[j,k])", "diag(B[:,k])*A*diag(C[:,k])")]
    [InlineData("matrix(i,j; sum(l; A[i,l]*B[j,l]*C[k,l]))", "A*diag(C[k,:])*B'")]
    [InlineData("matrix(i,j; sum(s,t; A[i,s]*B[i,t]*C[j,s]*D[j,t]*E[s,t]))", "matrix(i,j; sum(k,l; A[i,k]*B[i,l]*C[j,k]*D[j,l]*E[k,l]))")]
    public void Canonical_forms_print_back(string text, string expected)
    {
        var bound = new Bound();
        var expr = bound.Bind(text);
        var canonical = bound.Context().Canonical(bound.Resolve(expr));
        var printed = MatrixForm.ToExpr(canonical, MatrixFormContext.For(bound.Binder, Shapes.Of(expr)));
        Assert.NotNull(printed);
        Assert.Equal(expected, ExprPrinter.Print(printed));
        AssertBindsBack(bound, () => bound.Context().Canonical(bound.Resolve(expr)), printed, Shapes.Of(expr));
    }

    [Fact]
    public void Generated_texts_bind_to_the_generated_expressions()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var generator = new ExpressionGenerator(seed);
            var generated = generator.Next(generator.RandomShape(), 3);
            var bound = new Bound(ExpressionGenerator.Declarations);
            var resolved = bound.Resolve(bound.Bind(generated.Text));
            // The binder may name a class of unified dimensions after a fresh member; map the names back
            // through the declared symbols. A dimension no symbol pins would stay unmapped and differ.
            var names = new Dictionary<Dim, Dim>();
            foreach (var name in ExpressionGenerator.Declarations.Keys)
            {
                var declared = ExpressionGenerator.SymbolShape(name);
                var shape = bound.Binder.SymbolShape(name);
                names[bound.Binder.ResolveDim(shape.Rows)] = declared.Rows;
                names[bound.Binder.ResolveDim(shape.Columns)] = declared.Columns;
            }
            Assert.Equal(generated.Expr, DimensionMap.Apply(resolved, d => names.TryGetValue(d, out var m) ? m : d));
        }
    }

    // The property: for the canonical form s of any bound expression, print(ToExpr(s)) parsed and bound
    // in the same binder, with the same shape, has canonical form s again. The generator covers the whole
    // language (ExpressionGenerator); gradients add reciprocals, δ's and function factors at repeated
    // arguments that no written expression has.
    [Fact]
    public void Printed_canonical_forms_bind_back_to_themselves() => PrintedFormsBindBack(ExpressionGenerator.Any(), 20251121);

    [Fact]
    public void Printed_canonical_forms_with_sin_cos_tan_sqrt_and_abs_bind_back_to_themselves() =>
        PrintedFormsBindBack(ExpressionGenerator.Any(scalarFunctions: true), 20261128);

    private static void PrintedFormsBindBack(Gen<GeneratedExpression> expressions, ulong seed)
    {
        var property = Prop.ForAll(expressions.ToArbitrary(), generated =>
        {
            var bound = new Bound(ExpressionGenerator.Declarations);
            var expr = bound.Bind(generated.Text);
            var canonical = bound.Context().Canonical(bound.Resolve(expr));
            var printed = MatrixForm.ToExpr(canonical, MatrixFormContext.For(bound.Binder, Shapes.Of(expr)));
            if (printed is null && HasSymmetricBody(canonical)) return;
            Assert.True(printed is not null, $"no printed form for {generated.Text}");
            AssertBindsBack(bound, () => bound.Context().Canonical(bound.Resolve(expr)), printed, Shapes.Of(expr));
        });
        Check.One(Configuration(seed), property);
    }

    [Fact]
    public void Printed_gradients_bind_back_to_themselves() => PrintedGradientsBindBack(ExpressionGenerator.Scalars(), 20251122);

    [Fact]
    public void Printed_gradients_with_sin_cos_tan_sqrt_and_abs_bind_back_to_themselves() =>
        PrintedGradientsBindBack(ExpressionGenerator.ScalarsWithScalarFunctions(), 20261129);

    private static void PrintedGradientsBindBack(Gen<GeneratedExpression> expressions, ulong seed)
    {
        var property = Prop.ForAll(expressions.ToArbitrary(), generated =>
        {
            var bound = new Bound(ExpressionGenerator.Declarations);
            var expr = bound.Bind(generated.Text);
            var variable = Variables(bound.Resolve(expr)).FirstOrDefault();
            if (variable is null) return;
            var shape = bound.Binder.SymbolShape(variable.Name);
            CanonicalSum Gradient() => bound.Context().Gradient(bound.Resolve(expr), bound.Resolve(new SymbolExpr(variable.Name, shape)));
            var gradient = Gradient();
            var printed = MatrixForm.ToExpr(gradient, MatrixFormContext.For(bound.Binder, shape));
            if (printed is null && HasSymmetricBody(gradient)) return;
            Assert.True(printed is not null, $"no printed form for ∂({generated.Text})/∂{variable.Name}");
            AssertBindsBack(bound, Gradient, printed, shape);
        });
        Check.One(Configuration(seed), property);
    }

    private static Config Configuration(ulong seed) =>
        Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

    // Whether some function factor's body is unchanged by permuting its parameters (log(A + A')). The
    // canonical form then keeps the argument order it was written with: equal terms can stay apart
    // (exp(f(C)) at (i,j,k) and at (i,k,j) for a body symmetric in its last two places), and no text prints
    // the second one back. The printer answers null there rather than a form that binds differently.
    private static bool HasSymmetricBody(CanonicalSum sum) =>
        sum.Terms.SelectMany(t => t.Factors).OfType<FunctionFactor>().Any(f => IsSymmetric(f.Body) || HasSymmetricBody(f.Body));

    private static bool IsSymmetric(CanonicalSum body)
    {
        var count = body.Parameters.Count;
        foreach (var order in Permutations(Enumerable.Range(0, count).ToArray()).Skip(1))
        {
            if (order.Select((p, k) => body.Parameters[p] == body.Parameters[k]).Any(same => !same)) continue;
            var pool = new IndexPool();
            var ids = body.Parameters.Select(pool.Fresh).ToArray();
            var permuted = FunctionFactors.Instantiate(body, order.Select(p => ids[p]).ToArray(), pool);
            if (Canonicalizer.Canonicalize(permuted, ids, pool).Equals(body)) return true;
        }
        return false;
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(first => Permutations(items.Where(i => i != first).ToArray()).Select(rest => (int[])[first, .. rest]));

    // The non-scalar symbols of an expression, matrices before vectors, then by name.
    private static IEnumerable<SymbolExpr> Variables(Expr expr) =>
        ExprNodes.Walk(expr).Select(n => n.Node).OfType<SymbolExpr>().Where(s => !s.Shape.IsScalar).Distinct()
            .OrderBy(s => s.Shape.Rows.IsOne || s.Shape.Columns.IsOne ? 1 : 0).ThenBy(s => s.Name, StringComparer.Ordinal);

    // `shape` is the binder's own (unresolved) shape of the original, which the printed text must take.
    // Binding more text can change which name a class of unified dimensions resolves to (never which
    // dimensions are equal), and the canonical form spells ranges by name, so the classes are named back
    // after the symbols' dimensions as the original was resolved before comparing.
    private static void AssertBindsBack(Bound bound, Func<CanonicalSum> original, Expr printed, Shape shape)
    {
        var expected = original();
        var before = bound.Binder.Symbols.ToDictionary(p => p.Key, p => (Rows: bound.Binder.ResolveDim(p.Value.Rows), Columns: bound.Binder.ResolveDim(p.Value.Columns)));
        var freeBefore = bound.Binder.FreeIndices.ToDictionary(p => p.Key, p => bound.Binder.ResolveDim(p.Value.Range));
        var text = ExprPrinter.Print(printed);
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded, $"`{text}` does not parse: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        bound.Binder.CollectScalarHints(parsed.Node!);
        var rebound = bound.Binder.Bind(parsed.Node!, "printed");
        Assert.True(rebound is not null && bound.Errors.Count == 0, $"`{text}` does not bind: {string.Join("; ", bound.Errors.Select(e => e.Message))}");
        var reboundShape = Shapes.Of(rebound!);
        Assert.True(bound.Binder.Unify(reboundShape.Rows, shape.Rows) && bound.Binder.Unify(reboundShape.Columns, shape.Columns), $"`{text}` has another shape");
        var names = new Dictionary<Dim, Dim>();
        void Name(Dim now, Dim then) => Assert.True(names.TryAdd(bound.Binder.ResolveDim(now), then) || names[bound.Binder.ResolveDim(now)] == then, $"`{text}` equates distinct dimensions");
        foreach (var (name, (rows, columns)) in before)
        {
            Name(bound.Binder.Symbols[name].Rows, rows);
            Name(bound.Binder.Symbols[name].Columns, columns);
        }
        foreach (var (name, range) in freeBefore) Name(bound.Binder.FreeIndices[name].Range, range);
        var resolved = DimensionMap.Apply(bound.Resolve(rebound!), d => names.TryGetValue(d, out var then) ? then : d);
        var context = new IndexFormContext(freeBefore.ToDictionary(p => p.Key, p => new IndexVariable(p.Key, p.Value)));
        var actual = context.Canonical(resolved);
        Assert.True(expected.Equals(actual), $"`{text}` binds to another canonical form:\n  expected {IndexNotation.Print(expected)}\n  actual   {IndexNotation.Print(actual)}\n  {expected.Key}\n  {actual.Key}");
    }
}
