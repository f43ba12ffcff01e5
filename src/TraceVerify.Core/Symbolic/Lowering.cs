using System.Diagnostics;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// Lowers an Expr to index form: transpose swaps the row and column index, a product contracts them,
// a trace identifies them, a Hadamard product shares them, diag(x) is x_i δ_ij, `B[k,:]` fixes the row
// index to k, `sum(k; …)` binds k, `rows(k; …)` frees it as the row index. kron pairs its operands' rows and
// columns, vec pairs M's column (major) with its row: an index over a product size is split (IndexSplit).
internal sealed class Lowering
{
    private readonly IndexPool _pool;
    private readonly IndexSplit _split;
    private readonly List<Dictionary<string, int>> _scopes = [];
    private readonly Dictionary<string, int> _freeIndices;

    public Lowering(IndexPool pool, IReadOnlyDictionary<string, int> freeIndices)
    {
        _pool = pool;
        _split = new IndexSplit(pool);
        _freeIndices = new Dictionary<string, int>(freeIndices, StringComparer.Ordinal);
    }

    public Lowered Lower(Expr expr) => expr switch
    {
        SymbolExpr s => LowerSymbol(s),
        NumberExpr n => Scalar([RawTerm.Constant(n.Value)]),
        MatrixProduct p => LowerMatrixProduct(p),
        ScalarProduct p => LowerScalarProduct(Lower(p.Scalar), Lower(p.Operand)),
        ScalarDivide d => LowerScalarProduct(Reciprocal(Lower(d.Divisor)), Lower(d.Operand)),
        AddExpr a => LowerAdd(Lower(a.Left), Lower(a.Right)),
        NegateExpr n => Negate(Lower(n.Operand)),
        TransposeExpr t => Transpose(Lower(t.Operand)),
        TraceOf t => LowerTrace(Lower(t.Operand)),
        DiagExpr d => LowerDiag(Lower(d.Vector)),
        HadamardProduct h => Hadamard(Lower(h.Left), Lower(h.Right)),
        ElementwiseDivide d => Hadamard(Lower(d.Left), Reciprocal(Lower(d.Right))),
        ElementwiseFunction f => Apply(f.Function, Lower(f.Operand), f.Degree),
        MatrixFunctionExpr { Operand: KroneckerProduct k } f when KroneckerRewrite(f.Function, k) is { } rewritten => Lower(rewritten),
        MatrixFunctionExpr f when PositionPinning.Active && ExpandAtLiteralSize(f) is { } expanded => expanded,
        MatrixFunctionExpr f => ApplyToMatrix(f.Function, Lower(f.Operand)),
        FrobeniusNorm f => Apply(FunctionKind.Sqrt, SumOfSquares(f.Operand)),
        KroneckerProduct k => LowerKronecker(Lower(k.Left), Lower(k.Right)),
        VecExpr v => LowerVec(Lower(v.Operand)),
        PowerExpr p => LowerPower(p),
        OnesExpr o => o.Length.IsOne ? Scalar([RawTerm.Constant(Rational.One)]) : LowerOnes(o.Length),
        IdentityExpr i => i.Size.IsOne ? Scalar([RawTerm.Constant(Rational.One)]) : LowerIdentity(i.Size),
        ZerosExpr z => new Lowered(Fresh(z.Rows), Fresh(z.Columns), []),
        EntryExpr e => LowerEntry(e),
        IndexSumExpr s => LowerIndexSum(s),
        RowsExpr r => LowerBinder([r.Index], r.Body, (ids, body) => new Lowered(ids[0], body.Column, body.Terms)),
        MatrixOfExpr m => LowerBinder([m.Row, m.Column], m.Body, (ids, body) => new Lowered(ids[0], ids[1], body.Terms)),
        MatrixLiteralExpr m => LowerLiteral(m),
        _ => throw new UnreachableException($"no lowering rule for {expr.GetType().Name}"),
    };

    private static Lowered Scalar(IReadOnlyList<RawTerm> terms) => new(null, null, terms);

    private static Lowered Negate(Lowered operand) => operand with { Terms = operand.Terms.Select(t => t.Scaled(Rational.MinusOne)).ToArray() };

    private static Lowered Transpose(Lowered operand) => operand with { Row = operand.Column, Column = operand.Row };

    private int? Fresh(Dim dim) => dim.IsOne ? null : _split.Fresh(dim);

    // The parts of a row or column index (IndexSplit): what a caller binds as the form's parameters.
    public IEnumerable<int> Parts(int? id) => _split.Parts(id);

    // kron(A, B)[(i,k),(j,l)] = A[i,j]·B[k,l]: the operands' terms multiplied, indices paired, A's major.
    // The index form does not split the argument of a whole-matrix function, so for square A (n×n) and B (p×p)
    // two rules are applied before lowering: inv(A ⊗ B) = inv(A) ⊗ inv(B) (both sides exist exactly when A and B
    // are invertible) and, where n and p are known sizes, det(A ⊗ B) = det(A)^p·det(B)^n. Anything else: null.
    private static Expr? KroneckerRewrite(MatrixFunction function, KroneckerProduct k)
    {
        var (left, right) = (Shapes.Of(k.Left), Shapes.Of(k.Right));
        if (left.Rows != left.Columns || right.Rows != right.Columns) return null;
        return function switch
        {
            MatrixFunction.Inverse => new KroneckerProduct(new MatrixFunctionExpr(function, k.Left), new MatrixFunctionExpr(function, k.Right)),
            MatrixFunction.Determinant when left.Rows is KnownDim n && right.Rows is KnownDim p => new ScalarProduct(
                new PowerExpr(new MatrixFunctionExpr(function, k.Left), p.Size),
                new PowerExpr(new MatrixFunctionExpr(function, k.Right), n.Size)),
            _ => null,
        };
    }

    // Where positions are written out (PositionPinning), det, adj and inv of a square M of literal size k ≤
    // MaxExpandedSize are their polynomials in M's entries: det(M) = Σ_σ sgn(σ)·Πᵣ M[r,σ(r)] (Leibniz),
    // adj(M)[i,j] = Σ_{σ(j) = i} sgn(σ)·Π_{r≠j} M[r,σ(r)], inv(M) = adj(M)·(1/det(M)) (both sides defined exactly
    // when det(M) ≠ 0). Each entry M[r,c] is a fresh lowering of M pinned to (r, c), so no bound index is shared.
    public const int MaxExpandedSize = 4;

    private Lowered? ExpandAtLiteralSize(MatrixFunctionExpr f)
    {
        if (Shapes.Of(f.Operand) is not { Rows: KnownDim { Size: >= 2 and <= MaxExpandedSize } size, Columns: KnownDim columns } || columns.Size != size.Size) return null;
        // A nested det/adj/inv would be expanded again inside every entry (k!·kᵏ copies): it stays a node.
        if (ExprNodes.Walk(f.Operand).Any(n => n.Node is MatrixFunctionExpr)) return null;
        var k = size.Size;
        var permutations = Permutations(k);
        IReadOnlyList<RawTerm> Determinant() => permutations.SelectMany(p =>
        {
            IReadOnlyList<RawTerm> product = [RawTerm.Constant(Sign(p))];
            for (var r = 0; r < k; r++)
            {
                product = Cross(product, EntryOf(f.Operand, r + 1, p[r] + 1));
            }
            return product;
        }).ToArray();
        if (f.Function == MatrixFunction.Determinant) return Scalar(Determinant());
        var row = _split.Fresh(size);
        var column = _split.Fresh(size);
        var terms = new List<RawTerm>();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                foreach (var p in permutations.Where(p => p[j] == i))
                {
                    IReadOnlyList<RawTerm> product = [RawTerm.Constant(Sign(p)).With(new PositionFactor(row, i + 1)).With(new PositionFactor(column, j + 1))];
                    for (var r = 0; r < k; r++)
                    {
                        if (r != j) product = Cross(product, EntryOf(f.Operand, r + 1, p[r] + 1));
                    }
                    terms.AddRange(product);
                }
            }
        }
        var adjugate = new Lowered(row, column, terms);
        return f.Function == MatrixFunction.Adjugate ? adjugate : LowerScalarProduct(Reciprocal(Scalar(Determinant())), adjugate);
    }

    // M[r, c] at positions r and c, from a fresh lowering of M.
    private IReadOnlyList<RawTerm> EntryOf(Expr matrix, int r, int c)
    {
        var lowered = Lower(matrix);
        var (row, column) = (_split.Atomic(lowered.Row, "a matrix expanded at its literal size"), _split.Atomic(lowered.Column, "a matrix expanded at its literal size"));
        // A term already pinned elsewhere on that row or column (another entry of a literal) is 0: dropped here.
        return lowered.Terms.Where(t => !t.Factors.Any(f => f is PositionFactor e && (e.Index == row && e.Position != r || e.Index == column && e.Position != c)))
            .Select(t => t.With(new PositionFactor(row!.Value, r)).With(new PositionFactor(column!.Value, c))).ToArray();
    }

    private static int[][] Permutations(int k)
    {
        if (k == 1) return [[0]];
        return Permutations(k - 1).SelectMany(p => Enumerable.Range(0, k).Select(at => (int[])[.. p[..at], k - 1, .. p[at..]])).ToArray();
    }

    private static Rational Sign(int[] permutation)
    {
        var inversions = 0;
        for (var a = 0; a < permutation.Length; a++)
        {
            for (var b = a + 1; b < permutation.Length; b++)
            {
                if (permutation[a] > permutation[b]) inversions++;
            }
        }
        return inversions % 2 == 0 ? Rational.One : Rational.MinusOne;
    }

    // vec(M)[(j,i)] = M[i,j]: one index pairing M's column (major) with its row.
    private Lowered LowerVec(Lowered matrix) => new(_split.Compose(matrix.Column, matrix.Row), null, matrix.Terms);

    private Lowered LowerKronecker(Lowered left, Lowered right) =>
        new(_split.Compose(left.Row, right.Row), _split.Compose(left.Column, right.Column), Cross(left.Terms, right.Terms));

    private Lowered LowerSymbol(SymbolExpr symbol)
    {
        var row = _split.Atomic(Fresh(symbol.Shape.Rows), $"`{symbol.Name}`");
        var column = _split.Atomic(Fresh(symbol.Shape.Columns), $"`{symbol.Name}`");
        int[] indices = [.. new[] { row, column }.Where(i => i is not null).Select(i => i!.Value)];
        var factor = new TensorFactor(symbol.Name, new EquatableArray<int>(indices));
        return new Lowered(row, column, [new RawTerm(Rational.One, new EquatableArray<Factor>([factor]))]);
    }

    public const int MaxTerms = 200_000;

    // A term's factors are bounded too: ((s^1000)^1000)^1000 is one term, of 10^9 factors.
    public const int MaxFactorsPerTerm = 10_000;

    private static IReadOnlyList<RawTerm> Cross(IReadOnlyList<RawTerm> left, IReadOnlyList<RawTerm> right)
    {
        if ((long)left.Count * right.Count > MaxTerms)
            throw new ExpansionLimitException($"expanding a product of {left.Count} and {right.Count} terms exceeds the limit of {MaxTerms} terms");
        if (left.Count > 0 && right.Count > 0 && left.Max(t => t.Factors.Count) + right.Max(t => t.Factors.Count) > MaxFactorsPerTerm)
            throw new ExpansionLimitException($"expanding a product gives a term of more than {MaxFactorsPerTerm} factors");
        var terms = new List<RawTerm>(left.Count * right.Count);
        foreach (var l in left)
        {
            WorkCancellation.ThrowIfRequested();
            foreach (var r in right) terms.Add(l.Times(r));
        }
        return terms;
    }

    private IReadOnlyList<RawTerm> Rename(IReadOnlyList<RawTerm> terms, int? from, int? to) => _split.Rename(terms, from, to);

    private Lowered LowerMatrixProduct(MatrixProduct product)
    {
        var left = Lower(product.Left);
        var right = Lower(product.Right);
        var rightTerms = Rename(right.Terms, right.Row, left.Column);
        return new Lowered(left.Row, right.Column, Cross(left.Terms, rightTerms));
    }

    private static Lowered LowerScalarProduct(Lowered scalar, Lowered operand) =>
        operand with { Terms = Cross(scalar.Terms, operand.Terms) };

    private Lowered LowerAdd(Lowered left, Lowered right)
    {
        // A sum of sums grows without any product: bounded by the same limit as a product's expansion.
        if ((long)left.Terms.Count + right.Terms.Count > MaxTerms)
            throw new ExpansionLimitException($"expanding a sum of {left.Terms.Count} and {right.Terms.Count} terms exceeds the limit of {MaxTerms} terms");
        WorkCancellation.ThrowIfRequested();
        var terms = Rename(Rename(right.Terms, right.Row, left.Row), right.Column, left.Column);
        return left with { Terms = [.. left.Terms, .. terms] };
    }

    private Lowered LowerTrace(Lowered operand) =>
        Scalar(Rename(operand.Terms, operand.Column, operand.Row));

    private Lowered LowerDiag(Lowered vector)
    {
        var index = vector.Row ?? vector.Column;
        if (index is not { } i) return vector;
        var other = _split.Fresh(_pool.Range(i));
        var terms = vector.Terms.Select(t => Deltas(t, i, other)).ToArray();
        return new Lowered(i, other, terms);
    }

    private Lowered Hadamard(Lowered left, Lowered right)
    {
        // A sum of sums grows without any product: bounded by the same limit as a product's expansion.
        if ((long)left.Terms.Count + right.Terms.Count > MaxTerms)
            throw new ExpansionLimitException($"expanding a sum of {left.Terms.Count} and {right.Terms.Count} terms exceeds the limit of {MaxTerms} terms");
        WorkCancellation.ThrowIfRequested();
        var terms = Rename(Rename(right.Terms, right.Row, left.Row), right.Column, left.Column);
        return left with { Terms = Cross(left.Terms, terms) };
    }

    private Lowered Reciprocal(Lowered operand) => Apply(FunctionKind.Reciprocal, operand);

    // f applied entrywise: a function factor whose parameters are the operand's row and column and every
    // enclosing index the operand mentions (the k of `sum(k; log(A*diag(B[k,:]*X)))`).
    private Lowered Apply(FunctionKind function, Lowered operand, int degree = 0)
    {
        var parameters = new List<int>();
        foreach (var p in _split.Parts(operand.Row).Concat(_split.Parts(operand.Column)))
        {
            if (!parameters.Contains(p)) parameters.Add(p);
        }
        var visible = new HashSet<int>(_freeIndices.Values.Concat(_scopes.SelectMany(s => s.Values)));
        var mentioned = operand.Terms.SelectMany(t => t.Factors).SelectMany(FactorIndices.Of).Where(visible.Contains).Distinct().Order();
        foreach (var id in mentioned)
        {
            if (!parameters.Contains(id)) parameters.Add(id);
        }
        var terms = FunctionFactors.Make(function, operand.Terms, parameters, _pool, degree);
        return operand with { Terms = terms };
    }

    // inv(M) or det(M): one factor of M's whole index form (its row and column belong to the factor), with
    // the enclosing indices M mentions as further arguments. A 1×1 M is a scalar: 1/m and m.
    private Lowered ApplyToMatrix(MatrixFunction function, Lowered operand)
    {
        var what = $"the argument of `{(function switch { MatrixFunction.Inverse => "inv", MatrixFunction.Determinant => "det", _ => "adj" })}`";
        var (row, column) = (_split.Atomic(operand.Row, what), _split.Atomic(operand.Column, what));
        if (row is null || column is null)
        {
            return function switch
            {
                MatrixFunction.Inverse => Reciprocal(operand),
                MatrixFunction.Determinant => operand,
                MatrixFunction.Adjugate => Scalar([RawTerm.Constant(Rational.One)]),
                _ => throw new UnreachableException($"no lowering rule for {function}"),
            };
        }
        var visible = new HashSet<int>(_freeIndices.Values.Concat(_scopes.SelectMany(s => s.Values)));
        var outer = operand.Terms.SelectMany(t => t.Factors).SelectMany(FactorIndices.Of).Where(visible.Contains).Distinct().Order().ToArray();
        switch (function)
        {
            case MatrixFunction.Inverse or MatrixFunction.Adjugate:
                {
                    var resultRow = _pool.Fresh(_pool.Range(column.Value));
                    var resultColumn = _pool.Fresh(_pool.Range(row.Value));
                    var terms = MatrixFunctionFactors.Make(function, operand.Terms, row.Value, column.Value, [resultRow, resultColumn], outer, _pool);
                    return new Lowered(resultRow, resultColumn, terms);
                }
            case MatrixFunction.Determinant:
                return Scalar(MatrixFunctionFactors.Make(function, operand.Terms, row.Value, column.Value, [], outer, _pool));
            default:
                throw new UnreachableException($"no lowering rule for {function}");
        }
    }

    // ‖M‖² = Σᵢⱼ Mᵢⱼ Mᵢⱼ as a scalar.
    private Lowered SumOfSquares(Expr operand)
    {
        var product = Hadamard(Lower(operand), Lower(operand));
        var terms = product.Terms.ToList();
        foreach (var i in _split.Parts(product.Row).Concat(_split.Parts(product.Column)))
        {
            terms = terms.Select(t => t.With(new OnesFactor(i))).ToList();
        }
        return Scalar(terms);
    }

    private Lowered LowerPower(PowerExpr power)
    {
        if (power.Base is FrobeniusNorm norm && power.Exponent > 0 && power.Exponent % 2 == 0)
        {
            var squares = Enumerable.Range(0, power.Exponent / 2).Select(_ => SumOfSquares(norm.Operand).Terms);
            return Scalar(squares.Aggregate(Cross));
        }
        if (Lower(power.Base) is { Row: { } row } matrix) return LowerMatrixPower(power, matrix, row);
        if (power.Exponent == 0) return Scalar([RawTerm.Constant(Rational.One)]);
        var factors = Enumerable.Range(0, Math.Abs(power.Exponent)).Select(_ => Lower(power.Base).Terms).Aggregate(Cross);
        return power.Exponent > 0 ? Scalar(factors) : Reciprocal(Scalar(factors));
    }

    // M^n of a square M as the chain M·M·…·M (n fresh copies, each one's row contracted with the previous
    // one's column), so the product rule differentiates it as Σₖ Mᵏ·dM·Mⁿ⁻¹⁻ᵏ; M^0 is δ over M's size.
    // Cross bounds every step by MaxTerms and MaxFactorsPerTerm, so (X^1000)^1000 stops early.
    private Lowered LowerMatrixPower(PowerExpr power, Lowered first, int row)
    {
        if (power.Exponent < 0) throw new UnreachableException("the binder writes M^-n of a matrix as a product of inverses");
        if (power.Exponent == 0) return LowerIdentity(_pool.Range(row));
        var chain = first;
        for (var k = 1; k < power.Exponent; k++)
        {
            var next = Lower(power.Base);
            chain = new Lowered(chain.Row, next.Column, Cross(chain.Terms, Rename(next.Terms, next.Row, chain.Column)));
        }
        return chain;
    }

    private Lowered LowerOnes(Dim length)
    {
        var i = _split.Fresh(length);
        return new Lowered(i, null, [new RawTerm(Rational.One, new EquatableArray<Factor>(_split.Parts(i).Select(p => (Factor)new OnesFactor(p))))]);
    }

    private Lowered LowerIdentity(Dim size)
    {
        var i = _split.Fresh(size);
        var j = _split.Fresh(size);
        return new Lowered(i, j, [Deltas(RawTerm.Constant(Rational.One), i, j)]);
    }

    // δ over a product size is the product of the parts' δs.
    private RawTerm Deltas(RawTerm term, int a, int b) =>
        _split.Parts(a).Zip(_split.Parts(b)).Aggregate(term, (t, pair) => t.With(new DeltaFactor(pair.First, pair.Second)));

    private int IndexId(IndexVariable variable)
    {
        for (var s = _scopes.Count - 1; s >= 0; s--)
        {
            if (_scopes[s].TryGetValue(variable.Name, out var id)) return id;
        }
        if (!_freeIndices.TryGetValue(variable.Name, out var free))
        {
            free = _split.Atomic(_split.Fresh(variable.Range), $"index `{variable.Name}`");
            _freeIndices[variable.Name] = free;
        }
        return free;
    }

    public IReadOnlyDictionary<string, int> FreeIndexIds => _freeIndices;

    private Lowered LowerEntry(EntryExpr entry)
    {
        var target = Lower(entry.Target);
        var terms = target.Terms;
        int? row = null, column = null;
        switch (entry.Row)
        {
            case IndexedSlot s: terms = FixIndex(terms, target.Row, IndexId(s.Index)); break;
            case SliceSlot: row = target.Row; break;
            case PositionSlot p: terms = Pin(terms, target.Row, p.Position, entry); break;
        }
        switch (entry.Column)
        {
            case IndexedSlot s: terms = FixIndex(terms, target.Column, IndexId(s.Index)); break;
            case SliceSlot: column = target.Column; break;
            case PositionSlot p: terms = Pin(terms, target.Column, p.Position, entry); break;
        }
        return new Lowered(row, column, terms);
    }

    // M[p, ·]: M's row index stays a bound index, pinned to p by e_p (Σᵢ e_p(i)·M[i,·]). A slot of size one has
    // only position 1 (the binder's rule), so it needs nothing; a position in a product size is not split.
    private IReadOnlyList<RawTerm> Pin(IReadOnlyList<RawTerm> terms, int? slot, int position, EntryExpr entry)
    {
        if (slot is not { } s) return terms;
        var index = _split.Atomic(s, $"`{ExprPrinter.Print(entry)}`");
        return terms.Select(t => t.With(new PositionFactor(index, position))).ToArray();
    }

    // [a, b; c, d] = Σ over its entries of entry·e_r(row)·e_c(column): each entry a scalar, pinned to its place.
    private Lowered LowerLiteral(MatrixLiteralExpr literal)
    {
        var row = Fresh(new KnownDim(literal.Rows));
        var column = Fresh(new KnownDim(literal.Columns));
        var terms = new List<RawTerm>();
        for (var r = 0; r < literal.Rows; r++)
        {
            for (var c = 0; c < literal.Columns; c++)
            {
                var entry = Lower(literal.Entries[(r * literal.Columns) + c]);
                if (entry.Row is not null || entry.Column is not null) throw new UnreachableException("a literal's entry is a scalar");
                foreach (var term in entry.Terms)
                {
                    var pinned = term;
                    if (row is { } i) pinned = pinned.With(new PositionFactor(i, r + 1));
                    if (column is { } j) pinned = pinned.With(new PositionFactor(j, c + 1));
                    terms.Add(pinned);
                }
                if (terms.Count > MaxTerms) throw new ExpansionLimitException($"a matrix literal of more than {MaxTerms} terms exceeds the limit");
            }
        }
        return new Lowered(row, column, terms);
    }

    // Fixing an index of size one still has a range to honour: such an index just takes its single value.
    private IReadOnlyList<RawTerm> FixIndex(IReadOnlyList<RawTerm> terms, int? slot, int index) =>
        slot is { } s ? Rename(terms, s, index) : terms;

    private Lowered LowerIndexSum(IndexSumExpr sum) =>
        LowerBinder(sum.Indices, sum.Body, (ids, body) =>
        {
            // Σₖ over an index the body does not use multiplies by k's range: ones_k records it.
            var terms = body.Terms.Select(t => ids.Aggregate(t, (term, id) => term.With(new OnesFactor(id)))).ToArray();
            return body with { Terms = terms };
        });

    private Lowered LowerBinder(IReadOnlyList<IndexVariable> indices, Expr body, Func<int[], Lowered, Lowered> finish)
    {
        var scope = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[indices.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            ids[k] = _split.Atomic(_split.Fresh(indices[k].Range), $"index `{indices[k].Name}`");
            scope[indices[k].Name] = ids[k];
        }
        _scopes.Add(scope);
        var lowered = Lower(body);
        _scopes.RemoveAt(_scopes.Count - 1);
        return finish(ids, lowered);
    }
}
