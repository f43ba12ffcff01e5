using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// The oracle's own shape inference: unification of dimension variables over the syntax tree, sharing nothing
// with the project's binder. Every symbol has one shape in the entry (declared letters are named dimension
// variables, declared numbers literal sizes); every `I`, `ones` and every bound index gets fresh dimensions.
// `a*b` is a scalar multiple when an operand is 1×1 where it is met (or, after a first pass, anywhere in the
// solution: the pass is repeated until no matrix product has a 1×1 operand); otherwise a matrix product.
// Invariant after Infer: Error is the first unification failure (null when the roots type-check together).
internal sealed class OracleTyping
{
    public const int LargestLiteralSize = 8;

    private readonly OracleEntry _entry;
    private readonly HashSet<string> _scalarHints;
    private readonly Dictionary<SyntaxNode, bool> _forcedScaling;
    private readonly Dictionary<string, OracleShape> _whereShapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _whereInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxNode, OracleShape> _shapes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, bool?> _scaling = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SyntaxNode> _rowVectors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(SyntaxNode Binder, string Name), int> _bound = [];
    private readonly List<(SyntaxNode Binder, IReadOnlyList<IndexSyntax> Names)> _scopes = [];
    private HashSet<string> _currentFree = new(StringComparer.Ordinal);

    private readonly OracleTyping? _readings;
    private readonly HashSet<NumberSyntax> _contextualZeros = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _declaredLetters;

    private OracleTyping(OracleEntry entry, Dictionary<SyntaxNode, bool> forcedScaling, OracleTyping? readings)
    {
        _entry = entry;
        _readings = readings;
        _forcedScaling = forcedScaling;
        _scalarHints = new HashSet<string>(StringComparer.Ordinal);
        _declaredLetters = entry.Declared.Values.OfType<(string Rows, string Columns)>()
            .SelectMany(d => new[] { d.Rows, d.Columns }).SelectMany(d => d.Split('*', StringSplitOptions.TrimEntries))
            .Where(d => !d.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in entry.Where.Values) MarkContextualZero(definition);
        foreach (var root in entry.Members.Concat(entry.Where.Values).Append(entry.Of).OfType<SyntaxNode>()) CollectScalarHints(root);
    }

    public DimensionUnion Dims { get; } = new();
    public Dictionary<string, OracleShape> Symbols { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Letters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> FreeIndices { get; } = new(StringComparer.Ordinal);
    public List<HashSet<string>> FreeIndicesOfRoots { get; } = [];
    public OracleShape? Derivative { get; private set; }
    public HashSet<string> OfFreeIndices { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Unsupported { get; private set; }

    // whole: the entry's own constraints between roots (one shape for all members, a scalar `of`, the
    // derivative's shape from its variable); otherwise each root is inferred on its own terms. `readings`
    // (the whole entry's typing) fixes a reading the syntax leaves open — a row vector under `diag` or one
    // index — so that a root alone is read as in the entry; only a genuine row (longer than 1), so that a
    // reading the entry's narrowing caused does not hide that narrowing.
    public static OracleTyping Infer(OracleEntry entry, IReadOnlyList<SyntaxNode> roots, bool whole, OracleTyping? readings = null)
    {
        var forced = new Dictionary<SyntaxNode, bool>(ReferenceEqualityComparer.Instance);
        for (var round = 0; ; round++)
        {
            var typing = new OracleTyping(entry, forced, readings);
            typing.Run(roots, whole);
            if (typing.Error is not null || round == 4) return typing;
            var more = typing._scaling.Where(p => p.Value is null && typing.ScalarOperand((BinarySyntax)p.Key) is not null).ToList();
            if (more.Count == 0) return typing;
            foreach (var (product, _) in more) forced[product] = typing.ScalarOperand((BinarySyntax)product)!.Value;
        }
    }

    public OracleShape ShapeOf(SyntaxNode node) => _shapes[node];

    public OracleShape WhereShape(string name) => _whereShapes[name];

    // For a product node: null = a matrix product; true = the left operand is the scalar; false = the right one.
    public bool? ScalarOperandIsLeft(BinarySyntax product) => _scaling[product];

    public bool IsRowVector(SyntaxNode node) => _rowVectors.Contains(node);

    private bool IsGenuineRow(SyntaxNode node) =>
        _rowVectors.Contains(node) && !Dims.IsOne(_shapes[node is CallSyntax c ? c.Argument : ((EntrySyntax)node).Target].Columns);

    public int BoundRange(SyntaxNode binder, string name) => _bound[(binder, name)];

    private void Run(IReadOnlyList<SyntaxNode> roots, bool whole)
    {
        // `of` is typed before the claims, as the tool's binder reads an entry: where a reading is open (a vector
        // under `diag` may be a row or a column), the differentiated expression fixes it, not a claim.
        OracleShape? ofShape = null;
        if (whole && _entry.Kind == EntryKind.Derivative)
        {
            _currentFree = new HashSet<string>(StringComparer.Ordinal);
            ofShape = Type(_entry.Of!);
            OfFreeIndices = _currentFree;
        }
        var shapes = new List<OracleShape>();
        foreach (var root in roots)
        {
            _currentFree = new HashSet<string>(StringComparer.Ordinal);
            MarkContextualZero(root);
            shapes.Add(Type(root));
            FreeIndicesOfRoots.Add(_currentFree);
        }
        if (!whole) return;
        var target = shapes[0];
        var first = 1;
        if (_entry.Kind == EntryKind.Derivative)
        {
            var variable = SymbolShape(_entry.Variable!);
            // By a scalar the tool differentiates a vector or matrix `of` entrywise (issue 11 §2): by a symbol
            // that is decided by the axes rule, as Jacobians and second derivatives are; by an entry X[i,j] this
            // oracle does not evaluate it: only an `of` that is already 1×1 is compared.
            var byScalar = _entry.VariableIndices.Count > 0 || (Dims.IsOne(variable.Rows) && Dims.IsOne(variable.Columns));
            var entrywise = byScalar && !(Dims.IsOne(ofShape!.Value.Rows) && Dims.IsOne(ofShape.Value.Columns));
            if (_entry.VariableIndices.Count == 0 && (_entry.Second || _entry.Layout is not null || entrywise))
            {
                target = ByAxes(ofShape!.Value, variable);
                Derivative = target;
                for (var k = 0; k < shapes.Count; k++)
                {
                    Unify(shapes[k].Rows, target.Rows, "the sides have different numbers of rows");
                    Unify(shapes[k].Columns, target.Columns, "the sides have different numbers of columns");
                }
                // A claim that makes an axis of size one changes the rule's reading: not modelled.
                if (Axes!.Count != AxesOf(ofShape.Value, variable).Count) Unsupported ??= "a claim that gives a derivative's axis size one";
                return;
            }
            if (entrywise) Unsupported ??= "a derivative by an entry of what may be a vector or matrix";
            else RequireScalar(ofShape!.Value, "the differentiated expression must be a scalar");
            switch (_entry.VariableIndices.Count)
            {
                case 0:
                    target = variable;
                    break;
                case 1:
                    var range = FreeIndex(_entry.VariableIndices[0]);
                    if (Dims.IsOne(variable.Rows)) Unify(range, variable.Columns, "variable entry range");
                    else
                    {
                        Unify(variable.Columns, One(), "a one-index variable must be a vector");
                        Unify(range, variable.Rows, "variable entry range");
                    }
                    target = Scalar();
                    break;
                default:
                    Unify(FreeIndex(_entry.VariableIndices[0]), variable.Rows, "variable row range");
                    Unify(FreeIndex(_entry.VariableIndices[1]), variable.Columns, "variable column range");
                    target = Scalar();
                    break;
            }
            if (entrywise) target = ofShape!.Value; // the claims have `of`'s shape
            Derivative = target;
            first = 0;
        }
        for (var k = first; k < shapes.Count; k++)
        {
            Unify(shapes[k].Rows, target.Rows, "the sides have different numbers of rows");
            Unify(shapes[k].Columns, target.Columns, "the sides have different numbers of columns");
        }
    }

    // The axes of a derivative by a symbol, each (participant: 0 = `of`, 1 and 2 the variables; its side; its
    // dimension): `of`'s sides not of size one, then the variable's (twice for `wrt: [x, x]`), reversed for
    // `layout: denominator` where the layout matters (one axis of `of` and one of the variable: a Jacobian).
    public IReadOnlyList<(int Participant, bool IsRow, int Dim)>? Axes { get; private set; }

    private List<(int Participant, bool IsRow, int Dim)> AxesOf(OracleShape of, OracleShape variable)
    {
        var axes = new List<(int Participant, bool IsRow, int Dim)>();
        void Add(int participant, OracleShape shape)
        {
            if (!Dims.IsOne(shape.Rows)) axes.Add((participant, true, shape.Rows));
            if (!Dims.IsOne(shape.Columns)) axes.Add((participant, false, shape.Columns));
        }
        Add(0, of);
        Add(1, variable);
        if (_entry.Second) Add(2, variable);
        var matters = axes.Count(a => a.Participant == 0) == 1 && axes.Count(a => a.Participant > 0) == 1;
        if (matters && _entry.Layout == "denominator") axes.Reverse();
        return axes;
    }

    // The derivative's shape by the axes: none a scalar, one keeps its side, two are rows then columns.
    private OracleShape ByAxes(OracleShape of, OracleShape variable)
    {
        var axes = AxesOf(of, variable);
        Axes = axes;
        var matters = axes.Count(a => a.Participant == 0) == 1 && axes.Count(a => a.Participant > 0) == 1;
        if (matters && _entry.Layout is null) Error ??= "a Jacobian without a layout";
        if (axes.Count > 2) Unsupported ??= "a derivative with more than two axes (a tensor)";
        return axes.Count switch
        {
            0 => Scalar(),
            1 => axes[0].IsRow ? new OracleShape(axes[0].Dim, One()) : new OracleShape(One(), axes[0].Dim),
            2 => new OracleShape(axes[0].Dim, axes[1].Dim),
            _ => Scalar(),
        };
    }

    private OracleShape Type(SyntaxNode node)
    {
        var shape = node switch
        {
            NumberSyntax n => _contextualZeros.Contains(n) ? Fresh() : Scalar(),
            NameSyntax n => Name(n),
            CallSyntax c => Call(c),
            BinarySyntax b => Binary(b),
            NegateSyntax n => Type(n.Operand),
            TransposeSyntax t => Type(t.Operand) is var s ? new OracleShape(s.Columns, s.Rows) : default,
            PowerSyntax p => Power(p),
            RationalPowerSyntax p => RationalPower(p),
            EntrySyntax e => Entry(e),
            BinderSyntax b => Binder(b),
            MatrixLiteralSyntax m => MatrixLiteral(m),
            SizedConstantSyntax c => SizedConstant(c),
            _ => throw new UnreachableException($"the oracle has no typing rule for {node.GetType().Name}"),
        };
        _shapes[node] = shape;
        return shape;
    }

    private OracleShape Name(NameSyntax name)
    {
        switch (name.Name)
        {
            case "I":
                var d = Dims.Fresh();
                return new OracleShape(d, d);
            case "ones":
                return new OracleShape(Dims.Fresh(), One());
        }
        if (_entry.Where.TryGetValue(name.Name, out var definition))
        {
            if (_whereShapes.TryGetValue(name.Name, out var known)) return known;
            if (!_whereInProgress.Add(name.Name))
            {
                Unsupported ??= $"recursive where `{name.Name}`";
                return Fresh();
            }
            var saved = _currentFree;
            var shape = Type(definition);
            _currentFree = saved;
            if (_entry.Declared.TryGetValue(name.Name, out var declaration))
            {
                var declared = Declared(declaration);
                Unify(shape.Rows, declared.Rows, $"where `{name.Name}` against its declared rows");
                Unify(shape.Columns, declared.Columns, $"where `{name.Name}` against its declared columns");
            }
            _whereShapes[name.Name] = shape;
            return shape;
        }
        return SymbolShape(name.Name);
    }

    private OracleShape SymbolShape(string name)
    {
        if (_entry.Frozen.TryGetValue(name, out var original)) return SymbolShape(original);
        if (Symbols.TryGetValue(name, out var known)) return known;
        var shape = _entry.Declared.TryGetValue(name, out var declaration) ? Declared(declaration)
            : _scalarHints.Contains(name) ? Scalar()
            : Fresh();
        Symbols[name] = shape;
        if (_entry.Attributes.ContainsKey(name)) Unify(shape.Rows, shape.Columns, $"`{name}` has a square-only hypothesis");
        return shape;
    }

    private OracleShape Declared((string Rows, string Columns)? declaration) =>
        declaration is { } d ? new OracleShape(Size(d.Rows), Size(d.Columns)) : Scalar();

    private int Size(string spec)
    {
        if (spec.Contains('*', StringComparison.Ordinal)) return Dims.Product(spec.Split('*', StringSplitOptions.TrimEntries).Select(Size).ToList());
        if (int.TryParse(spec, out var literal))
        {
            if (literal > LargestLiteralSize) Unsupported ??= $"a literal size {literal} too large to evaluate";
            return Dims.Literal(literal);
        }
        if (!Letters.TryGetValue(spec, out var dim)) Letters[spec] = dim = Dims.Fresh();
        return dim;
    }

    private OracleShape Call(CallSyntax call)
    {
        var argument = Type(call.Argument);
        switch (call.Function)
        {
            case "tr":
                Unify(argument.Rows, argument.Columns, "`tr` needs a square matrix");
                return Scalar();
            case "diag":
                if (Dims.IsOne(argument.Rows) || _readings?.IsGenuineRow(call) == true)
                {
                    Unify(argument.Rows, One(), "`diag` of a row vector");
                    _rowVectors.Add(call);
                    return new OracleShape(argument.Columns, argument.Columns);
                }
                Unify(argument.Columns, One(), "`diag` needs a vector");
                return new OracleShape(argument.Rows, argument.Rows);
            case "fro":
                Unsupported ??= "`fro` outside an even power";
                return Scalar();
            case "inv" or "adj":
                Unify(argument.Rows, argument.Columns, $"`{call.Function}` needs a square matrix");
                return argument;
            case "vec":
                // vec(M) of M m×n has n·m entries, the column index major.
                return new OracleShape(Dims.Product([argument.Columns, argument.Rows]), One());
            case "sin" or "cos" or "tan" or "sqrt" or "abs":
                Unsupported ??= $"`{call.Function}` (irrational values and sign cases are not in the oracle)";
                return argument;
            case "det":
                Unify(argument.Rows, argument.Columns, "`det` needs a square matrix");
                return Scalar();
            default:
                return argument;
        }
    }

    // What the oracle does not model makes the entry excluded, never a guess: any shape will do.
    private OracleShape Unsupporting(string what)
    {
        Unsupported ??= what;
        return Fresh();
    }

    // `0` as a whole side, claim or definition, or as an operand of + and −, is the zero of whatever shape its
    // context needs; elsewhere (`0*A`) it is the scalar 0.
    private void MarkContextualZero(SyntaxNode node)
    {
        if (node is NumberSyntax { Value.IsZero: true } zero) _contextualZeros.Add(zero);
        else if (node is NegateSyntax { Operand: var inner }) MarkContextualZero(inner);
    }

    private static bool IsZeroLiteral(SyntaxNode node) => node is NumberSyntax { Value.IsZero: true } || node is NegateSyntax { Operand: var inner } && IsZeroLiteral(inner);

    public bool IsContextualZero(NumberSyntax node) => _contextualZeros.Contains(node);

    // An r×c literal is r×c; each entry is a scalar expression.
    private OracleShape MatrixLiteral(MatrixLiteralSyntax literal)
    {
        foreach (var element in literal.Rows.SelectMany(r => r)) RequireScalar(Type(element), "a matrix literal's entry must be a scalar");
        return new OracleShape(Dims.Literal(literal.Rows.Count), Dims.Literal(literal.Rows[0].Count));
    }

    // I(n), ones(m), ones(m, n), zeros(m), zeros(m, n): sizes written as literals or declared letters, as rigid
    // as a declaration; an undeclared letter is an error.
    private OracleShape SizedConstant(SizedConstantSyntax constant)
    {
        var sizes = new List<int>();
        foreach (var size in constant.Sizes)
        {
            if (!size.IsPosition && !_declaredLetters.Contains(size.Name)) Error ??= $"`{size.Name}` in `{constant.Name}(…)` is not a declared size";
            sizes.Add(Size(size.Name));
        }
        return constant.Name == "I" ? new OracleShape(sizes[0], sizes[0])
            : new OracleShape(sizes[0], sizes.Count > 1 ? sizes[1] : One());
    }

    // A position above 1 needs its dimension to be a literal size at least that large (checked on the whole
    // entry's typing: Positions).
    public List<(int Dim, int Position)> Positions { get; } = [];

    private void Position(int dim, IndexSyntax position) => Positions.Add((dim, int.Parse(position.Name, System.Globalization.CultureInfo.InvariantCulture)));

    private OracleShape Binary(BinarySyntax binary)
    {
        // `0 + 0` adds no matrix: both are the scalar 0, as the binder reads them.
        if (binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract && !(IsZeroLiteral(binary.Left) && IsZeroLiteral(binary.Right)))
        {
            MarkContextualZero(binary.Left);
            MarkContextualZero(binary.Right);
        }
        var left = Type(binary.Left);
        var right = Type(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Multiply:
                // A scaling stays a scaling: its scalar operand is held to 1×1 (no circular reading of a 1×1
                // that only the matrix product itself forced).
                bool? scalarLeft = _forcedScaling.TryGetValue(binary, out var forced) ? forced : IsScalar(left) ? true : IsScalar(right) ? false : null;
                _scaling[binary] = scalarLeft;
                if (scalarLeft is { } isLeft)
                {
                    RequireScalar(isLeft ? left : right, "a scalar factor");
                    return isLeft ? right : left;
                }
                Unify(left.Columns, right.Rows, "inner dimensions of `*`");
                return new OracleShape(left.Rows, right.Columns);
            case BinaryOperator.Divide:
                RequireScalar(right, "`/` divides by a scalar");
                return left;
            case BinaryOperator.Kronecker:
                // A ⊗ B is (m·p)×(n·q) for A m×n, B p×q, A's indices major.
                return new OracleShape(Dims.Product([left.Rows, right.Rows]), Dims.Product([left.Columns, right.Columns]));
            default:
                Unify(left.Rows, right.Rows, $"rows of `{binary.Operator}`");
                Unify(left.Columns, right.Columns, $"columns of `{binary.Operator}`");
                return left;
        }
    }

    // s^(p/q) is irrational at most rational points: outside the oracle, but still typed (its base is a scalar).
    private OracleShape RationalPower(RationalPowerSyntax power)
    {
        Unsupported ??= "a rational power (irrational values are not in the oracle)";
        var shape = Type(power.Base);
        Unify(shape.Rows, One(), "a rational power of a scalar");
        Unify(shape.Columns, One(), "a rational power of a scalar");
        return Scalar();
    }

    private OracleShape Power(PowerSyntax power)
    {
        if (power.Base is CallSyntax { Function: "fro" } fro)
        {
            Type(fro.Argument);
            if (power.Exponent <= 0 || power.Exponent % 2 != 0) Unsupported ??= "`fro` to an odd or non-positive power";
            _shapes[fro] = Scalar();
            return Scalar();
        }
        if (power.Exponent < 0)
        {
            // M^-n is the n-th power of M⁻¹: M is square (a 1×1 base, a scalar, is then 1/sⁿ alike).
            var baseShape = Type(power.Base);
            Unify(baseShape.Rows, baseShape.Columns, "`^-n` needs a scalar or a square matrix");
            return baseShape;
        }
        // M^n of anything not already a scalar is a matrix power: M is square.
        var powered = Type(power.Base);
        if (IsScalar(powered)) return Scalar();
        Unify(powered.Rows, powered.Columns, "`^n` needs a scalar or a square matrix");
        return powered;
    }

    private OracleShape Entry(EntrySyntax entry)
    {
        var target = Type(entry.Target);
        if (entry.SingleIndex)
        {
            int length;
            if (Dims.IsOne(target.Rows) || _readings?.IsGenuineRow(entry) == true)
            {
                Unify(target.Rows, One(), "one index of a row vector");
                _rowVectors.Add(entry);
                length = target.Columns;
            }
            else
            {
                Unify(target.Columns, One(), "one index needs a vector");
                length = target.Rows;
            }
            if (entry.Row!.IsPosition) Position(length, entry.Row);
            else Unify(Index(entry.Row.Name), length, "one-index range");
            return Scalar();
        }
        if (entry.Row is { IsPosition: true } rowPosition) Position(target.Rows, rowPosition);
        else if (entry.Row is { } row) Unify(Index(row.Name), target.Rows, $"range of `{row.Name}`");
        if (entry.Column is { IsPosition: true } columnPosition) Position(target.Columns, columnPosition);
        else if (entry.Column is { } column) Unify(Index(column.Name), target.Columns, $"range of `{column.Name}`");
        return new OracleShape(entry.Row is null ? target.Rows : One(), entry.Column is null ? target.Columns : One());
    }

    private OracleShape Binder(BinderSyntax binder)
    {
        foreach (var index in binder.Indices) _bound[(binder, index.Name)] = Dims.Fresh();
        _scopes.Add((binder, binder.Indices));
        var body = Type(binder.Body);
        _scopes.RemoveAt(_scopes.Count - 1);
        switch (binder.Kind)
        {
            case BinderKind.Sum:
                return body;
            case BinderKind.Rows:
                Unify(body.Rows, One(), "`rows` needs a row vector");
                return new OracleShape(_bound[(binder, binder.Indices[0].Name)], body.Columns);
            default:
                RequireScalar(body, "`matrix` needs a scalar entry");
                return new OracleShape(_bound[(binder, binder.Indices[0].Name)], _bound[(binder, binder.Indices[1].Name)]);
        }
    }

    private int Index(string name)
    {
        for (var k = _scopes.Count - 1; k >= 0; k--)
        {
            if (_scopes[k].Names.Any(i => i.Name == name)) return _bound[(_scopes[k].Binder, name)];
        }
        _currentFree.Add(name);
        return FreeIndex(name);
    }

    private int FreeIndex(string name)
    {
        if (!FreeIndices.TryGetValue(name, out var dim)) FreeIndices[name] = dim = Dims.Fresh();
        return dim;
    }

    // `ones` and `I` have their own lengths: a 1×1 one is a narrowing, never a reason to read a scaling.
    private bool? ScalarOperand(BinarySyntax product) =>
        IsScalar(_shapes[product.Left]) && !IsBuiltin(product.Left) ? true : IsScalar(_shapes[product.Right]) && !IsBuiltin(product.Right) ? false : null;

    private static bool IsBuiltin(SyntaxNode node) => node is NameSyntax { Name: "ones" or "I" } or TransposeSyntax { Operand: NameSyntax { Name: "ones" or "I" } };

    private bool IsScalar(OracleShape shape) => Dims.IsOne(shape.Rows) && Dims.IsOne(shape.Columns);

    private void RequireScalar(OracleShape shape, string what)
    {
        Unify(shape.Rows, One(), what);
        Unify(shape.Columns, One(), what);
    }

    private void Unify(int a, int b, string what)
    {
        if (!Dims.Unify(a, b)) Error ??= $"shape mismatch: {what} ({Dims.SizeOf(a)} vs {Dims.SizeOf(b)})";
    }

    private int One() => Dims.Literal(1);

    private OracleShape Scalar() => new(One(), One());

    private OracleShape Fresh() => new(Dims.Fresh(), Dims.Fresh());

    private void CollectScalarHints(SyntaxNode node)
    {
        switch (node)
        {
            case BinarySyntax { Operator: BinaryOperator.Divide, Right: NameSyntax n } b: _scalarHints.Add(n.Name); CollectScalarHints(b.Left); return;
        }
        foreach (var child in SyntaxTrees.Children(node)) CollectScalarHints(child);
    }
}
