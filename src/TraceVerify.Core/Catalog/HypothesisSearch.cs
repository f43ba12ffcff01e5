using TraceVerify.Numeric;
using TraceVerify.Symbolic;

namespace TraceVerify.Catalog;

// Finds the hypothesis a refuted formula forgot: the smallest sets of attributes on the entry's matrix symbols
// under which it holds. Each candidate is the entry with its `shapes:` lines extended (`W: k x k` → `W: k x k
// symmetric`; an undeclared symbol gets `W: symmetric`, or `A: square` for a shape condition) and is decided by
// the ordinary verifier — the same binder, methods and seed, so a found hypothesis is as trustworthy as any
// verdict (proved or confirmed, never guessed). The entry's own verdict is not changed.
//
// Order (deterministic, from the entry alone): single attributes first — symbols by name, attributes from the
// commonest hypothesis (square, symmetric, invertible, orthogonal, positive-definite, diagonal, skew,
// triangular) — then pairs; the search stops after the first size at which some set holds, and keeps only the
// weakest of those (a positive-definite W that holds is dropped beside a symmetric W that holds). The
// differentiated variable takes only open conditions (square, invertible): structure on it would change what
// its derivative means. Bounded by MaxCandidates, or fewer when a catalog run's budget allows fewer; a search
// cut short says so.
internal static class HypothesisSearch
{
    public const int MaxCandidates = 36;

    private const string NothingToTry = "no hypothesis to try: the entry has no matrix symbol an attribute could constrain";

    private static readonly MatrixAttributes[] Order =
    [
        MatrixAttributes.Square, MatrixAttributes.Symmetric, MatrixAttributes.Invertible, MatrixAttributes.Orthogonal,
        MatrixAttributes.PositiveDefinite, MatrixAttributes.Diagonal, MatrixAttributes.Skew, MatrixAttributes.LowerTriangular, MatrixAttributes.UpperTriangular,
    ];

    private sealed record Choice(string Symbol, MatrixAttributes Attribute);

    public static bool Applies(Verdict verdict, string? shapeRestriction) =>
        verdict == Verdict.Refuted || (verdict == Verdict.IllFormed && shapeRestriction is not null);

    // At most how many candidates Run tries on the entry: what a catalog run reserves for it (CheckRun).
    public static int Reserve(CatalogEntry entry, BoundEntry bound, string? shapeRestriction)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(bound);
        var singles = Singles(entry, bound, shapeRestriction is not null);
        var pairs = (long)singles.Count * (singles.Count - 1) / 2;
        return (int)Math.Min(MaxCandidates, singles.Count + pairs);
    }

    // The report of an entry given no candidates (reserve: what Reserve said; cut: why none), as Run would make it.
    public static HypothesisReport Skipped(int reserve, string cut) => new(reserve == 0 ? NothingToTry : $"not searched: {cut}", [], []);

    // shapeRestriction: the condition an ill-formed entry needs (TV0207), when that is why it is ill-formed.
    // allowance: at most this many candidates (≤ MaxCandidates); cut names what set it lower, for the report.
    // Deterministic: no choice depends on time or load; the entry's time limit (token) is a safety net only.
    public static HypothesisReport Run(CatalogEntry entry, BoundEntry bound, Verdict verdict, string? shapeRestriction, Func<CatalogEntry, CancellationToken, EntryResult> check,
        int allowance, string? cut, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(check);
        var limit = Math.Clamp(allowance, 0, MaxCandidates);
        var singles = Singles(entry, bound, shapeRestriction is not null);
        if (singles.Count == 0) return new HypothesisReport(NothingToTry, [], []);
        var levels = new List<IReadOnlyList<Choice[]>> { singles.Select(c => new[] { c }).ToArray(), Pairs(singles) };
        var tried = new List<HypothesisCandidate>();
        var found = new List<(Choice[] Set, EntryResult Result)>();
        string? stopped = null;
        foreach (var level in levels)
        {
            foreach (var set in level)
            {
                if (tried.Count >= limit)
                {
                    stopped = limit < MaxCandidates && cut is not null ? cut : $"the bound of {MaxCandidates} candidates";
                    break;
                }
                EntryResult result;
                try
                {
                    result = check(With(entry, set), token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    stopped = "the entry's time limit";
                    break;
                }
                tried.Add(new HypothesisCandidate(Describe(set), Expectations.Text(result.Verdict)));
                if (result.Verdict is Verdict.Proved or Verdict.Confirmed) found.Add((set, result));
            }
            if (found.Count > 0 || stopped is not null) break;
        }
        var weakest = found.Where(f => !found.Any(g => g.Set != f.Set && Stronger(f.Set, g.Set))).ToList();
        var findings = weakest.Select(f => new HypothesisFinding(Describe(f.Set), Expectations.Text(f.Result.Verdict),
            string.Join("; ", f.Result.Methods.Select(m => $"{m.Name}: {m.Outcome}")))).ToList();
        var stated = $"{Expectations.Text(verdict)} as stated";
        string outcome;
        if (findings.Count > 0)
            outcome = $"{stated}; holds if {string.Join(", or if ", findings.Select(f => $"{Readable(f.Set)} ({f.Verdict})"))} — {tried.Count} candidate{(tried.Count == 1 ? "" : "s")} tried";
        else if (tried.Count == 0 && stopped is null)
            outcome = NothingToTry;
        else if (tried.Count == 0)
            outcome = $"not searched: {stopped}";
        else
            outcome = $"no hypothesis found among {tried.Count} candidate{(tried.Count == 1 ? "" : "s")} (single attributes, then pairs){(stopped is null ? "" : $"; the search stopped at {stopped}")}";
        return new HypothesisReport(outcome, tried, findings);
    }

    // "W symmetric" → "W is symmetric"; "A square and B symmetric" → "A is square and B is symmetric".
    private static string Readable(string set) => string.Join(" and ", set.Split(" and ").Select(part => part.Replace(" ", " is ", StringComparison.Ordinal)));

    private static string Describe(Choice[] set) => string.Join(" and ", set.Select(c => $"{c.Symbol} {MatrixAttributeNames.Text(c.Attribute)}"));

    // Every set is stronger than another when, symbol by symbol, it implies the other's attributes.
    private static bool Stronger(Choice[] set, Choice[] other) =>
        other.All(o => set.Any(s => s.Symbol == o.Symbol && MatrixAttributeNames.Closure(s.Attribute).HasFlag(MatrixAttributeNames.Closure(o.Attribute))))
        && !set.All(s => other.Any(o => o.Symbol == s.Symbol && MatrixAttributeNames.Closure(o.Attribute).HasFlag(MatrixAttributeNames.Closure(s.Attribute))));

    // "square" is a candidate for a symbol not declared square that the entry's binding does not already make
    // square — or does only by the shape condition an ill-formed entry needs (the whole entry's binding
    // identifies the sizes its sides alone leave apart).
    private static List<Choice> Singles(CatalogEntry entry, BoundEntry bound, bool shapeCondition)
    {
        var declaredSquare = entry.Shapes.Where(s => ShapeDeclaration.Read(s.Value.Text, out _, out _) is { IsSquare: true }).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var definitions = entry.Where.Select(w => w.Name).Concat(entry.Frozen.Select(f => f.Name)).ToHashSet(StringComparer.Ordinal);
        var result = new List<Choice>();
        foreach (var (name, shape) in bound.Symbols.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (definitions.Contains(name) || shape.Rows.IsOne || shape.Columns.IsOne) continue;
            var has = MatrixAttributeNames.Closure(bound.AttributesOf(name));
            var square = declaredSquare.Contains(name) || (!shapeCondition && Equals(shape.Rows, shape.Columns));
            foreach (var attribute in Order)
            {
                if (attribute == MatrixAttributes.Square && square) continue;
                if (name == bound.VariableName && attribute is not (MatrixAttributes.Square or MatrixAttributes.Invertible)) continue;
                if (has.HasFlag(attribute) || MatrixAttributeNames.Conflict(has | attribute) is not null) continue;
                result.Add(new Choice(name, attribute));
            }
        }
        return result;
    }

    // Two attributes on two symbols, or two on one symbol that neither implies the other and that combine.
    private static List<Choice[]> Pairs(List<Choice> singles)
    {
        var result = new List<Choice[]>();
        for (var a = 0; a < singles.Count; a++)
        {
            for (var b = a + 1; b < singles.Count; b++)
            {
                var (x, y) = (singles[a], singles[b]);
                if (x.Symbol == y.Symbol)
                {
                    var (cx, cy) = (MatrixAttributeNames.Closure(x.Attribute), MatrixAttributeNames.Closure(y.Attribute));
                    if (cx.HasFlag(cy) || cy.HasFlag(cx) || MatrixAttributeNames.Conflict(x.Attribute | y.Attribute) is not null) continue;
                }
                result.Add([x, y]);
            }
        }
        return result;
    }

    // The entry with the set's attributes added to its `shapes:`. A declared non-square size made square means its
    // two sizes are one: the column letter is renamed to the row letter in every declaration (`A: m x n` square
    // beside `X: n x n` is m = n for the whole entry, as the Cookbook's "A and B square" of (51) means), not in A's
    // line alone, where the other declarations would keep the letters apart and every candidate be ill-formed.
    // Where no letter can be renamed (literals on both sides, or a letter a text names, as in I(n)), the columns
    // become the rows in that line only.
    private static CatalogEntry With(CatalogEntry entry, Choice[] set)
    {
        var shapes = entry.Shapes.ToList();
        foreach (var group in set.GroupBy(c => c.Symbol, StringComparer.Ordinal))
        {
            var added = group.Aggregate(MatrixAttributes.None, (a, c) => a | c.Attribute);
            var k = shapes.FindIndex(s => s.Name == group.Key);
            if (k >= 0 && ShapeDeclaration.Read(shapes[k].Value.Text, out _, out _) is { IsSquare: false } rectangular
                && Identification(entry, rectangular) is { } identified)
            {
                shapes = shapes.Select(s => Renamed(s, identified.From, identified.To)).ToList();
            }
            if (k >= 0 && ShapeDeclaration.Read(shapes[k].Value.Text, out _, out _) is { } declared)
            {
                var size = declared.SizeInferred ? declared : declared with { Columns = declared.Rows };
                var text = (size with { Attributes = declared.Attributes | added }).Text();
                shapes[k] = shapes[k] with { Value = shapes[k].Value with { Text = text } };
            }
            else if (k < 0)
            {
                var at = entry.Shapes.Count > 0 ? entry.Shapes[0].Value : entry.Sides.FirstOrDefault() ?? entry.Of!;
                shapes.Add(new NamedText(group.Key, at with { Text = MatrixAttributeNames.Text(added) }));
            }
        }
        return entry with { Shapes = shapes };
    }

    // The letter to rename and its new name, making a declared rows x columns square: the column letter if it can
    // go, else the row letter; null when neither is a plain letter that no text of the entry names.
    private static (string From, string To)? Identification(CatalogEntry entry, ShapeDeclaration declared)
    {
        var texts = entry.Sides.Select(s => s.Text).Concat(entry.Where.Select(w => w.Value.Text)).Append(entry.Of?.Text ?? "").ToArray();
        bool Renamable(string letter) =>
            letter.Length > 0 && char.IsLetter(letter[0]) && letter.All(char.IsLetterOrDigit)
            && !texts.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, $@"(?<![\p{{L}}\p{{N}}_]){letter}(?![\p{{L}}\p{{N}}_])"));
        if (Renamable(declared.Columns)) return (declared.Columns, declared.Rows);
        if (Renamable(declared.Rows)) return (declared.Rows, declared.Columns);
        return null;
    }

    // One declaration with a dimension letter renamed, factors of a product size (`n*q`) included.
    private static NamedText Renamed(NamedText shape, string from, string to)
    {
        if (ShapeDeclaration.Read(shape.Value.Text, out _, out _) is not { SizeInferred: false } declared) return shape;
        string Rename(string size) => string.Join('*', size.Split('*').Select(f => f == from ? to : f));
        var renamed = declared with { Rows = Rename(declared.Rows), Columns = Rename(declared.Columns) };
        return renamed == declared ? shape : shape with { Value = shape.Value with { Text = renamed.Text() } };
    }
}
