using System.Diagnostics;
using System.Globalization;
using TraceVerify.Diagnostics;
using TraceVerify.Syntax;

namespace TraceVerify.Symbolic;

// Turns syntax into Exprs with shapes, inferring dimensions by unification. One binder serves one
// catalog entry: symbols, free indices and dimension variables are shared by all its texts.
//
// Declared shapes are constraints, never hints. A dimension letter of a `shapes:` declaration is rigid: a
// distinct, general size that unifies with fresh (inferred) dimensions only — never with another declared
// letter, with 1 or with a literal size (a declared literal is exactly that size). A text that type-checks
// only by such an identification fails with TV0211, naming the declaration, its line and the condition
// (`n = 1`), so no answer is ever given at a narrower shape than the user wrote. Undeclared symbols take
// whatever shape their use implies.
internal sealed class Binder
{
    private readonly Dictionary<string, ShapeDeclaration> _declared;
    private readonly Dictionary<string, (SyntaxNode Node, string Source)> _definitions;
    private readonly Dictionary<string, string> _frozen;
    private readonly HashSet<string> _scalarHints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _boundDefinitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definitionsInProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedDefinitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexVariable> _freeIndices = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, IndexVariable>> _scopes = [];
    private readonly IReadOnlyDictionary<string, int> _declarationLines;
    private readonly HashSet<string> _hintedDefinitions = new(StringComparer.Ordinal);
    private readonly List<BindError> _errors = [];
    private readonly DimensionClasses _dimensions;
    private readonly HashSet<string> _declaredLetters;
    private string _source = "";

    public Binder(
        IReadOnlyDictionary<string, ShapeDeclaration>? declared = null,
        IReadOnlyDictionary<string, (SyntaxNode Node, string Source)>? definitions = null,
        IReadOnlyDictionary<string, string>? frozen = null,
        IReadOnlyDictionary<string, int>? declarationLines = null,
        bool rigidDeclarations = true)
    {
        _declared = new(declared ?? new Dictionary<string, ShapeDeclaration>(), StringComparer.Ordinal);
        _definitions = new(definitions ?? new Dictionary<string, (SyntaxNode, string)>(), StringComparer.Ordinal);
        _frozen = new(frozen ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        _declarationLines = declarationLines ?? new Dictionary<string, int>();
        var letters = _declared.Values.SelectMany(d => new[] { d.Rows, d.Columns }).SelectMany(n => n.Split('*')).Where(n => !n.All(char.IsAsciiDigit));
        _declaredLetters = new HashSet<string>(letters, StringComparer.Ordinal);
        _dimensions = new DimensionClasses(_declaredLetters, rigidDeclarations);
    }

    public IReadOnlyList<BindError> Errors => _errors;

    public IReadOnlyDictionary<string, IndexVariable> FreeIndices => _freeIndices;

    public IReadOnlyDictionary<string, Shape> Symbols => _symbols;

    // The `where:` names the bound texts used.
    public IReadOnlyCollection<string> UsedDefinitions => _boundDefinitions.Keys;

    // Names used as a divisor are scalars unless declared otherwise (a declaration wins; using a declared
    // matrix so is then a TV0211 error). The base of `^n` is no hint: a base of unknown shape is a square
    // matrix (its power a matrix power), never silently a scalar. Hints come from the given text and from the
    // `where:` definitions it uses, transitively: a definition nothing uses changes no shape. A work list,
    // not recursion: a long chain of definitions must not exhaust the stack.
    public void CollectScalarHints(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pending = new Stack<SyntaxNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            switch (current)
            {
                case NameSyntax n when _definitions.TryGetValue(n.Name, out var definition):
                    if (_hintedDefinitions.Add(n.Name)) pending.Push(definition.Node);
                    break;
                case PowerSyntax p:
                    pending.Push(p.Base);
                    break;
                case BinarySyntax b:
                    if (b is { Operator: BinaryOperator.Divide, Right: NameSyntax divisor }) _scalarHints.Add(divisor.Name);
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case CallSyntax c: pending.Push(c.Argument); break;
                case NegateSyntax n: pending.Push(n.Operand); break;
                case TransposeSyntax t: pending.Push(t.Operand); break;
                case RationalPowerSyntax p:
                    if (p.Base is NameSyntax rooted) _scalarHints.Add(rooted.Name);
                    pending.Push(p.Base);
                    break;
                case EntrySyntax e: pending.Push(e.Target); break;
                case BinderSyntax b: pending.Push(b.Body); break;
                case MatrixLiteralSyntax m: foreach (var entry in m.Rows.SelectMany(r => r)) pending.Push(entry); break;
                case NumberSyntax or NameSyntax or SizedConstantSyntax: break;
                default: throw new UnreachableException($"no scalar-hint rule for {current.GetType().Name}");
            }
        }
    }

    public Expr? Bind(SyntaxNode node, string source)
    {
        ArgumentNullException.ThrowIfNull(node);
        var previous = _source;
        _source = source;
        try
        {
            return BindWhole(node);
        }
        finally
        {
            _source = previous;
        }
    }

    // A whole text (a side, a claim, a definition) that is a bare `0` is the zero of whatever shape the
    // entry gives it, not the scalar 0: `A - A = 0` compares two matrices.
    private Expr? BindWhole(SyntaxNode node) =>
        IsZeroLiteral(node) ? new ZerosExpr(FreshDim(), FreshDim()) : BindNode(node);

    private static bool IsZeroLiteral(SyntaxNode node) => node switch
    {
        NumberSyntax n => n.Value.IsZero,
        NegateSyntax n => IsZeroLiteral(n.Operand),
        _ => false,
    };

    public Shape SymbolShape(string name) => SymbolShapeOf(name);

    // A failed unification that only a rigid (declared) dimension prevented is remembered, so the failure
    // it causes is reported as the declaration's condition (TV0211).
    public bool Unify(Dim a, Dim b) => _dimensions.Unify(a, b);

    // Unifies the shapes of two expressions of one entry (the sides of an equality, a claim and its derivative).
    public bool UnifyShapes(Shape a, Shape b) => Unify(a.Rows, b.Rows) && Unify(a.Columns, b.Columns);

    // Unifies two shapes and names what that adds to the symbols' own shapes: a dimension fixed to a size
    // ("x has 1 column"), or two distinct dimensions made one ("A is square", "A's columns = B's rows").
    // Null when the shapes cannot be unified; empty when they agree as the symbols are.
    public IReadOnlyList<string>? UnifyShapesNamingConditions(Shape a, Shape b)
    {
        var dims = _symbols.SelectMany(p => new[] { (Symbol: p.Key, Side: "rows", Dim: p.Value.Rows), (Symbol: p.Key, Side: "columns", Dim: p.Value.Columns) })
            .Select(d => (d.Symbol, d.Side, Before: Find(d.Dim), d.Dim))
            .ToList();
        if (!UnifyShapes(a, b)) return null;
        var conditions = new List<string>();
        for (var i = 0; i < dims.Count; i++)
        {
            var after = Find(dims[i].Dim);
            if (dims[i].Before is DimVariable && after is KnownDim known)
                conditions.Add($"{dims[i].Symbol} has {known.Size} {(known.Size == 1 ? dims[i].Side[..^1] : dims[i].Side)}");
            for (var j = i + 1; j < dims.Count; j++)
            {
                if (dims[i].Before == dims[j].Before || after != Find(dims[j].Dim) || after is KnownDim) continue;
                conditions.Add(dims[i].Symbol == dims[j].Symbol
                    ? $"{dims[i].Symbol} is square"
                    : $"{dims[i].Symbol}'s {dims[i].Side} = {dims[j].Symbol}'s {dims[j].Side}");
            }
        }
        return conditions.Distinct(StringComparer.Ordinal).ToList();
    }

    // For a binder whose declarations are not rigid: the identifications among declared letters and sizes its
    // unifications made, e.g. "m = n = 1"; null when there are none.
    public string? DeclaredIdentifications() => _dimensions.DeclaredIdentifications();

    // After a failed Unify: what the declarations would have to give up, e.g. "X is declared n x n (line 3)"
    // and "n = 1"; null when the failure was an ordinary mismatch (two different literal sizes).
    public (string Declarations, string Condition)? LastConflict()
    {
        if (_dimensions.LastConflict is not (Dim first, Dim second)) return null;
        // Written in a fixed order (letters by name, a literal last), whichever way the unification ran.
        var (a, b) = first is KnownDim || (second is DimVariable && string.CompareOrdinal(Display(second), Display(first)) < 0) ? (second, first) : (first, second);
        var letters = new[] { a, b }.SelectMany(Dim.Atoms).OfType<DimVariable>().Select(Display).Distinct(StringComparer.Ordinal).ToArray();
        var declarations = _declared
            .Where(p => letters.Any(l => Declares(p.Value, l)))
            .GroupBy(p => letters.First(l => Declares(p.Value, l)), StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => _declarationLines.TryGetValue(p.Key, out var line) ? line : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key)
            .Distinct(StringComparer.Ordinal)
            .Select(DeclarationOf);
        return (string.Join(" and ", declarations), $"{Display(a)} = {Display(b)}");
    }

    // Whether the declaration names the letter, alone or as a factor of a product (`n*q`).
    private static bool Declares(ShapeDeclaration d, string letter) =>
        d.Rows.Split('*').Contains(letter, StringComparer.Ordinal) || d.Columns.Split('*').Contains(letter, StringComparer.Ordinal);

    // "X is declared n x n (line 3)".
    private string DeclarationOf(string name) =>
        $"{name} is declared {DeclarationText(_declared[name])}{(_declarationLines.TryGetValue(name, out var line) ? $" (line {line.ToString(CultureInfo.InvariantCulture)})" : "")}";

    private static string DeclarationText(ShapeDeclaration d) => d is { Rows: "1", Columns: "1" } ? "scalar" : $"{d.Rows} x {d.Columns}";

    public Dim Find(Dim dim) => _dimensions.Find(dim);

    // A size the texts' declarations or literals fix (not merely inferred): `of` with such a side ≠ 1 is visibly
    // a vector or matrix.
    public bool HasDeclaredSize(Dim dim) => _dimensions.HasDeclaredSize(dim);

    public string Display(Dim dim) => _dimensions.Display(dim);

    public string Display(Shape shape) => shape.Rows is var r && Find(r).IsOne && Find(shape.Columns).IsOne
        ? "scalar"
        : $"{Display(shape.Rows)}×{Display(shape.Columns)}";

    // Rewrites every dimension to its representative, with readable names.
    public Expr Resolve(Expr expr) => DimensionMap.Apply(expr, ResolveDim);

    // Every symbol's shape and every free index's range with dimensions resolved, as a bound entry keeps them.
    public IReadOnlyDictionary<string, Shape> ResolvedSymbols() =>
        _symbols.ToDictionary(p => p.Key, p => new Shape(ResolveDim(p.Value.Rows), ResolveDim(p.Value.Columns)), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IndexVariable> ResolvedFreeIndices() =>
        _freeIndices.ToDictionary(p => p.Key, p => p.Value with { Range = ResolveDim(p.Value.Range) }, StringComparer.Ordinal);

    public Dim ResolveDim(Dim dim) => _dimensions.Resolve(dim);

    public Dim FreshDim() => _dimensions.Fresh();

    private Dim NamedDim(string name) => _dimensions.Declared(name);

    // A declaration of attributes only (`W: symmetric`) makes a square matrix of a fresh (inferred) size.
    private Shape DeclaredShape(ShapeDeclaration declaration)
    {
        if (!declaration.SizeInferred) return new(NamedDim(declaration.Rows), NamedDim(declaration.Columns));
        var size = FreshDim();
        return new(size, size);
    }

    private Shape SymbolShapeOf(string name)
    {
        if (_symbols.TryGetValue(name, out var shape)) return shape;
        if (_frozen.TryGetValue(name, out var original) && !string.Equals(original, name, StringComparison.Ordinal))
        {
            shape = SymbolShapeOf(original);
        }
        else if (_declared.TryGetValue(name, out var declaration))
        {
            shape = DeclaredShape(declaration);
        }
        else
        {
            shape = _scalarHints.Contains(name) ? Shape.Scalar : new Shape(FreshDim(), FreshDim());
        }
        _symbols[name] = shape;
        return shape;
    }

    // Shapes read with the unification so far: `diag` of a vector unified to one row is that row's diagonal.
    // One delegate for the binder's life: ShapeOf runs at every node it binds, and a method group would
    // allocate a new one per call.
    private Func<Dim, Dim>? _find;

    public Shape ShapeOf(Expr expr) => Shapes.Of(expr, _find ??= Find);

    private bool IsScalar(Expr expr)
    {
        var shape = ShapeOf(expr);
        return Find(shape.Rows).IsOne && Find(shape.Columns).IsOne;
    }

    // A failure caused by a rigid declared dimension is reported as that declaration's condition (TV0211).
    private Expr? Fail(string code, string message, TextSpan span)
    {
        if (LastConflict() is (string declarations, string condition))
        {
            // A declared letter against a product size (kron, vec): the declaration must be written as that product.
            var product = _dimensions.LastConflict is (Dim x, Dim y) && (x is ProductDim || y is ProductDim);
            code = product ? DiagnosticCodes.ProductSizeMismatch : DiagnosticCodes.DeclaredShapeViolated;
            message = $"{declarations}, but {message} — it type-checks only if {condition}"
                + (product ? "; sizes that are products (kron, vec) are equated factor by factor, in order, never as numbers — declare a vector of such a length as that product, e.g. `x: n*q`" : "");
            _dimensions.ForgetConflict();
        }
        // A definition used twice fails twice in the same place: report it once.
        var error = new BindError(code, message, _source, span);
        if (!_errors.Contains(error)) _errors.Add(error);
        return null;
    }

    private string Quote(Expr expr) => $"`{Shorten(ExprPrinter.Print(expr))}`";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private Expr? BindNode(SyntaxNode node) => node switch
    {
        NumberSyntax n => new NumberExpr(n.Value),
        NameSyntax n => BindName(n),
        CallSyntax c => BindCall(c),
        BinarySyntax b => BindBinary(b),
        NegateSyntax n => BindNode(n.Operand) is { } operand ? new NegateExpr(operand) : null,
        TransposeSyntax t => BindNode(t.Operand) is { } operand ? new TransposeExpr(operand) : null,
        PowerSyntax p => BindPower(p),
        RationalPowerSyntax p => BindRationalPower(p),
        EntrySyntax e => BindEntry(e),
        BinderSyntax b => BindBinder(b),
        SizedConstantSyntax c => BindSizedConstant(c),
        MatrixLiteralSyntax m => BindMatrixLiteral(m),
        _ => throw new UnreachableException($"no binding rule for {node.GetType().Name}"),
    };

    private Expr? BindName(NameSyntax name)
    {
        switch (name.Name)
        {
            case "ones" when !_definitions.ContainsKey("ones"): return new OnesExpr(FreshDim());
            case "I" when !_definitions.ContainsKey("I") && !_declared.ContainsKey("I"): return new IdentityExpr(FreshDim());
        }
        if (_definitions.TryGetValue(name.Name, out var definition))
        {
            if (_boundDefinitions.TryGetValue(name.Name, out var bound)) return bound;
            // A definition that failed once is reported once, not again (with other fresh names) at each use.
            if (_failedDefinitions.Contains(name.Name)) return null;
            if (!_definitionsInProgress.Add(name.Name))
                return Fail(DiagnosticCodes.RecursiveDefinition, $"`{name.Name}` is defined in terms of itself", name.Span);
            var previous = _source;
            _source = definition.Source;
            var savedScopes = _scopes.ToList();
            _scopes.Clear();
            var result = BindWhole(definition.Node);
            _scopes.AddRange(savedScopes);
            _source = previous;
            _definitionsInProgress.Remove(name.Name);
            if (result is null)
            {
                _failedDefinitions.Add(name.Name);
                return Fail(DiagnosticCodes.ShapeMismatch, $"the definition of `{name.Name}` is ill-formed", name.Span);
            }
            // A declared shape on a `where:` name binds its definition, rigidly.
            if (_declared.TryGetValue(name.Name, out var declaration))
            {
                var shape = ShapeOf(result);
                var (shapeText, declaredText) = (Display(shape), Display(DeclaredShape(declaration)));
                if (!UnifyShapes(shape, DeclaredShape(declaration)))
                {
                    _source = definition.Source;
                    Fail(DiagnosticCodes.ShapeMismatch,
                        $"the definition of `{name.Name}`, {Quote(result)}, is {shapeText}, not the declared {declaredText}", new TextSpan(0, 0));
                    _source = previous;
                    _failedDefinitions.Add(name.Name);
                    return null;
                }
            }
            _boundDefinitions[name.Name] = result;
            return result;
        }
        var symbolShape = SymbolShapeOf(name.Name);
        var symbolText = Display(symbolShape);
        // A declared shape on a frozen copy must be the shape of the variable it copies.
        if (_frozen.ContainsKey(name.Name) && _declared.TryGetValue(name.Name, out var frozenDeclaration)
            && !UnifyShapes(symbolShape, DeclaredShape(frozenDeclaration)))
        {
            var condition = LastConflict() is (string, string c) ? $" — they agree only if {c}" : "";
            _dimensions.ForgetConflict();
            _errors.Add(new BindError(condition.Length > 0 ? DiagnosticCodes.DeclaredShapeViolated : DiagnosticCodes.ShapeMismatch,
                $"{DeclarationOf(name.Name)}, but it is a held-constant copy of `{_frozen[name.Name]}`, which is {symbolText}{condition}", _source, name.Span));
            return null;
        }
        return new SymbolExpr(name.Name, symbolShape);
    }

    private Expr? BindCall(CallSyntax call)
    {
        if (BindNode(call.Argument) is not { } argument) return null;
        var shape = ShapeOf(argument);
        switch (call.Function)
        {
            case "tr":
                if (!Unify(shape.Rows, shape.Columns))
                    return Fail(DiagnosticCodes.NotSquare, $"`tr` needs a square matrix: {Quote(argument)} is {Display(shape)}", call.Span);
                return new TraceOf(argument);
            case "diag":
                if (Find(shape.Rows).IsOne) return new DiagExpr(argument);
                if (!Unify(shape.Columns, Dim.One))
                    return Fail(DiagnosticCodes.NotVector, $"`diag` needs a row or column vector: {Quote(argument)} is {Display(shape)}", call.Span);
                return new DiagExpr(argument);
            case "log": return new ElementwiseFunction(FunctionKind.Log, argument);
            case "exp": return new ElementwiseFunction(FunctionKind.Exp, argument);
            case "sin": return new ElementwiseFunction(FunctionKind.Sin, argument);
            case "cos": return new ElementwiseFunction(FunctionKind.Cos, argument);
            case "tan": return new ElementwiseFunction(FunctionKind.Tan, argument);
            case "sqrt": return new ElementwiseFunction(FunctionKind.Sqrt, argument);
            case "abs": return new ElementwiseFunction(FunctionKind.Abs, argument);
            case "fro": return new FrobeniusNorm(argument);
            case "inv": return BindMatrixFunction(MatrixFunction.Inverse, argument, "inv", call.Span);
            case "det": return BindMatrixFunction(MatrixFunction.Determinant, argument, "det", call.Span);
            case "adj": return BindMatrixFunction(MatrixFunction.Adjugate, argument, "adj", call.Span);
            case "vec": return new VecExpr(argument);
            default: throw new UnreachableException($"the parser admits no function `{call.Function}`");
        }
    }

    private Expr? BindBinary(BinarySyntax binary)
    {
        var left = BindNode(binary.Left);
        var right = BindNode(binary.Right);
        if (left is null || right is null) return null;
        // A literal 0 added to a matrix is that matrix's zero (A - A + 0), not a scalar.
        if (binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract)
        {
            if (IsZeroLiteral(binary.Right) && !IsScalar(left)) right = ZeroLike(left);
            else if (IsZeroLiteral(binary.Left) && !IsScalar(right)) left = ZeroLike(right);
        }
        var ls = ShapeOf(left);
        var rs = ShapeOf(right);
        switch (binary.Operator)
        {
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Hadamard or BinaryOperator.ElementwiseDivide:
                if (!UnifyShapes(ls, rs))
                {
                    var op = binary.Operator switch { BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Hadamard => ".*", _ => "./" };
                    return Fail(DiagnosticCodes.ShapeMismatch,
                        $"shape mismatch in `{op}`: {Quote(left)} is {Display(ls)}, {Quote(right)} is {Display(rs)} (they must have the same shape)", binary.OperatorSpan);
                }
                return binary.Operator switch
                {
                    BinaryOperator.Add => new AddExpr(left, right),
                    BinaryOperator.Subtract => new AddExpr(left, new NegateExpr(right)),
                    BinaryOperator.Hadamard => new HadamardProduct(left, right),
                    _ => new ElementwiseDivide(left, right),
                };
            case BinaryOperator.Multiply:
                if (IsScalar(left)) return new ScalarProduct(left, right);
                if (IsScalar(right)) return new ScalarProduct(right, left);
                if (!Unify(ls.Columns, rs.Rows))
                {
                    return Fail(DiagnosticCodes.ShapeMismatch,
                        $"shape mismatch in `*`: {Quote(left)} is {Display(ls)}, {Quote(right)} is {Display(rs)} (needs {Display(ls.Columns)} = {Display(rs.Rows)})", binary.OperatorSpan);
                }
                return new MatrixProduct(left, right);
            case BinaryOperator.Kronecker:
                return new KroneckerProduct(left, right);
            case BinaryOperator.Divide:
                if (!Unify(rs.Rows, Dim.One) || !Unify(rs.Columns, Dim.One))
                    return Fail(DiagnosticCodes.NotScalar, $"`/` divides by a scalar: {Quote(right)} is {Display(rs)} (use `./` for elementwise division)", binary.OperatorSpan);
                return new ScalarDivide(left, right);
            default:
                throw new UnreachableException($"no binding rule for operator {binary.Operator}");
        }
    }

    // inv and det need a square argument; a 1×1 one is a scalar (its inverse the reciprocal, its determinant itself).
    private Expr? BindMatrixFunction(MatrixFunction function, Expr argument, string name, TextSpan span)
    {
        var shape = ShapeOf(argument);
        if (!Unify(shape.Rows, shape.Columns))
            return Fail(DiagnosticCodes.NotSquare, $"`{name}` needs a square matrix: {Quote(argument)} is {Display(shape)}", span);
        return new MatrixFunctionExpr(function, argument);
    }

    private Expr? BindPower(PowerSyntax power)
    {
        if (BindNode(power.Base) is not { } operand) return null;
        var shape = ShapeOf(operand);
        // M^-n of a matrix is inv(M)ⁿ, written as the product of n inverses (it prints and binds back as such).
        if (power.Exponent < 0 && !IsScalar(operand))
        {
            if (BindMatrixFunction(MatrixFunction.Inverse, operand, $"^{power.Exponent}", power.Span) is not { } inverse) return null;
            return Enumerable.Repeat(inverse, -power.Exponent - 1).Aggregate(inverse, (product, next) => new MatrixProduct(product, next));
        }
        // M^n (n ≥ 0) of anything not known to be a scalar is a matrix power: M must be square (M^0 = I).
        if (!IsScalar(operand) && !Unify(shape.Rows, shape.Columns))
        {
            return Fail(DiagnosticCodes.PowerOfNonSquare,
                $"`^{power.Exponent}` is a power of a scalar or a square matrix: {Quote(operand)} is {Display(shape)} (for entrywise powers write `.*`)", power.Span);
        }
        return new PowerExpr(operand, power.Exponent);
    }

    private ZerosExpr ZeroLike(Expr expr)
    {
        var shape = ShapeOf(expr);
        return new ZerosExpr(shape.Rows, shape.Columns);
    }

    // I(n), ones(m), ones(m, n), zeros(m), zeros(m, n): each size a literal or a declared dimension letter,
    // as rigid as a declaration; ones(m, n) is ones(m)*ones(n)', the all-ones m×n matrix.
    private Expr? BindSizedConstant(SizedConstantSyntax constant)
    {
        var sizes = new List<Dim>();
        foreach (var size in constant.Sizes)
        {
            if (!size.IsPosition && !_declaredLetters.Contains(size.Name))
            {
                return Fail(DiagnosticCodes.UndeclaredSizeLetter,
                    $"size `{size.Name}` of `{constant.Name}` is neither a whole number nor a declared dimension letter (declare it in `shapes:`, e.g. `A: {size.Name} x {size.Name}`)", size.Span);
            }
            sizes.Add(NamedDim(size.Name));
        }
        return (constant.Name, sizes) switch
        {
            ("I", [var n]) => new IdentityExpr(n),
            ("ones", [var m]) => new OnesExpr(m),
            ("ones", [var m, var n]) => new MatrixProduct(new OnesExpr(m), new TransposeExpr(new OnesExpr(n))),
            ("zeros", [var m]) => new ZerosExpr(m, Dim.One),
            ("zeros", [var m, var n]) => new ZerosExpr(m, n),
            _ => throw new UnreachableException($"the parser admits no `{constant.Name}` with {sizes.Count} sizes"),
        };
    }

    // [a, b; c, d]: every entry a scalar (unified to 1×1, as `matrix(i,j; e)` does); a literal of r rows and
    // c columns has the literal shape r×c, so a 1×n literal is a row vector and an n×1 one a column.
    private Expr? BindMatrixLiteral(MatrixLiteralSyntax literal)
    {
        var entries = new List<Expr>();
        var failed = false;
        foreach (var node in literal.Rows.SelectMany(r => r))
        {
            if (BindNode(node) is not { } entry) { failed = true; continue; }
            var shape = ShapeOf(entry);
            if (!Unify(shape.Rows, Dim.One) || !Unify(shape.Columns, Dim.One))
            {
                Fail(DiagnosticCodes.LiteralEntryNotScalar, $"an entry of a matrix literal is a scalar: {Quote(entry)} is {Display(shape)}", node.Span);
                failed = true;
                continue;
            }
            entries.Add(entry);
        }
        return failed ? null : new MatrixLiteralExpr(literal.Rows.Count, literal.Rows[0].Count, new EquatableArray<Expr>(entries));
    }

    // s^(p/q) of a scalar s with q = 2^k is (√…√s)^p, k nested square roots: equal wherever s ≥ 0 (s > 0 for
    // p < 0), the real domain of an even root, and it differentiates as (p/q)·s^(p/q − 1) by the chain rule.
    // With q = 2^k·m, m odd > 1, the odd root of degree m is taken first: (√…√ root_m(s))^p. root_m is the
    // real root, defined for every s (root_3(−8) = −2), so s^(1/3) has no domain condition, s^(-1/3) needs
    // s ≠ 0 (a negative power) and s^(1/6) = √root_3(s) needs s ≥ 0 (the square root's own condition).
    // An odd-only power with p = 1 is the root itself, the node the printer writes as s^(1/m).
    // An odd part above RealRoot.MaxDegree is TV0232, never a guess.
    private Expr? BindRationalPower(RationalPowerSyntax power)
    {
        if (BindNode(power.Base) is not { } operand) return null;
        var shape = ShapeOf(operand);
        if (!Unify(shape.Rows, Dim.One) || !Unify(shape.Columns, Dim.One))
            return Fail(DiagnosticCodes.RationalPowerOfMatrix, $"`^({power.Exponent})` raises a scalar to a rational power: {Quote(operand)} is {Display(shape)}", power.Span);
        var denominator = power.Exponent.Denominator;
        var odd = denominator;
        while (odd.IsEven) odd /= 2;
        if (odd > Numeric.RealRoot.MaxDegree)
            return Fail(DiagnosticCodes.RootDegreeTooLarge,
                $"`^({power.Exponent})` needs a root of odd degree {odd}; odd roots of degree at most {Numeric.RealRoot.MaxDegree} are in the language", power.Span);
        var root = odd.IsOne ? operand : new ElementwiseFunction(FunctionKind.OddRoot, operand) { Degree = (int)odd };
        for (var q = denominator / odd; q > 1; q /= 2) root = new ElementwiseFunction(FunctionKind.Sqrt, root);
        if (!odd.IsOne && odd == denominator && power.Exponent.Numerator.IsOne) return root;
        return new PowerExpr(root, (int)power.Exponent.Numerator);
    }

    private Expr? BindEntry(EntrySyntax entry)
    {
        if (BindNode(entry.Target) is not { } target) return null;
        var shape = ShapeOf(target);
        if (entry.SingleIndex && entry.Row!.IsPosition)
        {
            if (Find(shape.Rows).IsOne)
                return BindPosition(entry.Row, shape.Columns, target) is { } at ? new EntryExpr(target, UnitSlot.Instance, at) : null;
            if (!Unify(shape.Columns, Dim.One))
                return Fail(DiagnosticCodes.NotVector, $"one index needs a vector: {Quote(target)} is {Display(shape)} (write [i,j])", entry.Span);
            return BindPosition(entry.Row, shape.Rows, target) is { } position ? new EntryExpr(target, position, UnitSlot.Instance) : null;
        }
        if (entry.SingleIndex)
        {
            var index = LookupIndex(entry.Row!.Name);
            if (Find(shape.Rows).IsOne)
            {
                if (!Unify(index.Range, shape.Columns)) return IndexRangeError(entry.Row, index, shape.Columns);
                return new EntryExpr(target, UnitSlot.Instance, new IndexedSlot(index));
            }
            if (!Unify(shape.Columns, Dim.One))
                return Fail(DiagnosticCodes.NotVector, $"one index needs a vector: {Quote(target)} is {Display(shape)} (write [i,j])", entry.Span);
            if (!Unify(index.Range, shape.Rows)) return IndexRangeError(entry.Row, index, shape.Rows);
            return new EntryExpr(target, new IndexedSlot(index), UnitSlot.Instance);
        }
        var row = entry.Row is { IsPosition: true } ? BindPosition(entry.Row, shape.Rows, target) : BindSlot(entry.Row, shape.Rows);
        var column = entry.Column is { IsPosition: true } ? BindPosition(entry.Column, shape.Columns, target) : BindSlot(entry.Column, shape.Columns);
        if (row is null || column is null) return null;
        return new EntryExpr(target, row, column);
    }

    // A numeric position k is within every size when k = 1; above 1 the dimension must be a literal size
    // of at least k where it is written: a dimension letter is a general size (possibly 1), and answering
    // only for sizes ≥ k would be an answer at a narrower shape than the user wrote.
    private PositionSlot? BindPosition(IndexSyntax syntax, Dim range, Expr target)
    {
        var position = int.Parse(syntax.Name, CultureInfo.InvariantCulture);
        switch (Find(range))
        {
            case KnownDim known when position > known.Size:
                Fail(DiagnosticCodes.PositionOutsideSize, $"position {syntax.Name} is outside {Quote(target)}, whose dimension here has size {known.Size}", syntax.Span);
                return null;
            case KnownDim:
                return new PositionSlot(position);
            case var _ when position == 1:
                return new PositionSlot(position);
            default:
                Fail(DiagnosticCodes.PositionNeedsLiteralSize,
                    $"position {syntax.Name} of {Quote(target)} needs a literal size: its dimension here is {Display(range)}, a general size that may be smaller (declare a literal size, e.g. `{syntax.Name} x {syntax.Name}`)", syntax.Span);
                return null;
        }
    }

    private IndexSlot? BindSlot(IndexSyntax? syntax, Dim range)
    {
        if (syntax is null) return SliceSlot.Instance;
        var index = LookupIndex(syntax.Name);
        if (Unify(index.Range, range)) return new IndexedSlot(index);
        IndexRangeError(syntax, index, range);
        return null;
    }

    private Expr? IndexRangeError(IndexSyntax syntax, IndexVariable index, Dim range) =>
        Fail(DiagnosticCodes.ShapeMismatch, $"index `{syntax.Name}` ranges over {Display(index.Range)}, but here it must range over {Display(range)}", syntax.Span);

    private IndexVariable LookupIndex(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var bound)) return bound;
        }
        if (!_freeIndices.TryGetValue(name, out var free))
        {
            free = new IndexVariable(name, FreshDim());
            _freeIndices[name] = free;
        }
        return free;
    }

    private Expr? BindBinder(BinderSyntax binder)
    {
        var scope = new Dictionary<string, IndexVariable>(StringComparer.Ordinal);
        var variables = new List<IndexVariable>();
        foreach (var index in binder.Indices)
        {
            var variable = new IndexVariable(index.Name, FreshDim());
            scope[index.Name] = variable;
            variables.Add(variable);
        }
        _scopes.Add(scope);
        var body = BindNode(binder.Body);
        _scopes.RemoveAt(_scopes.Count - 1);
        if (body is null) return null;
        var shape = ShapeOf(body);
        switch (binder.Kind)
        {
            case BinderKind.Sum:
                return new IndexSumExpr(new EquatableArray<IndexVariable>(variables), body);
            case BinderKind.Rows:
                if (!Unify(shape.Rows, Dim.One))
                    return Fail(DiagnosticCodes.NotVector, $"`rows` needs a row vector: {Quote(body)} is {Display(shape)}", binder.Span);
                return new RowsExpr(variables[0], body);
            case BinderKind.Matrix:
                if (!Unify(shape.Rows, Dim.One) || !Unify(shape.Columns, Dim.One))
                    return Fail(DiagnosticCodes.NotScalar, $"`matrix` needs a scalar entry: {Quote(body)} is {Display(shape)}", binder.Span);
                return new MatrixOfExpr(variables[0], variables[1], body);
            default:
                throw new UnreachableException($"no binding rule for {binder.Kind}");
        }
    }
}
