using TraceVerify.Symbolic;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Symbolic;

// Parses and binds expression texts in one binder, as one catalog entry would.
internal sealed class Bound
{
    private readonly Binder _binder;
    private readonly Dictionary<string, string> _frozen;

    public Bound(IReadOnlyDictionary<string, string>? shapes = null, IReadOnlyDictionary<string, string>? frozen = null)
    {
        var declared = (shapes ?? new Dictionary<string, string>()).ToDictionary(
            p => p.Key, p => ShapeDeclaration.TryParse(p.Value, out var d) ? d : throw new ArgumentException(p.Value));
        _frozen = new Dictionary<string, string>(frozen ?? new Dictionary<string, string>());
        _binder = new Binder(declared, null, _frozen);
    }

    public Expr Bind(string text)
    {
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        _binder.CollectScalarHints(parsed.Node!);
        var expr = _binder.Bind(parsed.Node!, "test");
        Assert.True(expr is not null && _binder.Errors.Count == 0, string.Join("; ", _binder.Errors.Select(e => e.Message)));
        return expr!;
    }

    public IReadOnlyList<BindError> Errors => _binder.Errors;

    public Binder Binder => _binder;

    public Expr Resolve(Expr expr) => _binder.Resolve(expr);

    public IndexFormContext Context() => new(
        _binder.ResolvedFreeIndices(), _frozen);

    // Binds all texts first (so shapes are final), then canonicalizes each.
    public static CanonicalSum[] Canonical(params string[] texts) => Canonical(new Bound(), texts);

    public static CanonicalSum[] Canonical(Bound bound, params string[] texts)
    {
        var exprs = texts.Select(bound.Bind).ToArray();
        var context = bound.Context();
        return exprs.Select(e => context.Canonical(bound.Resolve(e))).ToArray();
    }

    // Both sides bound as one entry's: their shapes unified (the I of `X*inv(X) = I`, the 0 of `A - A = 0`
    // take the other side's shape), then each canonicalized.
    public static CanonicalSum[] Unified(Bound bound, string left, string right)
    {
        var exprs = new[] { bound.Bind(left), bound.Bind(right) };
        Assert.True(bound.Binder.UnifyShapes(Shapes.Of(exprs[0]), Shapes.Of(exprs[1])));
        var context = bound.Context();
        return exprs.Select(e => context.Canonical(bound.Resolve(e))).ToArray();
    }

    // The one error binding the text gives (it must fail), with its code and where it starts.
    public (string Code, int Start, int Length, string Message) SingleError(string text)
    {
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        _binder.CollectScalarHints(parsed.Node!);
        Assert.Null(_binder.Bind(parsed.Node!, "lhs"));
        var error = Assert.Single(_binder.Errors);
        return (error.Code, error.Span.Start, error.Span.Length, error.Message);
    }

    public (string Code, int Start) ErrorAt(string text)
    {
        var error = SingleError(text);
        return (error.Code, error.Start);
    }

    // The one syntax error of a text that does not parse, with where it starts.
    public static (string Code, int Start) ParseErrorAt(string text)
    {
        var error = Assert.Single(Parser.Parse(text).Errors);
        return (error.Code, error.Span.Start);
    }

    // The text parsed and printed back by the syntax printer; the parse must succeed.
    public static string PrintedBack(string text)
    {
        var parsed = Parser.Parse(text);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return SyntaxPrinter.Print(parsed.Node!);
    }

    // The shape of a bound text as the binder writes it ("scalar", "m×n").
    public string ShapeText(string text) => _binder.Display(Shapes.Of(Bind(text)));

    // (derivative, claim) canonical forms.
    public static (CanonicalSum Derivative, CanonicalSum Claim) Derive(Bound bound, string of, string wrt, string claim)
    {
        var f = bound.Bind(of);
        var x = bound.Bind(wrt);
        var c = bound.Bind(claim);
        var context = bound.Context();
        return (context.Gradient(bound.Resolve(f), bound.Resolve(x)), context.Canonical(bound.Resolve(c)));
    }
}
