namespace TraceVerify.Symbolic;

// Which product-rule terms of one index-form term are equal before they are built, so d tr(Xⁿ) makes one
// term of weight n instead of n terms that only canonicalization would merge (quadratic work for linear output).
//
// Idea: a closed oriented cycle M₀[i₀,i₁]·M₁[i₁,i₂]·…·M_{m−1}[i_{m−1},i₀] of matrix entries, whose indices
// are summed (each used exactly twice in the term, both times in the cycle, and no parameter of the form), is
// a trace tr(M₀M₁…M_{m−1}) times the rest of the term. If its word of symbols (and index ranges) has cyclic
// period p (a proper divisor of m: M_{j+p} = M_j for every j), the renaming i_j ↦ i_{j+p} of summed indices
// maps the term onto itself and copy j of the variable onto copy j+p, so the product-rule terms at copies j
// and j+p are equal up to a renaming of summed indices, i.e. the same value and the same canonical form.
// Invariant: multiplicity[k] is 1 for every factor outside such a cycle; inside one, copy j gets m/p when
// j < p and 0 otherwise, so the weights of each class of equal terms add up to its size and no term is lost.
// The key is the cyclic word, found in O(m) with the prefix function; a cycle read with a transposed factor
// (not oriented) is left alone, and so is every term in which the variable occurs fewer than twice.
internal static class TraceRotations
{
    // null when no two product-rule terms of the term are known to be equal (every copy then counts once).
    public static int[]? Multiplicities(RawTerm term, string variable, IReadOnlySet<int> parameters, IndexPool pool)
    {
        var factors = term.Factors;
        var copies = 0;
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is TensorFactor { Indices.Count: 2 } t && string.Equals(t.Symbol, variable, StringComparison.Ordinal)) copies++;
        }
        if (copies < 2) return null;

        var uses = new Dictionary<int, int>();
        foreach (var factor in factors)
        {
            foreach (var index in FactorIndices.Of(factor)) uses[index] = uses.GetValueOrDefault(index) + 1;
        }
        bool Summed(int index) => uses[index] == 2 && !parameters.Contains(index);

        // The factor whose row is a summed index; that index's other use is then the previous factor's column.
        var byRow = new Dictionary<int, int>();
        for (var k = 0; k < factors.Count; k++)
        {
            if (factors[k] is TensorFactor { Indices: [var row, var column] } && row != column && Summed(row) && Summed(column)) byRow[row] = k;
        }
        if (byRow.Count < 2) return null;

        int[]? multiplicity = null;
        var visited = new bool[factors.Count];
        var cycle = new List<int>();
        foreach (var start in byRow.Values.Order())
        {
            if (visited[start]) continue;
            cycle.Clear();
            var current = start;
            var closed = false;
            while (!visited[current])
            {
                visited[current] = true;
                cycle.Add(current);
                var column = ((TensorFactor)factors[current]).Indices[1];
                if (!byRow.TryGetValue(column, out var next)) break;
                if (next == start)
                {
                    closed = true;
                    break;
                }
                current = next;
            }
            if (!closed || cycle.Count < 2) continue;
            var period = CyclicPeriod(cycle, factors, pool);
            if (period == cycle.Count) continue;
            multiplicity ??= Enumerable.Repeat(1, factors.Count).ToArray();
            for (var j = 0; j < cycle.Count; j++)
            {
                if (string.Equals(((TensorFactor)factors[cycle[j]]).Symbol, variable, StringComparison.Ordinal))
                    multiplicity[cycle[j]] = j < period ? cycle.Count / period : 0;
            }
        }
        return multiplicity;
    }

    // The least p dividing m with letter j = letter j+p (mod m) for all j, where a letter is the factor's symbol
    // and its row index's range: m − π(m−1) from the prefix function when that divides m, else m.
    private static int CyclicPeriod(List<int> cycle, EquatableArray<Factor> factors, IndexPool pool)
    {
        bool Same(int a, int b)
        {
            var x = (TensorFactor)factors[cycle[a]];
            var y = (TensorFactor)factors[cycle[b]];
            return string.Equals(x.Symbol, y.Symbol, StringComparison.Ordinal) && pool.Range(x.Indices[0]).Equals(pool.Range(y.Indices[0]));
        }
        var m = cycle.Count;
        var prefix = new int[m];
        for (var j = 1; j < m; j++)
        {
            var k = prefix[j - 1];
            while (k > 0 && !Same(j, k)) k = prefix[k - 1];
            if (Same(j, k)) k++;
            prefix[j] = k;
        }
        var period = m - prefix[m - 1];
        return m % period == 0 ? period : m;
    }
}
