namespace TraceVerify.Numeric;

// Forward-mode automatic differentiation over any inner field: each operation applies the chain rule
// f(v + dε) = f(v) + f'(v)·d·ε. Derivatives are exact when the inner field is exact and enclosures
// of the derivative when it is an interval field; domain and exactness failures come from the inner field.
internal sealed class DualField<T> : IMatrixInverseField<Dual<T>>
{
    private readonly IScalarField<T> _inner;

    public DualField(IScalarField<T> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public IScalarField<T> Inner => _inner;

    public string Name => $"dual<{_inner.Name}>";

    public Dual<T> Zero => new(_inner.Zero, _inner.Zero);

    public Dual<T> One => new(_inner.One, _inner.Zero);

    public bool IsExact => _inner.IsExact;

    // The independent variable at a point: dx/dx = 1.
    public Dual<T> Variable(T value) => new(value, _inner.One);

    public Dual<T> Constant(T value) => new(value, _inner.Zero);

    public Dual<T> FromRational(Rational value) => Constant(_inner.FromRational(value));

    public Dual<T> Add(Dual<T> a, Dual<T> b) =>
        new(_inner.Add(a.Value, b.Value), _inner.Add(a.Derivative, b.Derivative));

    public Dual<T> Subtract(Dual<T> a, Dual<T> b) =>
        new(_inner.Subtract(a.Value, b.Value), _inner.Subtract(a.Derivative, b.Derivative));

    public Dual<T> Negate(Dual<T> a) => new(_inner.Negate(a.Value), _inner.Negate(a.Derivative));

    // (uv)' = u'v + uv'.
    public Dual<T> Multiply(Dual<T> a, Dual<T> b) =>
        new(
            _inner.Multiply(a.Value, b.Value),
            _inner.Add(_inner.Multiply(a.Derivative, b.Value), _inner.Multiply(a.Value, b.Derivative)));

    // (1/v)' = −v'/v².
    // inv(V + Dε) = Y − Y·D·Y·ε with Y = inv(V), taken by the inner field's own rule where it has one.
    public Dual<T>[] Inverse(int size, IReadOnlyList<Dual<T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = entries.Select(e => e.Value).ToArray();
        var y = _inner is IMatrixInverseField<T> special ? special.Inverse(size, values) : MatrixAlgebra.Inverse(_inner, size, values);
        T Product(Func<int, int, T> a, Func<int, int, T> b, int i, int j)
        {
            var sum = _inner.Zero;
            for (var k = 0; k < size; k++) sum = _inner.Add(sum, _inner.Multiply(a(i, k), b(k, j)));
            return sum;
        }
        var dy = new T[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++) dy[(i * size) + j] = Product((r, c) => y[(r * size) + c], (r, c) => entries[(r * size) + c].Derivative, i, j);
        }
        var result = new Dual<T>[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
                result[(i * size) + j] = new Dual<T>(y[(i * size) + j], _inner.Negate(Product((r, c) => dy[(r * size) + c], (r, c) => y[(r * size) + c], i, j)));
        }
        return result;
    }

    public Dual<T> Reciprocal(Dual<T> a)
    {
        var inverse = _inner.Reciprocal(a.Value);
        return new Dual<T>(inverse, _inner.Negate(_inner.Multiply(a.Derivative, _inner.Multiply(inverse, inverse))));
    }

    // (log v)' = v'/v.
    public Dual<T> Log(Dual<T> a)
    {
        var log = _inner.Log(a.Value);
        return new Dual<T>(log, _inner.Multiply(a.Derivative, _inner.Reciprocal(a.Value)));
    }

    // (exp v)' = v'·exp v.
    public Dual<T> Exp(Dual<T> a)
    {
        var exp = _inner.Exp(a.Value);
        return new Dual<T>(exp, _inner.Multiply(a.Derivative, exp));
    }

    // (sqrt v)' = v'/(2 sqrt v); at v = 0 the derivative does not exist and Reciprocal reports it.
    public Dual<T> Sqrt(Dual<T> a)
    {
        var root = _inner.Sqrt(a.Value);
        return new Dual<T>(root, _inner.Multiply(a.Derivative, _inner.Reciprocal(_inner.Add(root, root))));
    }

    // (root v)' = v'/(q·root(v)^(q−1)) for an odd degree q; at v = 0 the derivative does not exist and
    // Reciprocal reports it (the case is outside the domain), as for sqrt.
    public Dual<T> Root(Dual<T> a, int degree)
    {
        var root = _inner.Root(a.Value, degree);
        var power = _inner.One;
        for (var k = 1; k < degree; k++) power = _inner.Multiply(power, root);
        var scaled = _inner.Multiply(_inner.FromRational(Rational.Of(degree)), power);
        return new Dual<T>(root, _inner.Multiply(a.Derivative, _inner.Reciprocal(scaled)));
    }

    // (sin v)' = v'·cos v.
    public Dual<T> Sin(Dual<T> a) => new(_inner.Sin(a.Value), _inner.Multiply(a.Derivative, _inner.Cos(a.Value)));

    // (cos v)' = −v'·sin v.
    public Dual<T> Cos(Dual<T> a) => new(_inner.Cos(a.Value), _inner.Negate(_inner.Multiply(a.Derivative, _inner.Sin(a.Value))));

    // (tan v)' = v'/cos² v, computed from cos (not from tan²) so it shares nothing with the symbolic 1 + tan² rule.
    public Dual<T> Tan(Dual<T> a)
    {
        var cos = _inner.Cos(a.Value);
        return new Dual<T>(_inner.Tan(a.Value), _inner.Multiply(a.Derivative, _inner.Reciprocal(_inner.Multiply(cos, cos))));
    }

    // |v|' = v'·v/|v|: sign v, undefined at v = 0, where Reciprocal reports it (the case is outside the domain).
    public Dual<T> Abs(Dual<T> a)
    {
        var abs = _inner.Abs(a.Value);
        return new Dual<T>(abs, _inner.Multiply(a.Derivative, _inner.Multiply(a.Value, _inner.Reciprocal(abs))));
    }
}
