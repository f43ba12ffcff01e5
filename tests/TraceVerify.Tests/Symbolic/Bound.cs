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
