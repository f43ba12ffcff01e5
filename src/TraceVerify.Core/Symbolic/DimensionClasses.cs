using System.Diagnostics;
using System.Globalization;

namespace TraceVerify.Symbolic;

// The dimension classes of one entry, by union-find: fresh (inferred) variables, declared letters and known
// sizes. A declared letter is rigid — a distinct, general size: it absorbs fresh variables but is never made
// equal to another declared letter or to a known size; such a unification fails and is kept as LastConflict,
// so the caller can report the declaration's condition. A class with a declared letter keeps it as its
// representative, so resolved shapes read as declared. With rigidDeclarations off (to find what an entry
// would need), declared letters unify like fresh ones.
//
// Products (kron, vec, a declared `n*q`) unify factor by factor, in order, never as numbers: after the
// equal leading and trailing factors are cancelled, a lone fresh variable on one side becomes the other
// side's product, equally long remainders unify pairwise, and anything else fails (m·p against p·m, a
// declared k against n·q). A fresh variable bound to a product is a class whose value is that product; the
// occurs check keeps those bindings acyclic, so Find terminates.
internal sealed class DimensionClasses
{
    private static readonly string[] Pool = ["m", "n", "p", "q", "r", "s", "t", "u", "v", "w", "a", "b", "c", "d", "e"];
    private const string DeclaredPrefix = "named:";

    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _size = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rigid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dim> _products = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames;
    private readonly bool _rigidDeclarations;
    private int _fresh;

    // reservedNames: the declared letters, which fresh dimensions must not be named after.
    public DimensionClasses(IEnumerable<string> reservedNames, bool rigidDeclarations)
    {
        _usedNames = new HashSet<string>(reservedNames, StringComparer.Ordinal);
        _rigidDeclarations = rigidDeclarations;
    }

    // The two classes the last failed Unify would have had to merge against a declaration; null after a
    // success or an ordinary mismatch of two different known sizes.
    public (Dim A, Dim B)? LastConflict { get; private set; }

    public void ForgetConflict() => LastConflict = null;

    public bool Unify(Dim a, Dim b)
    {
        LastConflict = null;
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return true;
        if (ra is ProductDim || rb is ProductDim) return UnifyProducts(ra, rb);
        switch (ra, rb)
        {
            case (KnownDim x, KnownDim y): return x.Size == y.Size;
            case (DimVariable x, KnownDim y):
                if (_rigid.Contains(x.Name)) return Conflict(ra, rb);
                _parent[x.Name] = "#" + y.Size.ToString(CultureInfo.InvariantCulture);
                _size[x.Name] = y.Size;
                return true;
            case (KnownDim, DimVariable y): return Unify(y, ra);
            case (DimVariable x, DimVariable y):
                if (_rigid.Contains(x.Name) && _rigid.Contains(y.Name)) return Conflict(ra, rb);
                if (_rigid.Contains(x.Name)) _parent[y.Name] = x.Name;
                else _parent[x.Name] = y.Name;
                return true;
            default: throw new UnreachableException("dimensions are known or variable");
        }
    }

    // Both already found (resolved); at least one a product.
    private bool UnifyProducts(Dim a, Dim b)
    {
        var x = Dim.Atoms(a).ToList();
        var y = Dim.Atoms(b).ToList();
        while (x.Count > 0 && y.Count > 0 && x[0] == y[0]) { x.RemoveAt(0); y.RemoveAt(0); }
        while (x.Count > 0 && y.Count > 0 && x[^1] == y[^1]) { x.RemoveAt(x.Count - 1); y.RemoveAt(y.Count - 1); }
        if (x.Count == 0 && y.Count == 0) return true;
        if (TryBind(x, y) || TryBind(y, x)) return true;
        if (x.Count == y.Count)
        {
            for (var k = 0; k < x.Count; k++)
            {
                // A declared factor in the way is the condition on the whole products (m·p = p·m).
                if (!Unify(x[k], y[k])) return LastConflict is null ? false : Conflict(Dim.Product(x), Dim.Product(y));
            }
            return true;
        }
        if (x.Count == 0 || y.Count == 0)
        {
            foreach (var d in x.Concat(y))
            {
                if (!Unify(d, Dim.One)) return false;
            }
            return true;
        }
        if (x.Concat(y).All(d => d is KnownDim))
            return x.Aggregate(1L, (s, d) => s * ((KnownDim)d).Size) == y.Aggregate(1L, (s, d) => s * ((KnownDim)d).Size);
        // A declared letter, or a product holding one, cannot become a different product: the declaration's condition.
        return x.Concat(y).Any(d => d is DimVariable v && _rigid.Contains(v.Name))
            ? Conflict(Dim.Product(x), Dim.Product(y))
            : false;
    }

    // A lone fresh variable becomes the other side's product, unless that product contains it.
    private bool TryBind(List<Dim> lone, List<Dim> other)
    {
        if (lone is not [DimVariable v] || _rigid.Contains(v.Name) || other.Count < 2 || other.Contains(v)) return false;
        _parent[v.Name] = "*";
        _products[v.Name] = Dim.Product(other);
        return true;
    }

    private bool Conflict(Dim a, Dim b)
    {
        LastConflict = (a, b);
        return false;
    }

    public Dim Find(Dim dim)
    {
        if (dim is ProductDim p) return Dim.Product(p.Factors.Select(Find));
        if (dim is not DimVariable v) return dim;
        var name = v.Name;
        while (_parent.TryGetValue(name, out var next))
        {
            if (next.StartsWith('#')) return new KnownDim(_size[name]);
            if (next == "*") return Find(_products[name]);
            name = next;
        }
        // A root is its own representative: the same value, without a new allocation on this hot path.
        return ReferenceEquals(name, v.Name) ? v : new DimVariable(name);
    }

    public string Display(Dim dim) => Find(dim) switch
    {
        KnownDim k => k.Size.ToString(CultureInfo.InvariantCulture),
        DimVariable v => _names.TryGetValue(v.Name, out var n) ? n : v.Name,
        ProductDim p => string.Join("·", p.Factors.Select(Display)),
        _ => throw new UnreachableException("dimensions are known, variable or products"),
    };

    // Whether the user gave this dimension a size: its class holds a known size or a declared letter.
    public bool HasDeclaredSize(Dim dim)
    {
        var root = Find(dim);
        // A product (kron, vec) of sizes the user gave is a size the user gave: kron(x, y) of declared x, y.
        if (root is ProductDim product) return product.Factors.All(HasDeclaredSize);
        return root is KnownDim || _names.Keys.Any(k => k.StartsWith(DeclaredPrefix, StringComparison.Ordinal) && Find(new DimVariable(k)) == root);
    }

    // The class's representative under its readable name.
    public Dim Resolve(Dim dim) => Find(dim) switch
    {
        KnownDim k => k,
        DimVariable v => new DimVariable(Display(v)),
        ProductDim p => Dim.Product(p.Factors.Select(Resolve)),
        _ => throw new UnreachableException("dimensions are known, variable or products"),
    };

    public Dim Fresh()
    {
        var id = (++_fresh).ToString(CultureInfo.InvariantCulture);
        var name = Pool.FirstOrDefault(n => !_usedNames.Contains(n)) ?? "d" + id;
        _usedNames.Add(name);
        var key = "v" + id;
        _names[key] = name;
        return new DimVariable(key);
    }

    // A declared side: a literal is that known size, a letter the one rigid variable of that name, `n*q` their product.
    public Dim Declared(string side)
    {
        ArgumentNullException.ThrowIfNull(side);
        if (side.Contains('*', StringComparison.Ordinal)) return Dim.Product(side.Split('*').Select(Declared));
        if (int.TryParse(side, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return new KnownDim(size);
        var key = DeclaredPrefix + side;
        _names[key] = side;
        if (_rigidDeclarations) _rigid.Add(key);
        return new DimVariable(key);
    }

    // The identifications among declared letters and sizes the unifications made, e.g. "m = n = 1"; null
    // when there are none (always null while declarations are rigid).
    public string? DeclaredIdentifications()
    {
        var classes = _names.Keys.Where(k => k.StartsWith(DeclaredPrefix, StringComparison.Ordinal))
            .GroupBy(k => Find(new DimVariable(k)))
            .Select(g => (Letters: g.Select(k => _names[k]).Order(StringComparer.Ordinal).ToList(), Size: g.Key as KnownDim))
            .Where(c => c.Letters.Count > 1 || c.Size is not null)
            .Select(c => string.Join(" = ", c.Size is { } k ? [.. c.Letters, k.ToString()] : c.Letters))
            .Order(StringComparer.Ordinal)
            .ToList();
        return classes.Count == 0 ? null : string.Join(", ", classes);
    }
}
