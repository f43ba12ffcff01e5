using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// A catalog entry as the oracle reads it: parsed members (equality sides or derivative claims), the `of`
// expression and the variable of a derivative, `where:` definitions, `shapes:` declarations (null = scalar,
// otherwise a row and a column spec, each a letter or a literal size) and `frozen:` copies.
internal sealed record OracleEntry(
    EntryKind Kind,
    IReadOnlyList<SyntaxNode> Members,
    SyntaxNode? Of,
    string? Variable,
    IReadOnlyList<string> VariableIndices,
    IReadOnlyDictionary<string, SyntaxNode> Where,
    IReadOnlyDictionary<string, (string Rows, string Columns)?> Declared,
    IReadOnlyDictionary<string, string> Frozen,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Attributes)
{
    // Hypotheses the oracle draws exactly: a random matrix mirrored (symmetric), negated below a zero diagonal
    // (skew), masked (diagonal, triangular); `invertible` redraws a singular point; orthogonal by Cayley,
    // D·(I − K)(I + K)⁻¹ with K skew and D random signs (rational, and generic on both components of the
    // orthogonal group); positive-definite as BᵀB + I (generic in the open cone, so in the symmetric matrices).
    // All are square-only. Orthogonal or positive-definite together with another structure is a variety the
    // draw does not reach generically: excluded.
    public static readonly IReadOnlySet<string> DrawnAttributes =
        new HashSet<string>(StringComparer.Ordinal) { "square", "symmetric", "skew", "diagonal", "lower-triangular", "upper-triangular", "invertible", "orthogonal", "positive-definite" };

    // Null with a reason when the entry cannot even be read: a parse error, or a construct outside the oracle.
    public static (OracleEntry? Entry, Truth Truth, string Reason) Read(CatalogEntry entry)
    {
        if (entry.Kind is not (EntryKind.Equality or EntryKind.Derivative)) return (null, Truth.Excluded, "not an equality or a derivative");
        if (entry.Diagnostics.Count > 0) return (null, Truth.IllFormed, "the catalog entry has errors");
        var members = new List<SyntaxNode>();
        foreach (var side in entry.Sides)
        {
            if (Parse(side.Text) is not { } node) return (null, Truth.IllFormed, $"`{side.Text}` does not parse");
            members.Add(node);
        }
        if (members.Count == 0) return (null, Truth.IllFormed, "nothing claimed");
        var where = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var definition in entry.Where)
        {
            if (Parse(definition.Value.Text) is not { } node) return (null, Truth.IllFormed, $"where `{definition.Name}` does not parse");
            where[definition.Name] = node;
        }
        var declared = new Dictionary<string, (string, string)?>(StringComparer.Ordinal);
        if (entry.StructuredDerivative is not null) return (null, Truth.Excluded, "a structured-derivative convention");
        var attributes = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var declaration in entry.Shapes)
        {
            // `W: k x k symmetric`, `W: symmetric`: attribute words after (or instead of) the size.
            var words = declaration.Value.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var drawn = words.Where(DrawnAttributes.Contains).ToHashSet(StringComparer.Ordinal);
            if (drawn.Contains("orthogonal") && drawn.Except(["orthogonal", "square", "invertible"]).Any()
                || drawn.Contains("positive-definite") && drawn.Except(["positive-definite", "square", "invertible", "symmetric"]).Any())
                return (null, Truth.Excluded, "orthogonal or positive-definite together with another structure");
            if (drawn.Count > 0)
            {
                // Only-zero or contradictory combinations are the tool's TV0251: not modelled.
                if (drawn.Contains("skew") && drawn.Overlaps(["symmetric", "invertible", "diagonal", "lower-triangular", "upper-triangular"]))
                    return (null, Truth.Excluded, "a combination of hypotheses with skew");
                if (entry.Where.Any(w => w.Name == declaration.Name) || entry.Frozen.Any(f => f.Name == declaration.Name))
                    return (null, Truth.Excluded, "hypotheses on a where or frozen name");
                attributes[declaration.Name] = drawn;
                if (words.All(DrawnAttributes.Contains)) continue;
            }
            var sizeText = string.Join(' ', words.Where(w => !DrawnAttributes.Contains(w)));
            var parts = sizeText.Split('x', StringSplitOptions.TrimEntries);
            if (parts is ["scalar"]) declared[declaration.Name] = null;
            else if (parts is [var rows] && IsSize(rows)) declared[declaration.Name] = (rows, "1");
            else if (parts is [var r, var c] && IsSize(r) && IsSize(c)) declared[declaration.Name] = (r, c);
            else return (null, Truth.IllFormed, $"bad shape `{declaration.Value.Text}`");
        }
        var frozen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copy in entry.Frozen)
        {
            if (Parse(copy.Value.Text) is not NameSyntax original) return (null, Truth.Excluded, "a frozen copy of something other than a symbol");
            frozen[copy.Name] = original.Name;
        }
        SyntaxNode? of = null;
        string? variable = null;
        string? layout = null;
        var secondDerivative = false;
        var indices = new List<string>();
        if (entry.Kind == EntryKind.Derivative)
        {
            if (entry.Of is null || Parse(entry.Of.Text) is not { } parsedOf) return (null, Truth.IllFormed, "`of` does not parse");
            // A Jacobian (`layout:`) and a second derivative (`wrt: [x, x]`) by a symbol are decided by the axes
            // rule (Oracle.CompareByAxes); a second derivative by entries or by two variables is outside it.
            layout = entry.Layout?.Text.Trim();
            if (layout is not (null or "numerator" or "denominator")) return (null, Truth.IllFormed, $"layout `{layout}`");
            if (entry.SecondWrt is not null)
            {
                if (entry.Wrt is null || Parse(entry.Wrt.Text) is not NameSyntax first || Parse(entry.SecondWrt.Text) is not NameSyntax second || first.Name != second.Name)
                    return (null, Truth.Excluded, "a second derivative by entries or by two variables");
                secondDerivative = true;
            }
            of = parsedOf;
            switch (entry.Wrt is null ? null : Parse(entry.Wrt.Text))
            {
                case EntrySyntax e when e.Row is { IsPosition: true } || e.Column is { IsPosition: true }:
                    return (null, Truth.Excluded, "a derivative by the entry at a numeric position");
                case NameSyntax name: variable = name.Name; break;
                case EntrySyntax { Target: NameSyntax name, Row: { } row } e when e.SingleIndex:
                    variable = name.Name;
                    indices.Add(row.Name);
                    break;
                case EntrySyntax { Target: NameSyntax name, Row: { } row, Column: { } column }:
                    variable = name.Name;
                    indices.Add(row.Name);
                    indices.Add(column.Name);
                    break;
                default: return (null, Truth.Excluded, "a variable that is not a symbol or one entry of it");
            }
        }
        // A derivative by a structured variable depends on a convention (the tool's TV0253); square and
        // invertible are open conditions.
        if (variable is not null && attributes.TryGetValue(variable, out var structure) && structure.Any(a => a is not ("square" or "invertible")))
            return (null, Truth.Excluded, "a derivative by a structured matrix");
        return (new OracleEntry(entry.Kind.Value, members, of, variable, indices, where, declared, frozen, attributes) { Layout = layout, Second = secondDerivative },
            Truth.Holds, "");
    }

    // `layout:` (numerator or denominator), null when the entry states none.
    public string? Layout { get; init; }

    // `wrt: [x, x]`: the second derivative by the variable.
    public bool Second { get; init; }

    public bool EntryVariable => VariableIndices.Count > 0;

    private static SyntaxNode? Parse(string text) => Parser.Parse(text) is { Succeeded: true, Node: { } node } ? node : null;

    // A size is a literal, a letter, or an ordered product of them (`n*q`, as kron and vec give).
    private static bool IsSize(string text) =>
        text.Contains('*', StringComparison.Ordinal) ? text.Split('*', StringSplitOptions.TrimEntries).All(IsSize)
        : text.Length > 0 && (text.All(char.IsAsciiDigit) ? int.TryParse(text, out var n) && n > 0 : char.IsLetter(text[0]) && text.All(char.IsLetterOrDigit));
}
