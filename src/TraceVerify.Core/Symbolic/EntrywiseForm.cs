namespace TraceVerify.Symbolic;

// The index-notation fallback for a term with no matrix form: every factor as an entry by name, the bound
// indices summed, and the row and column bound by matrix(i,j; …) — rows(i; …) for a column vector, its
// transpose for a row vector. Complete for every canonical term whose function bodies print.
internal static class EntrywiseForm
{
    private const int FormBudget = 32;

    // The first combination of the factors' entry forms that `accept` takes.
    public static Expr? Build(CanonicalTerm term, TermLabels labels, FormScope scope, Func<Expr, Expr?> accept)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(accept);
        var forms = term.Factors.Select(f => FactorForms.Entries(f, labels, scope)).ToArray();
        if (forms.Any(f => f.Count == 0)) return null;
        var picked = new int[forms.Length];
        for (var attempt = 0; attempt < FormBudget; attempt++)
        {
            if (accept(Assemble(term, labels, scope, forms.Select((f, k) => f[picked[k]]).ToArray())) is { } accepted) return accepted;
            var k2 = 0;
            while (k2 < forms.Length && ++picked[k2] == forms[k2].Count) picked[k2++] = 0;
            if (k2 == forms.Length) break;
        }
        return null;
    }

    private static Expr Assemble(CanonicalTerm term, TermLabels labels, FormScope scope, (Expr Expr, bool IsDivisor)[] entries)
    {
        var multiplicands = entries.Where(e => !e.IsDivisor).Select(e => e.Expr).ToList();
        var divisors = entries.Where(e => e.IsDivisor).Select(e => e.Expr).ToList();
        // e[k]^0 is 1 and pins k's range through the entry e[k] of a symbol.
        for (var k = labels.ParameterCount; k < labels.Count; k++)
        {
            if (!Pinning.IsPinned(term, k) && !term.Factors.Contains(new OnesFactor(k)))
                multiplicands.Add(new PowerExpr(scope.AnchorEntry(labels.Variable(k), labels.FreeIndices()), 0));
        }
        Expr body = ExprTidy.Multiply(multiplicands);
        foreach (var divisor in divisors) body = new ScalarDivide(body, divisor);

        // A count over a known size is its number (no binder), any other bound index is summed.
        var countedKnown = term.Factors.OfType<OnesFactor>().Where(o => labels.Range(o.Index) is KnownDim).Select(o => o.Index).ToHashSet();
        var bound = Enumerable.Range(labels.ParameterCount, labels.Count - labels.ParameterCount).Where(l => !countedKnown.Contains(l)).ToArray();
        if (bound.Length > 0) body = new IndexSumExpr(new EquatableArray<IndexVariable>(bound.Select(labels.Variable)), body);

        return (labels.Row, labels.Column) switch
        {
            ({ } r, { } c) => new MatrixOfExpr(labels.Variable(r), labels.Variable(c), body),
            ({ } r, null) => new RowsExpr(labels.Variable(r), body),
            (null, { } c) => new TransposeExpr(new RowsExpr(labels.Variable(c), body)),
            (null, null) => body,
        };
    }
}
