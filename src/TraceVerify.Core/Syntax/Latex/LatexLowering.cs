using System.Diagnostics;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Syntax.Latex;

// Maps a LaTeX tree to the expression language's syntax tree, keeping the LaTeX spans (so a shape error
// points into the formula). What the language cannot say is a diagnostic, never an approximation:
// X^{-1} is M^-1 (an inverse, or a scalar's reciprocal), X^{-n} is M^-n, X^{-T} its transpose, \det and adj the language's det and adj;
// TV0123 for what issue 11 adds next (Kronecker, vec, sqrt/sin/cos),
// TV0124 for what it does not express (differentials, ellipses, numbered entries, conjugates…).
// Choices that need shapes are made from the syntax alone and stated here:
//   \frac{a}{b} is a / b when b is visibly a scalar (a number, an entry, a sum or trace of them), else the
//   notes' elementwise fraction a ./ b;  a power ^n is the language's ^n (a scalar power, or a
//   matrix power of a square base: the binder decides);  \delta_{ij} is I[i,j];  \sum_{k=1}^{n} is sum(k; …)
//   (the range of k is inferred, as for every index);  the stacked rows [r(1); ⋮; r(K)] of the notes' (46)
//   are rows(k; r(k));  W_2 is the symbol W2 (one number after a letter names it, X_{11} is an entry);
//   [a_{ji}]_{ij} (a visibly scalar group with two indices) is matrix(i,j; a[j,i]);  ⟨A, B⟩ is tr(A'*B).
// Where the formula is read for a catalog entry, its declared shapes sharpen "visibly": a symbol declared
// scalar is a scalar, and with symbols declared vectors (`x: n`), uᵀ…v (a row times … a column) is 1×1, so
// a scalar (the Cookbook's (x^TB^TBx)^2, \frac{…}{x^TBBx});  \|v\|_2 of a visible column or row vector (or a
// 1×1) is its Euclidean norm, fro(v); the 2-norm of anything else (a matrix's spectral norm) is not read.
internal static class LatexLowering
{
    // `scalars`: symbols known to be scalars (an entry's `shapes: {s: scalar}`), so that s^2 is a scalar power;
    // `vectors`: symbols known to be column vectors (`shapes: {x: n}`), so that x^Tx is a scalar and \|x\|_2 reads.
    public static (SyntaxNode? Node, SyntaxError? Error) TryLower(LatexNode node, IReadOnlySet<string>? scalars = null, IReadOnlySet<string>? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            return (Lower(node, new Scope(static i => i, scalars ?? new HashSet<string>(), vectors ?? new HashSet<string>())), null);
        }
        catch (LoweringFailure failure)
        {
            return (null, failure.Error);
        }
    }

    private static SyntaxNode Lower(LatexNode node, Scope rename) => node switch
    {
        LatexNumber n => new NumberSyntax(n.Value, n.Span),
        LatexSymbol s => new NameSyntax(s.Name, s.Span),
        LatexOnes o => new NameSyntax("ones", o.Span),
        LatexPlaceholder p => throw NotExpressible("`?` asks a question; it is not an expression", p.Span),
        LatexEllipsis e => throw NotExpressible($"`\\{e.Command}` stands for omitted entries; only the stacked rows [r(1); \\vdots; r(K)] are read", e.Span),
        LatexBinary b => Binary(b, rename),
        LatexFraction f => Fraction(f, rename),
        LatexNegate n => NegateLeading(Lower(n.Operand, rename), n.Span),
        LatexGroup g => Respan(Lower(g.Inner, rename), g.Span),
        LatexSuperscript s => Superscript(s, rename),
        LatexSubscript s => Subscript(s, rename),
        LatexFunction f => Function(f, rename),
        LatexNorm n => n.Double
            ? throw NotExpressible("a norm needs its kind: `\\|M\\|_F` is the Frobenius norm", n.Span)
            : AbsoluteValue(n, rename),
        LatexInnerProduct p => InnerProduct(p, rename),
        LatexSum s => Sum(s, rename),
        LatexDerivative d => throw NotExpressible("a derivative inside an expression: the language states a derivative as a whole entry (of, wrt, claim)", d.Span),
        LatexDifferential d => throw NotExpressible("a differential `\\partial …` is not in the expression language", d.Span),
        LatexMatrix m => StackedRows(m, rename),
        _ => throw new UnreachableException($"no lowering rule for {node.GetType().Name}"),
    };

    // A derivative's variable: X, x, X_{jk}, x_j.
    public static (SyntaxNode? Node, SyntaxError? Error) TryLowerVariable(LatexNode variable, IReadOnlySet<string>? scalars = null, IReadOnlySet<string>? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable is LatexSymbol or LatexSubscript { Base: LatexSymbol }) return TryLower(variable, scalars, vectors);
        return (null, NotExpressible("a derivative with respect to something other than a symbol or one of its entries", variable.Span).Error);
    }

    // -2X reads as (-2)*X, as the Parser reads -2*X: the minus goes on a product's leading factor.
    private static SyntaxNode NegateLeading(SyntaxNode operand, TextSpan span) => operand is BinarySyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } product
        ? product with { Left = NegateLeading(product.Left, span with { Length = product.Left.Span.End - span.Start }), Span = span }
        : new NegateSyntax(operand, span);

    private static SyntaxNode Respan(SyntaxNode node, TextSpan span) => node with { Span = span };

    private static SyntaxNode Binary(LatexBinary b, Scope rename)
    {
        var left = Lower(b.Left, rename);
        var right = Lower(b.Right, rename);
        var op = b.Operator switch
        {
            LatexOperator.Add => BinaryOperator.Add,
            LatexOperator.Subtract => BinaryOperator.Subtract,
            LatexOperator.Multiply => BinaryOperator.Multiply,
            LatexOperator.Divide => BinaryOperator.Divide,
            LatexOperator.Hadamard => BinaryOperator.Hadamard,
            LatexOperator.ElementwiseDivide => BinaryOperator.ElementwiseDivide,
            LatexOperator.Kronecker => BinaryOperator.Kronecker,
            _ => throw new UnreachableException($"no operator for {b.Operator}"),
        };
        return new BinarySyntax(op, left, right, b.OperatorSpan, b.Span);
    }

    private static SyntaxNode Fraction(LatexFraction f, Scope rename)
    {
        var numerator = Lower(f.Numerator, rename);
        var denominator = Lower(f.Denominator, rename);
        var op = IsScalarIn(denominator, rename) ? BinaryOperator.Divide : BinaryOperator.ElementwiseDivide;
        return new BinarySyntax(op, numerator, denominator, f.Span, f.Span);
    }

    // A scalar by its syntax alone, whatever the symbols' shapes: numbers, entries, traces, Frobenius norms,
    // sums over indices of scalars, and arithmetic of those.
    public static bool IsVisiblyScalar(SyntaxNode node) => node switch
    {
        NumberSyntax => true,
        EntrySyntax e => e.Row is not null && (e.SingleIndex || e.Column is not null),
        CallSyntax c => c.Function is "tr" or "fro" or "det" || (c.Function is "log" or "exp" or "sin" or "cos" or "tan" or "sqrt" or "abs" && IsVisiblyScalar(c.Argument)),
        BinderSyntax { Kind: BinderKind.Sum } s => IsVisiblyScalar(s.Body),
        BinarySyntax b => IsVisiblyScalar(b.Left) && IsVisiblyScalar(b.Right),
        NegateSyntax n => IsVisiblyScalar(n.Operand),
        PowerSyntax p => IsVisiblyScalar(p.Base),
        RationalPowerSyntax => true,
        TransposeSyntax t => IsVisiblyScalar(t.Operand),
        _ => false,
    };

    // Visibly a scalar where the entry's declared shapes are known: also a symbol declared scalar, and a row
    // times a column (uᵀ…v between declared vectors, which is 1×1), and arithmetic of those.
    private static bool IsScalarIn(SyntaxNode node, Scope scope) => IsVisiblyScalar(node) || node switch
    {
        NameSyntax n => scope.Scalars.Contains(n.Name),
        BinarySyntax { Operator: BinaryOperator.Multiply } b when IsRow(b.Left, scope) && IsColumn(b.Right, scope) => true,
        BinarySyntax b => IsScalarIn(b.Left, scope) && IsScalarIn(b.Right, scope),
        NegateSyntax n => IsScalarIn(n.Operand, scope),
        PowerSyntax p => IsScalarIn(p.Base, scope),
        RationalPowerSyntax => true,
        TransposeSyntax t => IsScalarIn(t.Operand, scope),
        CallSyntax { Function: "log" or "exp" or "sin" or "cos" or "tan" or "sqrt" or "abs" } c => IsScalarIn(c.Argument, scope),
        BinderSyntax { Kind: BinderKind.Sum } s => IsScalarIn(s.Body, scope),
        _ => false,
    };

    // A column vector by its syntax and the declared vectors: a declared vector, a product ending in one
    // (A*x, and x'*x, which is 1×1), the transpose of a row, sums and differences of columns, a column / a scalar.
    private static bool IsColumn(SyntaxNode node, Scope scope) => node switch
    {
        NameSyntax n => scope.Vectors.Contains(n.Name),
        BinarySyntax { Operator: BinaryOperator.Multiply } b => IsColumn(b.Right, scope),
        BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => IsColumn(b.Left, scope) && IsColumn(b.Right, scope),
        BinarySyntax { Operator: BinaryOperator.Divide } b => IsColumn(b.Left, scope),
        NegateSyntax n => IsColumn(n.Operand, scope),
        TransposeSyntax t => IsRow(t.Operand, scope),
        _ => false,
    };

    // A row vector: the transpose of a column, a product starting with a row (x'*A), and so on.
    private static bool IsRow(SyntaxNode node, Scope scope) => node switch
    {
        BinarySyntax { Operator: BinaryOperator.Multiply } b => IsRow(b.Left, scope),
        BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => IsRow(b.Left, scope) && IsRow(b.Right, scope),
        BinarySyntax { Operator: BinaryOperator.Divide } b => IsRow(b.Left, scope),
        NegateSyntax n => IsRow(n.Operand, scope),
        TransposeSyntax t => IsColumn(t.Operand, scope),
        _ => false,
    };

    // p/q (or −p/q) of two integer literals that is not an integer, as an exact rational.
    private static Rational? RationalExponent(LatexNode? exponent) => exponent switch
    {
        LatexNegate n => RationalExponent(n.Operand) is { } inner ? -inner : null,
        LatexBinary { Operator: LatexOperator.Divide, Left: LatexNumber p, Right: LatexNumber q } => Ratio(p.Value, q.Value),
        LatexFraction { Numerator: LatexNumber p, Denominator: LatexNumber q } => Ratio(p.Value, q.Value),
        LatexGroup g => RationalExponent(g.Inner),
        _ => null,
    };

    private static Rational? Ratio(Rational p, Rational q) =>
        p.IsInteger && q.IsInteger && !q.IsZero && p / q is { IsInteger: false } ratio && ratio.Numerator <= 1000 && ratio.Denominator <= 1000 && -ratio.Numerator <= 1000 ? ratio : null;

    private static SyntaxNode Superscript(LatexSuperscript s, Scope rename)
    {
        switch (s.Kind)
        {
            case LatexScriptKind.Transpose:
                return new TransposeSyntax(Lower(s.Base, rename), s.Span);
            case LatexScriptKind.Inverse:
                // X^{-1}: the language's M^-1, an inverse of a matrix or the reciprocal of a scalar.
                return new PowerSyntax(Lower(s.Base, rename), -1, s.Span);
            case LatexScriptKind.InverseTranspose:
                return new TransposeSyntax(new PowerSyntax(Lower(s.Base, rename), -1, s.Span), s.Span);
            case LatexScriptKind.ConjugateTranspose:
                throw NotExpressible("`^H` (the conjugate transpose) is not in the expression language, which is real", s.ScriptSpan);
            case LatexScriptKind.Conjugate:
                throw NotExpressible("`^*` (the complex conjugate) is not in the expression language, which is real", s.ScriptSpan);
            case LatexScriptKind.Pseudoinverse:
                throw NotExpressible("`^+` (the pseudo-inverse) is not in the expression language", s.ScriptSpan);
            case LatexScriptKind.Power:
                var operand = Lower(s.Base, rename);
                // X^{-n}: the language's M^-n, the n-th power of the inverse of a matrix, or a scalar's
                // reciprocal power (as for X^{-1}, the base decides which).
                if (s.Exponent is LatexNegate { Operand: LatexNumber { Value: var negated } } && negated.IsInteger && negated.Numerator >= 1 && negated.Numerator <= 1000)
                    return new PowerSyntax(operand, -(int)negated.Numerator, s.Span);
                // s^{p/q}, s^{\frac{p}{q}}, s^{-1/2}: a rational power of a scalar (a matrix root is not in the language).
                if (RationalExponent(s.Exponent) is { } rational)
                {
                    if (!IsScalarIn(operand, rename)) throw NotExpressible($"the matrix power `^{{{rational}}}` (a matrix root) is not in the expression language", s.ScriptSpan);
                    return new RationalPowerSyntax(operand, rational, s.Span);
                }
                if (s.Exponent is not LatexNumber { Value: var value } || !value.IsInteger || value.Numerator > 1000)
                    throw NotExpressible("a superscript other than T, -1, -T or an integer (a symbolic power, or the Cookbook's single-entry matrix J^{ij}) is not in the expression language", s.ScriptSpan);
                return new PowerSyntax(operand, (int)value.Numerator, s.Span);
            default:
                throw new UnreachableException($"no lowering for superscript {s.Kind}");
        }
    }

    private static SyntaxNode Subscript(LatexSubscript s, Scope rename)
    {
        var indices = s.Indices.Select(rename.Rename).ToArray();
        if (s.Base is LatexNorm { Double: true } norm)
        {
            if (indices is [{ Kind: LatexIndexKind.Name, Text: "F" }]) return new CallSyntax("fro", Lower(norm.Inner, rename), norm.Span, s.Span);
            if (indices is [{ Kind: LatexIndexKind.Number, Text: "2" }])
            {
                // The 2-norm of a vector (or a 1×1) is its Euclidean norm, the Frobenius norm; of a matrix it is
                // the spectral norm, which the language does not have.
                var normed = Lower(norm.Inner, rename);
                if (IsColumn(normed, rename) || IsRow(normed, rename) || IsScalarIn(normed, rename)) return new CallSyntax("fro", normed, norm.Span, s.Span);
                throw NotYet("the 2-norm `\\|M\\|_2` of what is not visibly a vector (of a declared vector it is `fro`; of a matrix, the spectral norm)", s.ScriptSpan);
            }
            throw NotExpressible($"the norm `\\|…\\|_{indices[0].Text}` is not in the expression language", s.ScriptSpan);
        }
        if (s.Base is LatexInnerProduct inner && indices is [{ Kind: LatexIndexKind.Name, Text: "F" }]) return InnerProduct(inner, rename);
        // W_2, A_1: one number after a letter is part of the symbol's name (W2); two (X_{11}) number an entry.
        if (s.Base is LatexSymbol symbol && indices is [{ Kind: LatexIndexKind.Number } suffix])
            return new NameSyntax(symbol.Name + suffix.Text, s.Span);
        if (indices.FirstOrDefault(i => i.Kind == LatexIndexKind.Number) is { } number)
            throw NotExpressible($"a numbered entry (`_{number.Text}`): the expression language indexes with index names", number.Span);
        if (s.Base is LatexSymbol { Name: "delta" } && indices is [{ Kind: LatexIndexKind.Name } i, { Kind: LatexIndexKind.Name } j])
            return new EntrySyntax(new NameSyntax("I", s.Base.Span), Index(i), Index(j), SingleIndex: false, s.Span);
        var target = Lower(s.Base, rename);
        // [a_{ji}]_{ij}: indexing a group that is visibly a scalar builds the matrix of those entries.
        if (s.Base is LatexGroup && IsVisiblyScalar(target) && indices is [{ Kind: LatexIndexKind.Name } r, { Kind: LatexIndexKind.Name } c] && r.Text != c.Text)
            return new BinderSyntax(BinderKind.Matrix, [new IndexSyntax(r.Text, r.Span), new IndexSyntax(c.Text, c.Span)], target, s.Span);
        return indices switch
        {
            [{ Kind: LatexIndexKind.Name } single] => new EntrySyntax(target, Index(single), null, SingleIndex: true, s.Span),
            [var row, var column] when row.Kind == LatexIndexKind.Name || column.Kind == LatexIndexKind.Name =>
                new EntrySyntax(target, Index(row), Index(column), SingleIndex: false, s.Span),
            _ => throw NotExpressible($"a subscript with {indices.Length} items: an entry has one (x_j) or two (X_{{jk}}, B_{{k:}})", s.ScriptSpan),
        };
    }

    // ⟨A, B⟩ = tr(AᵀB), for vectors and matrices alike.
    private static SyntaxNode InnerProduct(LatexInnerProduct p, Scope rename)
    {
        var left = Lower(p.Left, rename);
        var product = new BinarySyntax(BinaryOperator.Multiply, new TransposeSyntax(left, p.Left.Span), Lower(p.Right, rename), p.Span, p.Span);
        return new CallSyntax("tr", product, p.Span, p.Span);
    }

    private static IndexSyntax? Index(LatexIndex index) => index.Kind == LatexIndexKind.Slice ? null : new IndexSyntax(index.Text, index.Span);

    // |s| of a visible scalar is its absolute value; of anything else it may be a determinant (the Cookbook's
    // |X|) or an elementwise absolute value, so it is not guessed.
    private static SyntaxNode AbsoluteValue(LatexNorm n, Scope rename)
    {
        var inner = Lower(n.Inner, rename);
        if (IsScalarIn(inner, rename)) return new CallSyntax("abs", inner, n.Span, n.Span);
        throw NotExpressible("`|…|` of what is not visibly a scalar (an elementwise absolute value or a determinant: write `abs` or `\\det`) is not in the expression language", n.Span);
    }

    // \sin, \cos, \tan, \sqrt of a visible scalar are the scalar functions. Of a matrix the references mean the
    // matrix function (the Cookbook's sin(X) = Σ (−1)ⁿX²ⁿ⁺¹/(2n+1)!, √X the matrix square root), which the
    // language does not have: it is not read as the elementwise function, whose LaTeX is entry by entry,
    // [\sin(X_{ij})]_{ij}.
    private static SyntaxNode ScalarFunction(LatexFunction f, Scope rename)
    {
        var argument = Lower(f.Argument, rename);
        if (IsScalarIn(argument, rename)) return new CallSyntax(f.Name, argument, f.NameSpan, f.Span);
        throw NotYet($"`\\{f.Name}` of what is not visibly a scalar (the matrix function; the elementwise one is written entry by entry, `[\\{f.Name}(X_{{ij}})]_{{ij}}`)", f.NameSpan);
    }

    private static SyntaxNode Function(LatexFunction f, Scope rename) => f.Name switch
    {
        "tr" or "diag" or "log" or "exp" or "det" or "adj" or "vec" => new CallSyntax(f.Name, Lower(f.Argument, rename), f.NameSpan, f.Span),
        "sin" or "cos" or "tan" or "sqrt" => ScalarFunction(f, rename),
        "eig" => throw NotExpressible("`eig` (the eigenvalues) is not in the expression language", f.NameSpan),
        _ => throw new UnreachableException($"no lowering for operator {f.Name}"),
    };

    private static SyntaxNode Sum(LatexSum s, Scope rename)
    {
        if (s.IsProduct) throw NotExpressible("`\\prod` is not in the expression language", s.Span);
        if (s.Indices.Count == 0) throw NotExpressible("a `\\sum` without a summation index", s.Span);
        if (s.Indices.FirstOrDefault(i => i.Kind != LatexIndexKind.Name) is { } bad)
            throw NotExpressible($"`{bad.Text}` is not an index name", bad.Span);
        if (s.Lower is not null && s.Lower is not LatexNumber { Text: "1" })
            throw NotExpressible("a sum that does not start at 1: the language sums an index over its whole range", s.Lower.Span);
        var body = Lower(s.Body, rename);
        return new BinderSyntax(BinderKind.Sum, s.Indices.Select(rename.Rename).Select(i => new IndexSyntax(i.Text, i.Span)).ToArray(), body, s.Span);
    }

    // [r(1); ⋮; r(K)] with r(K) equal to r(1) but for the index 1 written K is rows(k; r(k)).
    private static SyntaxNode StackedRows(LatexMatrix m, Scope rename)
    {
        if (m.Rows is [[var first], [LatexEllipsis { Command: "vdots" }], [var last]]
            && LatexShape.Differences(first, last) is [var (one, letter)]
            && one is { Kind: LatexIndexKind.Number, Text: "1" }
            && letter is { Kind: LatexIndexKind.Name, Text: [var upper] } && char.IsAsciiLetterUpper(upper))
        {
            var k = char.ToLowerInvariant(upper).ToString();
            if (LatexShape.IndexNames(first).Contains(k))
                throw NotExpressible($"the stacked rows use `{k}` already, so the row index `{upper}` has no free name", m.Span);
            var body = Lower(first, rename with { Rename = i => i.Kind == LatexIndexKind.Number && i.Text == "1" ? new LatexIndex(LatexIndexKind.Name, k, i.Span) : rename.Rename(i) });
            return new BinderSyntax(BinderKind.Rows, [new IndexSyntax(k, letter.Span)], body, m.Span);
        }
        throw NotExpressible("a matrix written out entry by entry; only the stacked rows [r(1); \\vdots; r(K)] of one row formula are read", m.Span);
    }

    private static LoweringFailure NotYet(string what, TextSpan span) =>
        new(new SyntaxError(DiagnosticCodes.LatexNotYetInLanguage, $"{what} is not yet in the expression language", span));

    private static LoweringFailure NotExpressible(string message, TextSpan span) =>
        new(new SyntaxError(DiagnosticCodes.LatexNotExpressible, message, span));

    // How indices are renamed (the stacked rows' 1 → k) and which symbols are known scalars.
    private sealed record Scope(Func<LatexIndex, LatexIndex> Rename, IReadOnlySet<string> Scalars, IReadOnlySet<string> Vectors);

    private sealed class LoweringFailure(SyntaxError error) : Exception(error.Message)
    {
        public SyntaxError Error { get; } = error;
    }
}
