using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// The soundness suite's oracle. It shares no code with the symbolic engine: it reads the entry with the
// project's parser only, infers shapes with its own unification (OracleTyping) and evaluates exactly with its
// own dual numbers (OracleEvaluator), derivatives entry by entry in forward mode.
//
// Idea: an entry is decided by
//   1. one shape for the whole entry: unification of every member (and of the derivative's shape) — failure
//      is ill-formed; a declared letter equated with another letter or a literal size is ill-formed;
//      free indices are the entry's: members range over all of them (a member without one is constant in it);
//   2. the shape each equality member (or a derivative's `of`) would have on its own: if the entry equates
//      two sizes of a symbol that it leaves independent (or pins one), the entry only type-checks at a narrower shape; it then
//      fails if it fails there and is ill-formed if it holds there;
//   3. exact evaluation at Points random shapes (every free dimension class a distinct size, from 2 + the
//      point's number on, where there are at most five, the sizes unification pins kept) with random rational values: any
//      difference is a proof of falsehood; agreement at every point is taken as truth (a nonzero rational
//      function vanishes at random rational points with probability ~0). A derivative claim is compared in
//      a random direction: Σ claim_ij V_ij against the exact directional derivative of `of`.
// Invariant: it never guesses — a compared value that is not rational (log/exp values; their derivatives
// are rational and compared), fro to an odd power, literal sizes above 8, a division by an exact zero or a
// singular inverse at five points in a row, and anything else it cannot evaluate exactly is Excluded with the reason.
internal static class Oracle
{
    public const int Points = 3;

    public static OracleVerdict Decide(CatalogEntry catalogEntry, int seed)
    {
        var (entry, truth, reason) = OracleEntry.Read(catalogEntry);
        if (entry is null) return new OracleVerdict(truth, reason);
        var global = OracleTyping.Infer(entry, entry.Members, whole: true);
        if (global.Dims.Unsure is { } unsure) return new OracleVerdict(Truth.Excluded, unsure);
        if (global.Error is { } error) return new OracleVerdict(Truth.IllFormed, error);
        if (DeclaredCollapse(global) is { } collapse) return new OracleVerdict(Truth.IllFormed, collapse);
        if (IndexMismatch(entry, global) is { } mismatch) return mismatch;
        if (Positions(global) is { } positions) return positions;
        var (narrowing, illTyped) = Narrowing(entry, global);
        if (illTyped is not null) return illTyped;
        if (global.Unsupported is { } unsupported) return new OracleVerdict(Truth.Excluded, unsupported);

        var random = new Random(seed);
        int[]? ranking = null;
        for (int point = 0, attempts = 0; point < Points; point++)
        {
            var sizes = Sizes(global, random, point, ref ranking);
            var values = global.Symbols.ToDictionary(s => s.Key, s => Values(random, Size(global, sizes, s.Value.Rows), Size(global, sizes, s.Value.Columns)), StringComparer.Ordinal);
            var singular = false;
            foreach (var (name, attributes) in entry.Attributes)
            {
                if (values.TryGetValue(name, out var value)) singular |= !Structure(value, attributes, random, point);
            }
            var (exclusion, difference) = singular ? (Undefined, null)
                : entry.Kind == EntryKind.Equality
                ? CompareEquality(entry, global, sizes, values)
                : CompareDerivative(entry, global, sizes, values, random);
            // A zero denominator at one random point is bad luck; at five in a row, the entry's own.
            if (exclusion == Undefined && ++attempts < 5)
            {
                point--;
                continue;
            }
            if (exclusion is not null) return new OracleVerdict(Truth.Excluded, exclusion);
            if (difference is not null)
            {
                var at = string.Join(", ", global.Symbols.Select(s => $"{s.Key}: {values[s.Key].GetLength(0)}x{values[s.Key].GetLength(1)}"));
                return new OracleVerdict(Truth.Fails, narrowing is null ? $"{difference} at {at}" : $"{difference} at {at}, the only shapes where it type-checks ({narrowing})");
            }
        }
        return narrowing is null
            ? new OracleVerdict(Truth.Holds, $"agrees at {Points} random points")
            : new OracleVerdict(Truth.IllFormed, $"holds only at a narrower shape: {narrowing}");
    }

    private static string? DeclaredCollapse(OracleTyping global)
    {
        var letters = global.Letters.ToList();
        foreach (var (letter, dim) in letters)
        {
            if (global.Dims.SizeOf(dim) is { } size) return $"declared size {letter} = {size}";
            if (global.Dims.FactorsOf(dim) is not null) return $"declared size {letter} equated with a product of sizes";
        }
        for (var a = 0; a < letters.Count; a++)
        {
            for (var b = a + 1; b < letters.Count; b++)
            {
                if (global.Dims.Find(letters[a].Value) == global.Dims.Find(letters[b].Value)) return $"declared sizes {letters[a].Key} = {letters[b].Key}";
            }
        }
        return null;
    }

    // Position 1 exists at every size; a position above 1 needs a literal size at least as large (beyond it is
    // ill-formed). On a dimension that is not a literal size the tool asks for a declaration where the
    // position is written — an order of binding the oracle does not model, so it excludes.
    private static OracleVerdict? Positions(OracleTyping global)
    {
        foreach (var (dim, position) in global.Positions.Where(p => p.Position > 1))
        {
            if (global.Dims.SizeOf(dim) is not { } size) return new OracleVerdict(Truth.Excluded, "a numeric position above 1 on a dimension that is not a literal size");
            if (position > size) return new OracleVerdict(Truth.IllFormed, $"position {position} beyond the size {size}");
        }
        return null;
    }

    private static OracleVerdict? IndexMismatch(OracleEntry entry, OracleTyping global)
    {
        if (entry.Kind == EntryKind.Derivative && global.OfFreeIndices.Count > 0) return new OracleVerdict(Truth.Excluded, "free indices in `of`");
        // Free indices are the entry's (README: both sides range over them): a member without one of them is
        // constant in it. A derivative's claim may only use the variable's indices.
        if (entry.Kind != EntryKind.Derivative) return null;
        var variable = entry.VariableIndices.ToHashSet(StringComparer.Ordinal);
        return global.FreeIndicesOfRoots.All(f => f.IsSubsetOf(variable)) ? null : new OracleVerdict(Truth.Excluded, "a claim's free index that the variable does not have");
    }

    // The first size the entry pins or equates although the reference root alone leaves it free (null when
    // none); a root that cannot type-check alone makes the entry ill-formed outright.
    private static (string? Narrowing, OracleVerdict? IllTyped) Narrowing(OracleEntry entry, OracleTyping global)
    {
        // A claim is only meaningful together with its derivative, so for derivatives the reference is `of`.
        // The left side is the reference of every symbol it uses; a symbol it does not use is judged by the
        // first later member that uses it (README: the claim may not narrow what the left side leaves general,
        // and `det(A*inv(B)) = det(A)/det(B)` is not narrowed by its right side leaving B's size free).
        IReadOnlyList<SyntaxNode> roots = entry.Of is { } of ? [of] : entry.Members;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var alone = OracleTyping.Infer(entry, [root], whole: false, readings: global);
            if (alone.Dims.Unsure is { } unsure) return (null, new OracleVerdict(Truth.Excluded, unsure));
            if (alone.Error is { } error) return (null, new OracleVerdict(Truth.IllFormed, $"`{SyntaxPrinter.Print(root)}` alone: {error}"));
            var fresh = alone.Symbols.Keys.Where(seen.Add).ToHashSet(StringComparer.Ordinal);
            var keys = alone.Symbols.Where(s => fresh.Contains(s.Key)).SelectMany(s => new[] { (s.Key, "rows", s.Value.Rows), (s.Key, "columns", s.Value.Columns) })
                .Where(k => global.Symbols.ContainsKey(k.Key)).ToList();
            int Global((string Name, string Side, int Dim) k) => k.Side == "rows" ? global.Symbols[k.Name].Rows : global.Symbols[k.Name].Columns;
            foreach (var k in keys)
            {
                if (alone.Dims.SizeOf(k.Item3) is null && global.Dims.SizeOf(Global(k)) is { } size)
                    return ($"the {k.Item2} of {k.Key} must be {size}", null);
            }
            for (var a = 0; a < keys.Count; a++)
            {
                for (var b = a + 1; b < keys.Count; b++)
                {
                    var (da, db) = (keys[a].Item3, keys[b].Item3);
                    if (alone.Dims.SizeOf(da) is null && alone.Dims.SizeOf(db) is null && alone.Dims.Find(da) != alone.Dims.Find(db) && global.Dims.Find(Global(keys[a])) == global.Dims.Find(Global(keys[b])))
                        return ($"the {keys[a].Item2} of {keys[a].Key} must equal the {keys[b].Item2} of {keys[b].Key}", null);
                }
            }
        }
        // A variable `of` does not use is as general as `wrt` leaves it (the binder binds `wrt` with the left
        // side): a claim that pins its size or makes it square narrows it (`0 + 0`, the scalar 0, by X).
        if (entry.Variable is { } variable && !seen.Contains(variable) && !entry.Declared.ContainsKey(variable) && entry.VariableIndices.Count == 0
            && global.Symbols.TryGetValue(variable, out var shape))
        {
            if (global.Dims.SizeOf(shape.Rows) is { } rows) return ($"the rows of {variable} must be {rows}", null);
            if (global.Dims.SizeOf(shape.Columns) is { } columns) return ($"the columns of {variable} must be {columns}", null);
            if (global.Dims.Find(shape.Rows) == global.Dims.Find(shape.Columns) && !entry.Attributes.ContainsKey(variable))
                return ($"the rows of {variable} must equal its columns", null);
        }
        return (null, null);
    }

    private static Dictionary<int, int> Sizes(OracleTyping global, Random random, int point, ref int[]? ranking)
    {
        var free = global.Dims.Classes().Where(c => global.Dims.SizeOf(c) is null && global.Dims.FactorsOf(c) is null).ToList();
        // Distinct sizes starting one higher at each point, so that even a single free size takes 2, 3 and 4 (a
        // claim true at n = 2 only, such as tr(adj(B)·A) = tr(adj(A)·B), must meet n = 3); the second point ranks
        // the classes in the reverse order of the first, so every two sizes are met both ways round (the
        // Cookbook's (51) for rectangular A, B holds for m > n and fails for m < n); where sizes multiply (kron,
        // vec), from fewer and smaller, so that products stay small enough to evaluate.
        var spread = global.Dims.HasProducts ? 3 : 5;
        var start = 2 + (global.Dims.HasProducts ? Math.Min(point, 1) : point);
        var ranks = point == 1 && ranking is { } first ? first.Select(r => free.Count - 1 - r).ToArray()
            : Enumerable.Range(0, free.Count).OrderBy(_ => random.Next()).ToArray();
        if (point == 0) ranking = ranks;
        return free.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => free.Count <= spread ? start + ranks[p.k] : random.Next(2, global.Dims.HasProducts ? 4 : 5));
    }

    private static int Size(OracleTyping global, IReadOnlyDictionary<int, int> sizes, int dim) =>
        global.Dims.Evaluate(dim, c => sizes[c]);

    private static Rational[,] Values(Random random, int rows, int columns)
    {
        var m = new Rational[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var numerator = random.Next(1, 8) * (random.Next(2) == 0 ? -1 : 1);
                m[i, j] = Rational.Of(numerator, random.Next(1, 4));
            }
        }
        return m;
    }

    // Makes a square random matrix satisfy its hypotheses exactly: symmetric mirrors the upper triangle, skew
    // negates it below a zero diagonal, diagonal and triangular mask. False when `invertible` meets a singular
    // draw (the point is redrawn, like a zero denominator). Orthogonal: D·(I − K)(I + K)⁻¹ with K the skew part
    // of the draw (I + K is invertible for every real skew K) and D random signs; positive-definite: BᵀB + I.
    private static bool Structure(Rational[,] m, IReadOnlySet<string> attributes, Random random, int point)
    {
        var n = m.GetLength(0);
        if (attributes.Contains("orthogonal"))
        {
            var identity = Identity(n);
            var skew = Constant(n, (i, j) => i == j ? Rational.Zero : i < j ? m[i, j] : -m[j, i]);
            var cayley = identity.Zip(skew, (a, b) => a - b).Times(DualLinearAlgebra.Inverse(identity.Zip(skew, (a, b) => a + b))!);
            // det D = (−1)^point: both components of the orthogonal group are met (det Q = 1 is false).
            var signs = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0 ? Rational.One : -Rational.One).ToArray();
            var negatives = signs.Count(x => x < Rational.Zero);
            if (negatives % 2 != point % 2) signs[n - 1] = -signs[n - 1];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++) m[i, j] = signs[i] * cayley[i, j].Value!.Value;
            }
            return true;
        }
        if (attributes.Contains("positive-definite"))
        {
            var b = Constant(n, (i, j) => m[i, j]);
            var gram = b.Transposed().Times(b).Zip(Identity(n), (x, y) => x + y);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++) m[i, j] = gram[i, j].Value!.Value;
            }
            return true;
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (attributes.Contains("symmetric") && i > j) m[i, j] = m[j, i];
                if (attributes.Contains("skew")) m[i, j] = i == j ? Rational.Zero : i > j ? -m[j, i] : m[i, j];
                if (attributes.Contains("diagonal") && i != j) m[i, j] = Rational.Zero;
                if (attributes.Contains("lower-triangular") && j > i) m[i, j] = Rational.Zero;
                if (attributes.Contains("upper-triangular") && i > j) m[i, j] = Rational.Zero;
            }
        }
        return !attributes.Contains("invertible") || DualLinearAlgebra.Inverse(Constant(n, (i, j) => m[i, j])) is not null;
    }

    private static DualMatrix Constant(int n, Func<int, int, Rational> entry)
    {
        var m = new DualMatrix(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = ExactDual.Constant(entry(i, j));
        }
        return m;
    }

    private static DualMatrix Identity(int n) => Constant(n, (i, j) => i == j ? Rational.One : Rational.Zero);

    private const string Undefined = "a division by an exact zero or a singular inverse at a random point";
    private const string TooLarge = "a determinant or adjugate larger than the oracle expands";
    private const string NotRational = "a compared value is not rational (log, exp)";

    private static (string? Exclusion, string? Difference) CompareEquality(OracleEntry entry, OracleTyping global, Dictionary<int, int> sizes, Dictionary<string, Rational[,]> values)
    {
        var evaluator = new OracleEvaluator(entry, global, sizes, values, null);
        var names = global.FreeIndicesOfRoots.SelectMany(f => f).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var tuple in OracleEvaluator.Tuples(names.Select(n => evaluator.Size(global.FreeIndices[n])).ToList()))
        {
            var indices = names.Select((n, k) => (n, k)).ToDictionary(p => p.n, p => tuple[p.k], StringComparer.Ordinal);
            var first = evaluator.Evaluate(entry.Members[0], indices);
            for (var k = 1; k < entry.Members.Count; k++)
            {
                var other = evaluator.Evaluate(entry.Members[k], indices);
                if (evaluator.TooLarge) return (TooLarge, null);
                if (evaluator.Undefined) return (Undefined, null);
                var equal = first.ValuesEqual(other);
                if (equal is null) return (NotRational, null);
                if (equal == false)
                    return (null, $"member {k + 1} differs from member 1 (indices {string.Join(",", indices.Select(p => $"{p.Key}={p.Value + 1}"))})");
            }
        }
        return (evaluator.TooLarge ? TooLarge : evaluator.Undefined ? Undefined : null, null);
    }

    // The claim is compared with the derivative in a random rational direction V: Σ claim_ij V_ij against the
    // directional derivative. A claim that differs from the gradient differs in almost every direction.
    private static (string? Exclusion, string? Difference) CompareDerivative(OracleEntry entry, OracleTyping global, Dictionary<int, int> sizes, Dictionary<string, Rational[,]> values, Random random)
    {
        if (global.Axes is not null) return CompareByAxes(entry, global, sizes, values, random);
        var variable = values[entry.Variable!];
        var direction = Values(random, variable.GetLength(0), variable.GetLength(1));
        var derivative = new OracleEvaluator(entry, global, sizes, values, direction);
        var slope = derivative.Evaluate(entry.Of!, new Dictionary<string, int>())[0, 0].Slope;
        if (derivative.TooLarge) return (TooLarge, null);
        if (derivative.Undefined) return (Undefined, null);
        if (slope is null) return (NotRational, null);
        var claims = new OracleEvaluator(entry, global, sizes, values, null);
        var row = global.Dims.IsOne(global.Symbols[entry.Variable!].Rows) && entry.VariableIndices.Count == 1;
        for (var k = 0; k < entry.Members.Count; k++)
        {
            var whole = entry.EntryVariable ? null : claims.Evaluate(entry.Members[k], new Dictionary<string, int>());
            Rational? claimed = Rational.Zero;
            for (var i = 0; i < variable.GetLength(0); i++)
            {
                for (var j = 0; j < variable.GetLength(1); j++)
                {
                    Rational? entryValue;
                    if (whole is not null) entryValue = whole[i, j].Value;
                    else
                    {
                        var indices = entry.VariableIndices.Count == 2
                            ? new Dictionary<string, int> { [entry.VariableIndices[0]] = i, [entry.VariableIndices[1]] = j }
                            : new Dictionary<string, int> { [entry.VariableIndices[0]] = row ? j : i };
                        entryValue = claims.Evaluate(entry.Members[k], indices)[0, 0].Value;
                    }
                    claimed += entryValue * direction[i, j];
                }
            }
            if (claims.TooLarge) return (TooLarge, null);
            if (claims.Undefined) return (Undefined, null);
            if (claimed is null) return (NotRational, null);
            if (claimed != slope) return (null, $"claim {k + 1} differs from the derivative in a random direction");
        }
        return (null, null);
    }

    // A Jacobian, a second derivative or a derivative of a vector or matrix by a scalar, by a symbol x. Idea:
    // `of` is evaluated with hyper-dual seeds, x + sV (+ tW for a second derivative), V and W random rational
    // directions, so each entry of `of` carries D_V of_e (and D_W D_V of_e = Σ ∂²of_e/∂x_p∂x_q V_p W_q) exactly.
    // The claim C is indexed by the derivative's axes (OracleTyping.Axes: `of`'s, then the variable's, reversed
    // in denominator layout), so for every entry e of `of` the contraction Σ_p C[e, p]·V_p (Σ_p,q C[e, p, q]·V_p·W_q)
    // must equal it: numerator layout J[i,j] = ∂f_i/∂x_j, denominator its transpose, the Hessian H[i,j] =
    // ∂²f/∂x_i∂x_j. A claim that differs from the derivative differs in almost every pair of directions.
    private static (string? Exclusion, string? Difference) CompareByAxes(OracleEntry entry, OracleTyping global, Dictionary<int, int> sizes, Dictionary<string, Rational[,]> values, Random random)
    {
        var variable = values[entry.Variable!];
        var (rows, columns) = (variable.GetLength(0), variable.GetLength(1));
        var first = Values(random, rows, columns);
        var second = entry.Second ? Values(random, rows, columns) : null;
        var seeded = new OracleEvaluator(entry, global, sizes, values, first, second);
        var of = seeded.Evaluate(entry.Of!, new Dictionary<string, int>());
        if (seeded.TooLarge) return (TooLarge, null);
        if (seeded.Undefined) return (Undefined, null);
        var claims = new OracleEvaluator(entry, global, sizes, values, null);
        var axes = global.Axes!;
        var positions = Enumerable.Range(0, rows).SelectMany(i => Enumerable.Range(0, columns).Select(j => (Row: i, Column: j))).ToArray();
        var seconds = second is null ? [(Row: 0, Column: 0)] : positions;
        for (var k = 0; k < entry.Members.Count; k++)
        {
            var claim = claims.Evaluate(entry.Members[k], new Dictionary<string, int>());
            if (claims.TooLarge) return (TooLarge, null);
            if (claims.Undefined) return (Undefined, null);
            for (var i = 0; i < of.Rows; i++)
            {
                for (var j = 0; j < of.Columns; j++)
                {
                    var expected = second is null ? of[i, j].Slope : of[i, j].Cross;
                    if (expected is null) return (NotRational, null);
                    Rational? contracted = Rational.Zero;
                    foreach (var p in positions)
                    {
                        foreach (var q in seconds)
                        {
                            int At((int Participant, bool IsRow, int Dim) axis) => axis.Participant switch
                            {
                                0 => axis.IsRow ? i : j,
                                1 => axis.IsRow ? p.Row : p.Column,
                                _ => axis.IsRow ? q.Row : q.Column,
                            };
                            var (r, c) = axes.Count switch
                            {
                                0 => (0, 0),
                                1 => axes[0].IsRow ? (At(axes[0]), 0) : (0, At(axes[0])),
                                _ => (At(axes[0]), At(axes[1])),
                            };
                            var weight = second is null ? first[p.Row, p.Column] : first[p.Row, p.Column] * second[q.Row, q.Column];
                            contracted += ExactDual.Times(claim[r, c].Value, weight);
                        }
                    }
                    if (contracted is null) return (NotRational, null);
                    if (contracted != expected)
                        return (null, $"claim {k + 1} differs from the derivative in random directions (entry {i + 1},{j + 1} of `of`)");
                }
            }
        }
        return (null, null);
    }
}
