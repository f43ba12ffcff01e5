using System.Globalization;
using TraceVerify.Numeric;

namespace TraceVerify.Symbolic;

// What printing sees around the text it writes: the symbols' shapes, the index names already taken (by
// symbols, free indices and enclosing binders — a new binder must not shadow them), and the printed forms
// of function bodies computed so far in one print (they recur across terms and candidate layouts).
internal sealed class FormScope
{
    private static readonly string[] IndexNames = ["i", "j", "k", "l", "p", "q", "r", "s", "t", "u", "v", "w", "a", "b", "c", "d", "e"];

    private readonly HashSet<string> _reserved;
    private readonly Dictionary<string, PrintedForm?> _memo;

    private FormScope(IReadOnlyDictionary<string, Shape> symbols, HashSet<string> reserved, Dictionary<string, PrintedForm?> memo)
    {
        Symbols = symbols;
        _reserved = reserved;
        _memo = memo;
    }

    public static FormScope Start(MatrixFormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reserved = new HashSet<string>(context.Symbols.Keys, StringComparer.Ordinal);
        reserved.UnionWith(context.FreeIndexNames);
        return new FormScope(context.Symbols, reserved, new Dictionary<string, PrintedForm?>(StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, Shape> Symbols { get; }

    public FormScope Reserving(IEnumerable<string> names)
    {
        var reserved = new HashSet<string>(_reserved, StringComparer.Ordinal);
        reserved.UnionWith(names);
        return new FormScope(Symbols, reserved, _memo);
    }

    public bool TryRecall(string key, out PrintedForm? form) => _memo.TryGetValue(key, out form);

    public void Remember(string key, PrintedForm? form) => _memo[key] = form;

    public string MemoKey(CanonicalSum sum, IReadOnlyList<ParameterRole> roles, bool mentionAll) =>
        string.Join("|", [sum.Key, string.Join(",", roles.Select(RoleKey)), mentionAll ? "m" : "-", string.Join(",", _reserved.Order(StringComparer.Ordinal))]);

    private static string RoleKey(ParameterRole role) => role switch
    {
        RowRole => "R",
        ColumnRole => "C",
        NamedRole n => "N" + n.Name,
        _ => throw new System.Diagnostics.UnreachableException($"no key for {role.GetType().Name}"),
    };

    // Distinct index names not yet taken, in a fixed order (i, j, k, …, then i2, j2, …).
    public string[] FreshNames(int count, IEnumerable<string> alsoTaken)
    {
        var taken = new HashSet<string>(_reserved, StringComparer.Ordinal);
        taken.UnionWith(alsoTaken);
        var names = new List<string>(count);
        foreach (var candidate in Candidates())
        {
            if (names.Count == count) break;
            if (taken.Add(candidate)) names.Add(candidate);
        }
        return [.. names];
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var name in IndexNames) yield return name;
        for (var n = 2; ; n++)
        {
            foreach (var name in IndexNames) yield return name + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    public bool IsRowVector(string symbol) => Symbols.TryGetValue(symbol, out var shape) && shape.Rows.IsOne && !shape.Columns.IsOne;

    // Σ_k 1 over a range: a known size prints as its number; a dimension variable needs text that pins it
    // when the binder reads it back (a fresh `ones` would get a fresh dimension), so the count is written
    // sum(k; e[k]^0) with e[k] an entry whose index range is that dimension: a vector symbol, a row or
    // column sum of a matrix symbol, or I[j,k] with a visible free index j of that range.
    public Expr Count(Dim range, string indexName, IReadOnlyDictionary<string, Dim> visibleIndices)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range is KnownDim known) return new NumberExpr(Rational.Of(known.Size));
        var index = new IndexVariable(indexName, range);
        var entry = new PowerExpr(AnchorEntry(index, visibleIndices), 0);
        return new IndexSumExpr(new EquatableArray<IndexVariable>([index]), entry);
    }

    // A column vector a symbol pins to the given length: x, u', S*ones, S'*ones (ones when none does).
    public Expr AnchorColumn(Dim length)
    {
        ArgumentNullException.ThrowIfNull(length);
        var symbols = Symbols.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        foreach (var (name, shape) in symbols)
        {
            if (shape.Columns.IsOne && shape.Rows == length) return new SymbolExpr(name, shape);
            if (shape.Rows.IsOne && shape.Columns == length) return new TransposeExpr(new SymbolExpr(name, shape));
        }
        foreach (var (name, shape) in symbols)
        {
            if (shape.Rows.IsOne || shape.Columns.IsOne) continue;
            if (shape.Rows == length) return new MatrixProduct(new SymbolExpr(name, shape), new OnesExpr(shape.Columns));
            if (shape.Columns == length) return new MatrixProduct(new TransposeExpr(new SymbolExpr(name, shape)), new OnesExpr(shape.Rows));
        }
        return new OnesExpr(length);
    }

    // An entry e[k] whose target a symbol pins to k's range (ones[k] when nothing does).
    public Expr AnchorEntry(IndexVariable index, IReadOnlyDictionary<string, Dim> visibleIndices)
    {
        var range = index.Range;
        var slot = new IndexedSlot(index);
        var symbols = Symbols.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        foreach (var (name, shape) in symbols)
        {
            if (shape.Columns.IsOne && shape.Rows == range) return new EntryExpr(new SymbolExpr(name, shape), slot, UnitSlot.Instance);
            if (shape.Rows.IsOne && shape.Columns == range) return new EntryExpr(new SymbolExpr(name, shape), UnitSlot.Instance, slot);
        }
        foreach (var (name, shape) in symbols)
        {
            if (shape.Rows.IsOne || shape.Columns.IsOne) continue;
            var symbol = new SymbolExpr(name, shape);
            if (shape.Rows == range) return new EntryExpr(new MatrixProduct(symbol, new OnesExpr(shape.Columns)), slot, UnitSlot.Instance);
            if (shape.Columns == range) return new EntryExpr(new MatrixProduct(new TransposeExpr(symbol), new OnesExpr(shape.Rows)), slot, UnitSlot.Instance);
        }
        foreach (var (name, dim) in visibleIndices.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (dim == range) return new EntryExpr(new IdentityExpr(range), new IndexedSlot(new IndexVariable(name, dim)), slot);
        }
        return new EntryExpr(new OnesExpr(range), slot, UnitSlot.Instance);
    }
}
