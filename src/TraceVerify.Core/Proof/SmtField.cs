using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// Real arithmetic as SMT-LIB terms: evaluating an expression over this field writes down the exact
// polynomial (or rational function) that the expression computes, for Z3 to reason about.
//
// Folding is light and exact: numerals combine as rationals; 0·x = 0, 1·x = x, (−1)·x = −x, x ± 0 = x,
// −(−x) = x; nested sums and products are flattened. No other rewriting is done, so the term means exactly
// what the evaluation computed.
//
// log, exp and sqrt have no SMT-LIB real-arithmetic counterpart and become the uninterpreted functions
// log_, exp_, sqrt_. That is sound for "unsat" (an identity that holds for every function holds for the
// real one) but a satisfying model may rely on a log_ no real log matches, which is why Z3Method confirms
// every model by exact evaluation. Exact values at the points where Q is closed under them are kept
// (log 1 = 0, exp 0 = 1, sqrt of a rational square). The field records what a query must assert beside
// the claim:
//   1/u       → (not (= u 0.0)), as 1/u is defined only there (Z3 would otherwise give (/ 1.0 0.0) any value);
//   log_(u)   → (> u 0.0): an identity is claimed where its sides are defined. Unsat would hold without it
//               (log_ is arbitrary), but a model outside log's domain could never be confirmed;
//   sqrt_(u)  → (= (* s s) u) and (>= s 0.0) for s = sqrt_(u): sqrt is the non-negative square root;
//   sin_(u), cos_(u) → each in [−1, 1], and with cos_(u) also sin_(u)² + cos_(u)² = 1;
//   tan_(u)   → cos_(u) ≠ 0 and tan_(u)·cos_(u) = sin_(u) (tan = sin/cos where defined);
//   abs_(u)   → (>= a 0.0) and (= (* a a) (* u u)): these two determine a = |u|, so abs is exact, not merely bounded.
//   rootQ_(u) → (= (* r … r) u), r to the odd power Q: x ↦ x^Q is a bijection of ℝ, so r is exactly the real
//               root (no sign condition needed, and none on u: an odd root is defined everywhere).
// Every axiom holds for the real functions, so "unsat" stays sound; a model is still confirmed by evaluation.
// The argument u of each of these is first put in canonical polynomial form (SmtPolynomial) and the
// application is made once per distinct argument, so 1/u written two ways on the two sides is one term.
// A field instance belongs to one query; its conditions and functions are that query's.
internal sealed class SmtField : IMatrixInverseField<SmtTerm>
{
    public const string LogFunction = "log_";
    public const string ExpFunction = "exp_";
    public const string SqrtFunction = "sqrt_";
    public const string SinFunction = "sin_";
    public const string CosFunction = "cos_";
    public const string TanFunction = "tan_";
    public const string AbsFunction = "abs_";

    // The uninterpreted function of the real root of an odd degree: root3_, root5_, … (IsRootFunction).
    public static string RootFunction(int degree) => "root" + degree.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";

    public static bool IsRootFunction(string name) =>
        name.Length > 5 && name.StartsWith("root", StringComparison.Ordinal) && name.EndsWith('_') && name[4..^1].All(char.IsAsciiDigit);

    private static readonly SmtNumeral ZeroNumeral = new(Rational.Zero);
    private static readonly SmtNumeral OneNumeral = new(Rational.One);

    private readonly List<SmtTerm> _sideConditions = [];
    // (function, canonical argument text) → the one application made for it.
    private readonly Dictionary<(string Function, string Argument), SmtTerm> _applications = [];
    private readonly Dictionary<SmtTerm, SmtTerm> _canonical = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SmtTerm, string> _canonicalText = new(ReferenceEqualityComparer.Instance);
    private readonly SortedSet<string> _functions = new(StringComparer.Ordinal);
    private readonly List<string> _inverseConstants = [];
    private readonly Dictionary<string, SmtTerm[]> _inverses = new(StringComparer.Ordinal);

    public string Name => "smt";

    public SmtTerm Zero => ZeroNumeral;

    public SmtTerm One => OneNumeral;

    // Terms are exact: nothing is rounded, transcendental functions are kept symbolic.
    public bool IsExact => true;

    // Boolean terms every query built with this field must assert, in the order they arose.
    public IReadOnlyList<SmtTerm> SideConditions => _sideConditions;

    // The uninterpreted functions used so far, each to be declared (Real) Real.
    public IReadOnlyCollection<string> Functions => _functions;

    public static SmtTerm Constant(string name) => new SmtConstant(name);

    // The Real constants inverses introduced, each to be declared.
    public IReadOnlyList<string> InverseConstants => _inverseConstants;

    public SmtTerm FromRational(Rational value) => Numeral(value);

    // A hypothesis the query holds to, asserted with the side conditions (SmtHypotheses).
    public void Assume(SmtTerm condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _sideConditions.Add(condition);
    }

    // inv(A) is a fresh matrix Y (constants inv!k!r!c; no catalog identifier has a `!`, nor do the names
    // SmtEncoder gives, which have at most one) with A·Y = I and Y·A = I asserted: the query stays polynomial
    // and holds exactly where A is invertible. One Y per distinct A (entries in canonical form).
    public SmtTerm[] Inverse(int size, IReadOnlyList<SmtTerm> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var canonical = entries.Select(Canonical).ToArray();
        var key = string.Join(" ", canonical.Select(e => e.ToSmtLib()));
        if (_inverses.TryGetValue(key, out var known)) return known;
        var k = _inverses.Count + 1;
        var y = new SmtTerm[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"inv!{k}!{r + 1}!{c + 1}");
                _inverseConstants.Add(name);
                y[(r * size) + c] = Constant(name);
            }
        }
        foreach (var (left, right) in new[] { (canonical, y), (y, canonical) })
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    var sum = Zero;
                    for (var m = 0; m < size; m++) sum = Add(sum, Multiply(left[(i * size) + m], right[(m * size) + j]));
                    _sideConditions.Add(new SmtApplication("=", [sum, i == j ? One : Zero]));
                }
            }
        }
        _inverses[key] = y;
        return y;
    }

    public SmtTerm Add(SmtTerm a, SmtTerm b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is SmtNumeral x && b is SmtNumeral y) return Numeral(x.Value + y.Value);
        if (IsZero(a)) return b;
        if (IsZero(b)) return a;
        return Flattened("+", a, b);
    }

    public SmtTerm Subtract(SmtTerm a, SmtTerm b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is SmtNumeral x && b is SmtNumeral y) return Numeral(x.Value - y.Value);
        if (IsZero(b)) return a;
        if (IsZero(a)) return Negate(b);
        return new SmtApplication("-", [a, b]);
    }

    public SmtTerm Multiply(SmtTerm a, SmtTerm b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is SmtNumeral x && b is SmtNumeral y)
        {
            // A constant is folded in exact arithmetic under RationalField's bound: ((2^1000)^1000)^1000 (a
            // billion bits) kept `prove` multiplying for minutes without end; past the bound the shape is over budget.
            if (x.Value.BitLength + y.Value.BitLength > RationalField.MaxBits)
                throw new SmtBudgetException($"a constant of more than {RationalField.MaxBits} bits");
            return Numeral(x.Value * y.Value);
        }
        if (IsZero(a) || IsZero(b)) return ZeroNumeral;
        if (a is SmtNumeral { Value.IsOne: true }) return b;
        if (b is SmtNumeral { Value.IsOne: true }) return a;
        if (a is SmtNumeral u && u.Value == Rational.MinusOne) return Negate(b);
        if (b is SmtNumeral v && v.Value == Rational.MinusOne) return Negate(a);
        return Flattened("*", a, b);
    }

    public SmtTerm Negate(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a switch
        {
            SmtNumeral x => Numeral(-x.Value),
            SmtApplication { Operator: "-", Arguments: [var inner] } => inner,
            _ => new SmtApplication("-", [a]),
        };
    }

    public SmtTerm Reciprocal(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral x) return Numeral(RationalField.Instance.Reciprocal(x.Value));
        return Apply("/", u, () => new SmtApplication("/", [OneNumeral, u]),
            _ => [new SmtApplication("not", [new SmtApplication("=", [u, ZeroNumeral])])]);
    }

    public SmtTerm Log(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral x)
        {
            // A numeral argument is checked for the real domain at once; log 1 = 0 is the one rational value.
            if (x.Value.Sign <= 0) throw new DomainException($"log of non-positive value {x.Value}");
            if (x.Value.IsOne) return ZeroNumeral;
        }
        _functions.Add(LogFunction);
        return Apply(LogFunction, u, () => new SmtApplication(LogFunction, [u]), _ => [new SmtApplication(">", [u, ZeroNumeral])]);
    }

    public SmtTerm Exp(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral { Value.IsZero: true }) return OneNumeral;
        _functions.Add(ExpFunction);
        return Apply(ExpFunction, u, () => new SmtApplication(ExpFunction, [u]), _ => []);
    }

    public SmtTerm Sqrt(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral x)
        {
            try
            {
                return Numeral(RationalField.Instance.Sqrt(x.Value));
            }
            catch (NotExactException)
            {
                // An irrational root stays symbolic, constrained like any other.
            }
        }
        _functions.Add(SqrtFunction);
        return Apply(SqrtFunction, u, () => new SmtApplication(SqrtFunction, [u]),
            root => [new SmtApplication("=", [new SmtApplication("*", [root, root]), u]), new SmtApplication(">=", [root, ZeroNumeral])]);
    }

    public SmtTerm Sin(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        return u is SmtNumeral { Value.IsZero: true } ? ZeroNumeral : SineOf(u);
    }

    public SmtTerm Cos(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        return u is SmtNumeral { Value.IsZero: true } ? OneNumeral : CosineOf(u);
    }

    public SmtTerm Tan(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral { Value.IsZero: true }) return ZeroNumeral;
        var sine = SineOf(u);
        var cosine = CosineOf(u);
        _functions.Add(TanFunction);
        return Apply(TanFunction, u, () => new SmtApplication(TanFunction, [u]), t =>
            [new SmtApplication("not", [new SmtApplication("=", [cosine, ZeroNumeral])]), new SmtApplication("=", [new SmtApplication("*", [t, cosine]), sine])]);
    }

    public SmtTerm Abs(SmtTerm a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral x) return Numeral(RationalField.Instance.Abs(x.Value));
        _functions.Add(AbsFunction);
        return Apply(AbsFunction, u, () => new SmtApplication(AbsFunction, [u]),
            r => [new SmtApplication(">=", [r, ZeroNumeral]), new SmtApplication("=", [new SmtApplication("*", [r, r]), new SmtApplication("*", [u, u])])]);
    }

    public SmtTerm Root(SmtTerm a, int degree)
    {
        ArgumentNullException.ThrowIfNull(a);
        var u = Canonical(a);
        if (u is SmtNumeral x && RealRoot.Exact(x.Value, degree) is { } exact) return Numeral(exact);
        var function = RootFunction(degree);
        _functions.Add(function);
        return Apply(function, u, () => new SmtApplication(function, [u]),
            r => [new SmtApplication("=", [new SmtApplication("*", Enumerable.Repeat(r, degree).ToArray()), u])]);
    }

    private SmtTerm SineOf(SmtTerm u)
    {
        _functions.Add(SinFunction);
        return Apply(SinFunction, u, () => new SmtApplication(SinFunction, [u]), Bounded);
    }

    private SmtTerm CosineOf(SmtTerm u)
    {
        var sine = SineOf(u);
        _functions.Add(CosFunction);
        return Apply(CosFunction, u, () => new SmtApplication(CosFunction, [u]), c =>
            [.. Bounded(c), new SmtApplication("=", [new SmtApplication("+", [new SmtApplication("*", [sine, sine]), new SmtApplication("*", [c, c])]), OneNumeral])]);
    }

    // −1 ≤ v ≤ 1.
    private static IEnumerable<SmtTerm> Bounded(SmtTerm v) =>
        [new SmtApplication("<=", [Numeral(Rational.MinusOne), v]), new SmtApplication("<=", [v, OneNumeral])];

    // The application of function to a canonical argument, made (and its side conditions recorded) once.
    private SmtTerm Apply(string function, SmtTerm argument, Func<SmtTerm> make, Func<SmtTerm, IEnumerable<SmtTerm>> conditions)
    {
        if (!_canonicalText.TryGetValue(argument, out var text))
        {
            text = argument.ToSmtLib();
            _canonicalText[argument] = text;
        }
        var key = (function, text);
        if (_applications.TryGetValue(key, out var known)) return known;
        var application = make();
        _applications[key] = application;
        _sideConditions.AddRange(conditions(application));
        return application;
    }

    // The canonical polynomial form of a term, or the term itself when that would be too large.
    private SmtTerm Canonical(SmtTerm term)
    {
        if (term is SmtNumeral or SmtConstant) return term;
        if (_canonical.TryGetValue(term, out var known)) return known;
        var canonical = SmtPolynomial.Canonical(term) ?? term;
        if (canonical is SmtNumeral n) canonical = Numeral(n.Value);
        _canonical[term] = canonical;
        return canonical;
    }

    private static SmtNumeral Numeral(Rational value) => value.IsZero ? ZeroNumeral : value.IsOne ? OneNumeral : new SmtNumeral(value);

    private static bool IsZero(SmtTerm term) => term is SmtNumeral { Value.IsZero: true };

    // (op a… b…): an argument that is itself an op-application contributes its arguments, as + and * are
    // associative; summing n terms one at a time therefore yields one n-ary sum.
    // A term past the script budget can never be encoded: refuse it as it is built (s^(10^9) by repeated
    // squaring would otherwise flatten into a product of 10^9 arguments before the encoder could measure it).
    private static SmtApplication Flattened(string op, SmtTerm a, SmtTerm b)
    {
        if (a.TreeSize > SmtEncoder.MaxScriptNodes - b.TreeSize)
            throw new SmtBudgetException($"the SMT expansion budget of {SmtEncoder.MaxScriptNodes} nodes is exceeded by a single term");
        var arguments = new List<SmtTerm>();
        foreach (var term in (ReadOnlySpan<SmtTerm>)[a, b])
        {
            if (term is SmtApplication application && application.Operator == op) arguments.AddRange(application.Arguments);
            else arguments.Add(term);
        }
        return new SmtApplication(op, arguments);
    }
}
