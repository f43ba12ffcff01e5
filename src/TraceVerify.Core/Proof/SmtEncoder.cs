using System.Globalization;
using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Diagnostics;
using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Proof;

// Instantiates an entry at concrete dimension sizes as an SMT-LIB2 satisfiability query over the reals:
// one Real constant per entry of every variable (X_1_2 for X[1,2], 1-based; a scalar s is s), both sides
// expanded entry by entry over SmtField (see EntryComparisons for what is compared), and the assertion
// that at least one compared entry differs, under the side conditions that both sides are defined there
// (nonzero divisors, positive log_ arguments, sqrt_ a non-negative root). Unsat proves the entry at this
// shape; a model is a candidate counterexample that still has to be confirmed, since log_, exp_ and sqrt_
// are uninterpreted. The entry's hypotheses (`shapes:` attributes) are asserted with the side conditions
// (SmtHypotheses), so unsat proves the entry for every structured point at this shape.
//
// Throws DomainException when the expansion is undefined everywhere at this shape (a reciprocal of the
// numeral 0, log of a non-positive numeral).
//
// Expansion budget: the terms are DAGs, and the script writes them out as trees, so `tr` of a product of 40
// sums at 3×3 is a small DAG but a tree of 3^40 nodes. Before anything is written, the tree size of every
// compared entry and side condition is added up; past MaxScriptNodes the shape is refused with an
// SmtBudgetException (Z3Method: inconclusive, naming the budget), so no script larger than the budget is
// ever built.
internal static class SmtEncoder
{
    public const long MaxScriptNodes = 2_000_000;

    // SMT-LIB reserved words and the symbols the theories of Core and Reals (and Z3's arithmetic) predefine:
    // a constant may not take one of these names.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_", "!", "as", "let", "exists", "forall", "match", "par", "BINARY", "DECIMAL", "HEXADECIMAL", "NUMERAL", "STRING",
        "assert", "check-sat", "declare-const", "declare-fun", "define-fun", "exit", "get-model", "get-value", "pop", "push",
        "reset", "set-info", "set-logic", "set-option",
        "true", "false", "not", "and", "or", "xor", "ite", "distinct", "abs", "div", "mod", "rem", "to_real", "to_int", "is_int",
        "pi", "euler", "root-obj", "Real", "Int", "Bool",
        SmtField.LogFunction, SmtField.ExpFunction, SmtField.SqrtFunction,
        SmtField.SinFunction, SmtField.CosFunction, SmtField.TanFunction, SmtField.AbsFunction,
    };

    public static SmtQuery Encode(BoundEntry entry, IReadOnlyDictionary<string, int> dimensions)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(dimensions);
        foreach (var name in entry.Dimensions)
        {
            if (!dimensions.TryGetValue(name, out var size)) throw new ArgumentException($"no size given for dimension {name}", nameof(dimensions));
            if (size < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), size, $"dimension {name} must be at least 1");
        }
        if (entry.Kind is not (EntryKind.Equality or EntryKind.Derivative))
            throw new ArgumentException($"entry {entry.Id} is a {entry.Kind}, which states no identity", nameof(entry));

        var constants = NameConstants(entry, dimensions);
        var field = new SmtField();
        var variables = constants.ToDictionary(
            p => p.Key,
            p => Matrix<SmtTerm>.Create(p.Value.Count, p.Value[0].Count, (r, c) => SmtField.Constant(p.Value[r][c])),
            StringComparer.Ordinal);
        SmtHypotheses.Assume(entry, field, variables);
        var comparisons = EntryComparisons.Expand(entry, dimensions, field, variables);

        var nodes = 0L;
        void Budget(SmtTerm term)
        {
            nodes = nodes > long.MaxValue - term.TreeSize ? long.MaxValue : nodes + term.TreeSize;
            if (nodes > MaxScriptNodes)
            {
                throw new SmtBudgetException(string.Create(CultureInfo.InvariantCulture,
                    $"the SMT expansion budget of {MaxScriptNodes} nodes is exceeded at {Describe(entry.Dimensions, dimensions)} (the script would have {(nodes == long.MaxValue ? "astronomically many" : nodes.ToString(CultureInfo.InvariantCulture))} or more)"));
            }
        }
        foreach (var condition in field.SideConditions) Budget(condition);
        foreach (var comparison in comparisons)
        {
            Symbolic.WorkCancellation.ThrowIfRequested();
            if (comparison.Left.Rows != comparison.Right.Rows || comparison.Left.Cols != comparison.Right.Cols) continue;
            for (var r = 0; r < comparison.Left.Rows; r++)
            {
                for (var c = 0; c < comparison.Left.Cols; c++)
                {
                    Budget(comparison.Left[r, c]);
                    Budget(comparison.Right[r, c]);
                }
            }
        }

        var goal = new StringBuilder();
        var compared = 0;
        foreach (var comparison in comparisons)
        {
            if (comparison.Left.Rows != comparison.Right.Rows || comparison.Left.Cols != comparison.Right.Cols)
            {
                // Matrices of different shapes differ whatever the values: every point is a counterexample.
                compared++;
                var (left, right) = (comparison.Left, comparison.Right);
                goal.Append("  ; ").Append(comparison.Label)
                    .Append(CultureInfo.InvariantCulture, $": {left.Rows}×{left.Cols} against {right.Rows}×{right.Cols}\n  true\n");
                continue;
            }
            for (var r = 0; r < comparison.Left.Rows; r++)
            {
                for (var c = 0; c < comparison.Left.Cols; c++)
                {
                    var left = comparison.Left[r, c];
                    var right = comparison.Right[r, c];
                    // Identical terms (the same object, or equal numerals) cannot differ.
                    if (ReferenceEquals(left, right) || (left is SmtNumeral a && right is SmtNumeral b && a.Value == b.Value)) continue;
                    compared++;
                    goal.Append("  ; ").Append(comparison.Label);
                    if (comparison.Left.Rows * comparison.Left.Cols > 1)
                        goal.Append(CultureInfo.InvariantCulture, $", entry [{r + 1},{c + 1}]");
                    goal.Append("\n  (not (= ");
                    left.WriteTo(goal);
                    goal.Append(' ');
                    right.WriteTo(goal);
                    goal.Append("))\n");
                }
            }
        }

        var shape = Describe(entry.Dimensions, dimensions);
        var body = new StringBuilder();
        body.Append("; TraceVerify: entry ").Append(Printable.Escape(entry.Id)).Append(" at ").Append(shape).Append('\n');
        body.Append(entry.Kind == EntryKind.Equality
            ? "; sat iff some entry of a side differs from the same entry of the first side\n"
            : "; sat iff some entry of a claim differs from the dual-number derivative of `of`\n");
        body.Append(field.Functions.Count > 0 ? "(set-logic QF_UFNRA)\n" : "(set-logic QF_NRA)\n");
        if (field.Functions.Count > 0)
            body.Append("; uninterpreted stand-ins for log, exp and sqrt: unsat holds for every choice of them, a model may not\n");
        foreach (var function in field.Functions) body.Append("(declare-fun ").Append(function).Append(" (Real) Real)\n");
        foreach (var (name, rows) in constants)
        {
            foreach (var constant in rows.SelectMany(row => row)) body.Append("(declare-const ").Append(constant).Append(" Real)\n");
        }
        foreach (var constant in field.InverseConstants) body.Append("(declare-const ").Append(constant).Append(" Real)\n");
        if (field.SideConditions.Count > 0) body.Append("; where both sides are defined: nonzero divisors, positive log_ arguments, sqrt_ the non-negative root, A·inv!k = inv!k·A = I\n");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in field.SideConditions)
        {
            var text = condition.ToSmtLib();
            if (seen.Add(text)) body.Append("(assert ").Append(text).Append(")\n");
        }
        var domainBody = new StringBuilder(body.ToString());
        if (compared == 0)
        {
            body.Append("; every compared entry is the same term on both sides\n(assert false)\n");
        }
        else
        {
            body.Append("(assert (or\n").Append(goal).Append("))\n");
        }

        var assertions = body.ToString();
        var script = "(set-option :produce-models true)\n" + assertions + "(check-sat)\n(get-model)\n";
        var domain = field.SideConditions.Count == 0 ? null : domainBody.ToString();
        return new SmtQuery(entry.Id, new Dictionary<string, int>(dimensions, StringComparer.Ordinal), assertions, script, constants, compared, domain);
    }

    // "m=2, n=3" in the entry's dimension order; "fixed sizes" when it has no dimension variables.
    public static string Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, int> dimensions)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(dimensions);
        return names.Count == 0
            ? "fixed sizes"
            : string.Join(", ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n}={dimensions[n]}")));
    }

    private static Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> NameConstants(BoundEntry entry, IReadOnlyDictionary<string, int> dimensions)
    {
        int Size(Dim dim) => dim switch
        {
            KnownDim k => k.Size,
            DimVariable v => dimensions[v.Name],
            ProductDim p => Dim.SizeOf(p, Size),
            _ => throw new ArgumentException($"unknown dimension {dim}"),
        };
        var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
        // Scalars first, so a scalar s keeps the plain name s even if a matrix entry could be called s.
        var variables = EntryComparisons.Variables(entry)
            .Select(name => (Name: name, Shape: EntryComparisons.VariableShape(entry, name)))
            .OrderBy(v => v.Shape.IsScalar ? 0 : 1)
            .ThenBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (name, shape) in variables)
        {
            var rows = Size(shape.Rows);
            var columns = Size(shape.Columns);
            result[name] = Enumerable.Range(0, rows)
                .Select(r => (IReadOnlyList<string>)Enumerable.Range(0, columns)
                    .Select(c => Unique(shape.IsScalar ? name : string.Create(CultureInfo.InvariantCulture, $"{name}_{r + 1}_{c + 1}"), used))
                    .ToArray())
                .ToArray();
        }
        return result;
    }

    // Catalog identifiers are letters, digits and '_' (Unicode letters included); SMT-LIB simple symbols
    // are ASCII, and '!' occurs in no catalog identifier, so name!k can never meet another constant.
    private static string Unique(string name, HashSet<string> used)
    {
        static bool Simple(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
        var ascii = name.All(Simple)
            ? name
            : string.Concat(name.Select(c => Simple(c) ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"u{(int)c:x4}")));
        var candidate = ascii;
        // root3_, root5_, … are the odd roots' functions (SmtField.RootFunction), reserved like sqrt_.
        for (var k = 1; !used.Add(candidate) || SmtField.IsRootFunction(candidate); k++) candidate = string.Create(CultureInfo.InvariantCulture, $"{ascii}!{k}");
        return candidate;
    }
}
