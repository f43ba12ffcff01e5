using System.Globalization;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Benchmarks;

// A derivative bound as a catalog entry binds it: `of`, `wrt` and the expected closed form share one binder
// (so symbols and dimensions are shared), and the expected form's shape is unified with the variable's, as
// the verifier does, so a `ones` in it gets the variable's length.
internal sealed class Derivation
{
    private Derivation(Expr of, Expr wrt, Expr? expected, IndexFormContext context, IReadOnlyDictionary<string, Shape> symbols)
    {
        Of = of;
        Wrt = wrt;
        Expected = expected;
        Context = context;
        Symbols = symbols;
    }

    public Expr Of { get; }

    public Expr Wrt { get; }

    // The sum of the expected terms, built as the parser builds `t1 + t2 + …` (left-associated).
    public Expr? Expected { get; }

    public IndexFormContext Context { get; }

    // Every symbol's shape with dimensions resolved to names (m, n, …) or sizes.
    public IReadOnlyDictionary<string, Shape> Symbols { get; }

    public static Derivation Bind(DerivativeCase derivative)
    {
        ArgumentNullException.ThrowIfNull(derivative);
        return Bind(derivative.Of, derivative.Wrt, derivative.ExpectedTerms);
    }

    public static Derivation Bind(string of, string wrt, IReadOnlyList<string>? expectedTerms = null)
    {
        string[] texts = [of, wrt, .. expectedTerms ?? []];
        var nodes = texts.Select(Parse).ToArray();
        var binder = new Binder();
        foreach (var node in nodes) binder.CollectScalarHints(node);
        var exprs = nodes.Select((node, k) => binder.Bind(node, k switch { 0 => "of", 1 => "wrt", _ => "expected" })).ToArray();
        if (binder.Errors.Count > 0 || exprs.Any(e => e is null))
            throw new InvalidOperationException($"cannot bind `{Shorten(of)}`: {string.Join("; ", binder.Errors.Select(e => e.Message))}");
        var variable = Shapes.Of(exprs[1]!);
        foreach (var term in exprs.Skip(2))
        {
            var shape = Shapes.Of(term!);
            if (!binder.Unify(shape.Rows, variable.Rows) || !binder.Unify(shape.Columns, variable.Columns))
                throw new InvalidOperationException($"an expected term of ∂ `{Shorten(of)}` does not have the shape of `{wrt}`");
        }
        var expected = exprs.Length > 2 ? exprs.Skip(2).Select(e => binder.Resolve(e!)).Aggregate((sum, term) => new AddExpr(sum, term)) : null;
        var free = binder.FreeIndices.ToDictionary(p => p.Key, p => p.Value with { Range = binder.ResolveDim(p.Value.Range) }, StringComparer.Ordinal);
        var symbols = binder.Symbols.ToDictionary(
            p => p.Key, p => new Shape(binder.ResolveDim(p.Value.Rows), binder.ResolveDim(p.Value.Columns)), StringComparer.Ordinal);
        return new Derivation(binder.Resolve(exprs[0]!), binder.Resolve(exprs[1]!), expected, new IndexFormContext(free), symbols);
    }

    public CanonicalSum Gradient() => Context.Gradient(Of, Wrt);

    public CanonicalSum ExpectedForm() =>
        Context.Canonical(Expected ?? throw new InvalidOperationException("bound without an expected form"));

    public static SyntaxNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = Parser.Parse(text);
        if (!parsed.Succeeded)
        {
            var first = parsed.Errors[0];
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"cannot parse `{Shorten(text)}` at column {first.Span.Start + 1}: {first.Message}"));
        }
        return parsed.Node!;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
