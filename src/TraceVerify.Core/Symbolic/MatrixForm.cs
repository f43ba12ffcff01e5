using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Prints a canonical index-form sum back in the catalog's language, in matrix notation where the term
// has one (A'*C'*X'*X*C'*B'*X, (A' .* B)*ones, A'*(V ./ (A*X*B))*B') and in index notation otherwise
// (matrix(i,j; …), rows(k; …), sum(…) over entries). Every term's text is checked by lowering it again:
// the result, read back by the binder in the sum's context (and given the sum's shape), has exactly the
// canonical form it was printed from. Terms keep the sum's order, so the text is deterministic.
internal static class MatrixForm
{
    public static Expr? ToExpr(CanonicalSum sum, MatrixFormContext context) => Print(sum, context)?.Expr;

    public static PrintedForm? Print(CanonicalSum sum, MatrixFormContext context)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(context);
        var roles = context.Roles();
        // A row or column over a product size (kron, vec) is several parameters (IndexSplit): no matrix notation.
        if (sum.Shape is { } shape && (shape.Rows is ProductDim || shape.Columns is ProductDim)) return null;
        if (roles.Count != sum.Parameters.Count)
        {
            throw new ArgumentException(
                $"the sum has {sum.Parameters.Count} parameters, the context describes {roles.Count} (row, column, free indices)", nameof(context));
        }
        if (!context.FreeIndexNames.SequenceEqual(context.FreeIndexNames.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            throw new ArgumentException("free indices must be listed by name, as IndexFormContext orders its parameters", nameof(context));
        var scope = FormScope.Start(context);
        var printed = Print(sum, roles, scope, mentionAll: false, loose: new HashSet<int>(), checkText: true);
        return printed is null || context.Attributes.Count == 0 ? printed : UnderHypotheses(printed, sum, roles, scope, context.Attributes);
    }

    // The printed sum tidied under the entry's hypotheses (W*x + W'*x is 2*W*x for a symmetric W), kept only if
    // it still has the sum's canonical form under them — the index forms of the entry's own methods; the form
    // as printed otherwise.
    private static PrintedForm UnderHypotheses(PrintedForm printed, CanonicalSum sum, IReadOnlyList<ParameterRole> roles, FormScope scope,
        IReadOnlyDictionary<string, MatrixAttributes> attributes)
    {
        var tidied = ExprTidy.UnderHypotheses(printed.Expr, attributes);
        if (tidied.Equals(printed.Expr)) return printed;
        return FormCheck.Matches(tidied, sum, roles, attributes) && TextCheck.Matches(tidied, sum, roles, scope.Symbols, attributes) ? printed with { Expr = tidied } : printed;
    }

    // With mentionAll, every named parameter occurs in the text even where no term uses it: the printed
    // form is a function body, and lowering f(body) takes as arguments exactly the indices the body mentions.
    // Loose are the parameter positions (row, column) whose range the surrounding text does not pin (the
    // N of fro(N)); where no term pins one either, the text adds 0 times a symbol-pinned matrix of its shape,
    // which through + pins every term.
    // With checkText (the whole printed sum, not a function body inside it) each term is also read back as
    // text by a binder, so the guarantee covers what a reader parses, not only the Expr built here.
    public static PrintedForm? Print(CanonicalSum sum, IReadOnlyList<ParameterRole> roles, FormScope scope, bool mentionAll, IReadOnlySet<int> loose,
        bool checkText = false)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(loose);
        var key = scope.MemoKey(sum, roles, mentionAll) + "|" + string.Join(",", loose.Order()) + (checkText ? "|text" : "");
        if (scope.TryRecall(key, out var known)) return known;
        var printed = PrintUnremembered(sum, roles, scope, mentionAll, loose, checkText);
        scope.Remember(key, printed);
        return printed;
    }

    private static PrintedForm? PrintUnremembered(CanonicalSum sum, IReadOnlyList<ParameterRole> roles, FormScope scope, bool mentionAll, IReadOnlySet<int> loose,
        bool checkText)
    {
        var unpinned = loose.Where(p => roles[p] is RowRole or ColumnRole && !sum.Terms.Any(t => Pinning.IsPinned(t, p))).ToHashSet();
        if (sum.IsZero)
        {
            var zero = Zero(sum.Parameters, roles, unpinned, scope);
            return new PrintedForm(mentionAll ? MentionUnused(zero, sum, roles) : zero, true);
        }
        Expr? total = null;
        var inMatrixNotation = true;
        foreach (var term in sum.Terms)
        {
            if (Term(term, sum.Parameters, sum.Shape, roles, scope, checkText) is not { } printed) return null;
            inMatrixNotation &= printed.InMatrixNotation;
            var magnitude = term.Coefficient.Abs();
            var unit = magnitude.IsOne ? printed.Expr : Scale(magnitude, printed.Expr);
            total = (total, term.Coefficient.Sign < 0) switch
            {
                (null, false) => unit,
                (null, true) => ExprTidy.NegateLeading(unit),
                (_, false) => new AddExpr(total, unit),
                (_, true) => new AddExpr(total, new NegateExpr(unit)),
            };
        }
        if (unpinned.Count > 0) total = new AddExpr(total!, Zero(sum.Parameters, roles, unpinned, scope));
        if (mentionAll) total = MentionUnused(total!, sum, roles);
        return Accepts(total!, sum, roles, scope, checkText) ? new PrintedForm(total!, inMatrixNotation) : null;
    }

    private static PrintedForm? Term(CanonicalTerm term, IReadOnlyList<Dim> parameters, Shape? shape, IReadOnlyList<ParameterRole> roles, FormScope scope, bool checkText)
    {
        var unit = term with { Coefficient = Rational.One };
        var single = CanonicalSum.Of(parameters, [unit], shape);
        var labels = new TermLabels(unit, parameters, roles, scope);
        if (NetworkForm.Build(unit, labels, scope, built => Checked(built, single, roles, scope, checkText)) is { } matrix) return new PrintedForm(matrix, true);
        if (EntrywiseForm.Build(unit, labels, scope, built => Checked(built, single, roles, scope, checkText)) is { } entries) return new PrintedForm(entries, false);
        return null;
    }

    // The tidiest rewriting of a built form that still has the term's canonical form exactly: the canonical
    // form is not blind to every identity the tidying uses (f(M)ᵀ against f(Mᵀ) for a symmetric M).
    private static Expr? Checked(Expr built, CanonicalSum single, IReadOnlyList<ParameterRole> roles, FormScope scope, bool checkText)
    {
        foreach (var candidate in new[] { ExprTidy.Tidy(built), ExprTidy.TidyKeepingElementwise(built), built })
        {
            if (Accepts(candidate, single, roles, scope, checkText)) return candidate;
        }
        return null;
    }

    private static bool Accepts(Expr candidate, CanonicalSum target, IReadOnlyList<ParameterRole> roles, FormScope scope, bool checkText) =>
        FormCheck.Matches(candidate, target, roles) && (!checkText || TextCheck.Matches(candidate, target, roles, scope.Symbols));

    // c·e with the number leading the product, inside a quotient: `3*(A .* I)/fro(…)`, not `3*((A .* I)/fro(…))`.
    private static Expr Scale(Rational factor, Expr expr) => expr is ScalarDivide d
        ? new ScalarDivide(Scale(factor, d.Operand), d.Divisor)
        : ExprTidy.Multiply([new NumberExpr(factor), expr]);

    // 0 of the sum's shape: 0, 0*ones, 0*ones', 0*ones*ones' — with a symbol-pinned column in place of a
    // ones for the positions in `anchored`.
    private static Expr Zero(IReadOnlyList<Dim> parameters, IReadOnlyList<ParameterRole> roles, IReadOnlySet<int> anchored, FormScope scope)
    {
        var factors = new List<Expr> { new NumberExpr(Rational.Zero) };
        Expr Column(int p) => anchored.Contains(p) ? scope.AnchorColumn(parameters[p]) : new OnesExpr(parameters[p]);
        var row = roles.ToList().FindIndex(r => r is RowRole);
        var column = roles.ToList().FindIndex(r => r is ColumnRole);
        if (row >= 0) factors.Add(Column(row));
        if (column >= 0) factors.Add(new TransposeExpr(Column(column)));
        return ExprTidy.Multiply(factors);
    }

    // ones[j] is 1 for every j and vanishes from the canonical form, but makes j an argument of f(body).
    private static Expr MentionUnused(Expr total, CanonicalSum sum, IReadOnlyList<ParameterRole> roles)
    {
        var used = sum.Terms.SelectMany(t => t.Factors).SelectMany(FactorIndices.Of).ToHashSet();
        var mentions = new List<Expr>();
        for (var p = 0; p < roles.Count; p++)
        {
            if (roles[p] is NamedRole n && !used.Contains(p))
                mentions.Add(new EntryExpr(new OnesExpr(sum.Parameters[p]), new IndexedSlot(new IndexVariable(n.Name, sum.Parameters[p])), UnitSlot.Instance));
        }
        return mentions.Count == 0 ? total : ExprTidy.Multiply([.. mentions, total]);
    }
}
