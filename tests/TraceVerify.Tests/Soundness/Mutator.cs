using System.Diagnostics;
using TraceVerify.Catalog;
using TraceVerify.Numeric;
using TraceVerify.Syntax;

namespace TraceVerify.Tests.Soundness;

// Deterministic mutants of catalog entries: mutant k makes an edit of category k mod 12 to one member (a
// derivative's claim, an equality's right-hand side, or any chain member) of an entry drawn with a
// System.Random seeded from the printed seed. An edit that does not apply (no product to swap, no second
// term to drop) is redrawn; a mutant text never repeats (a repeat gets up to three further random edits,
// marked `+n` in its id).
internal static class Mutator
{
    public static IReadOnlyList<Mutant> Generate(IReadOnlyList<CatalogEntry> entries, int seed, int count)
    {
        var sources = entries.Where(e => e.Kind is EntryKind.Equality or EntryKind.Derivative && e.Diagnostics.Count == 0 && e.Sides.Count > 0).ToList();
        var random = new Random(seed);
        var categories = Enum.GetValues<MutationCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mutants = new List<Mutant>();
        for (var k = 0; mutants.Count < count && k < count * 50; k++)
        {
            var category = categories[mutants.Count % categories.Length];
            var entry = sources[random.Next(sources.Count)];
            var target = entry.Kind == EntryKind.Equality && entry.Sides.Count == 2 ? 1 : random.Next(entry.Sides.Count);
            if (Parser.Parse(entry.Sides[target].Text) is not { Succeeded: true, Node: { } root }) continue;
            if (Apply(category, root, random) is not { } mutated) continue;
            var original = SyntaxPrinter.Print(root);
            var text = SyntaxPrinter.Print(mutated);
            var edits = 1;
            // Single edits of a small catalog run out; a repeated text gets further edits of random categories.
            while ((text == original || seen.Contains($"{entry.Id}|{target}|{text}")) && edits < 4)
            {
                if (Apply(categories[random.Next(categories.Length)], mutated, random) is { } further)
                {
                    mutated = further;
                    text = SyntaxPrinter.Print(mutated);
                }
                edits++;
            }
            if (text == original || !seen.Add($"{entry.Id}|{target}|{text}") || text.Length > 2000) continue;
            var members = entry.Sides.Select(s => s.Text).ToList();
            members[target] = text;
            var id = $"{entry.Id}~{Kebab(category)}{(edits > 1 ? $"+{edits - 1}" : "")}~{mutants.Count + 1}";
            mutants.Add(new Mutant(id, entry.Id, category, MutantYaml.Write(id, entry, members)));
        }
        return mutants;
    }

    public static SyntaxNode? Apply(MutationCategory category, SyntaxNode root, Random random)
    {
        switch (category)
        {
            case MutationCategory.TransposeFactor:
                {
                    if (Pick(Operands(root), random) is not { } factor) return null;
                    return SyntaxTrees.Replace(root, factor, factor is TransposeSyntax t ? t.Operand : new TransposeSyntax(factor, default));
                }
            case MutationCategory.SwapFactors:
                {
                    if (Pick(Products(root), random) is not { } product) return null;
                    var factors = SyntaxTrees.Factors(product);
                    var i = random.Next(factors.Count - 1);
                    (factors[i], factors[i + 1]) = (factors[i + 1], factors[i]);
                    return SyntaxTrees.Replace(root, product, SyntaxTrees.Product(factors));
                }
            case MutationCategory.ReverseFactors:
                {
                    if (Pick(Products(root), random) is not { } product) return null;
                    var factors = SyntaxTrees.Factors(product);
                    factors.Reverse();
                    return SyntaxTrees.Replace(root, product, SyntaxTrees.Product(factors));
                }
            case MutationCategory.RotateTrace:
                {
                    var traces = SyntaxTrees.All(root).OfType<CallSyntax>().Where(c => c.Function == "tr" && SyntaxTrees.Factors(c.Argument).Count > 1).ToList();
                    if (Pick(traces, random) is not { } trace) return null;
                    var factors = SyntaxTrees.Factors(trace.Argument);
                    var by = random.Next(1, factors.Count);
                    return SyntaxTrees.Replace(root, trace, trace with { Argument = SyntaxTrees.Product([.. factors.Skip(by), .. factors.Take(by)]) });
                }
            case MutationCategory.TransposeTraceArgument:
                {
                    if (Pick(SyntaxTrees.All(root).OfType<CallSyntax>().Where(c => c.Function == "tr").ToList(), random) is not { } trace) return null;
                    return SyntaxTrees.Replace(root, trace, trace with { Argument = new TransposeSyntax(trace.Argument, default) });
                }
            case MutationCategory.ChangeCoefficient:
                {
                    if (Pick(SyntaxTrees.All(root).OfType<NumberSyntax>().ToList(), random) is { } number)
                    {
                        var changed = random.Next(3) switch { 0 => number.Value + Rational.One, 1 => number.Value * 2, _ => number.Value / 2 };
                        return SyntaxTrees.Replace(root, number, number with { Value = changed });
                    }
                    var (term, _) = SyntaxTrees.Terms(root)[random.Next(SyntaxTrees.Terms(root).Count)];
                    return SyntaxTrees.Replace(root, term, SyntaxTrees.Binary(BinaryOperator.Multiply, new NumberSyntax(random.Next(2) == 0 ? 2 : Rational.Of(1, 2), default), term));
                }
            case MutationCategory.FlipSign:
                {
                    if (Pick(Sums(root), random) is not { } sum) return new NegateSyntax(root, default);
                    var terms = SyntaxTrees.Terms(sum);
                    var i = random.Next(terms.Count);
                    terms[i] = (terms[i].Term, !terms[i].Negative);
                    return SyntaxTrees.Replace(root, sum, SyntaxTrees.SumOf(terms));
                }
            case MutationCategory.DropTerm:
                {
                    if (Pick(Sums(root), random) is not { } sum) return null;
                    var terms = SyntaxTrees.Terms(sum);
                    terms.RemoveAt(random.Next(terms.Count));
                    return SyntaxTrees.Replace(root, sum, SyntaxTrees.SumOf(terms));
                }
            case MutationCategory.DuplicateTerm:
                {
                    var sum = Pick(Sums(root), random) ?? root;
                    var terms = SyntaxTrees.Terms(sum);
                    terms.Add(terms[random.Next(terms.Count)]);
                    return SyntaxTrees.Replace(root, sum, SyntaxTrees.SumOf(terms));
                }
            case MutationCategory.InsertIdentity:
                {
                    if (Pick(Operands(root), random) is not { } factor) return null;
                    var identity = new NameSyntax("I", default);
                    return SyntaxTrees.Replace(root, factor, random.Next(2) == 0
                        ? SyntaxTrees.Binary(BinaryOperator.Multiply, identity, factor)
                        : SyntaxTrees.Binary(BinaryOperator.Multiply, factor, identity));
                }
            case MutationCategory.SwapSymbols:
                {
                    var names = SyntaxTrees.All(root).OfType<NameSyntax>().Select(n => n.Name).Where(n => n is not ("I" or "ones")).Distinct().Order(StringComparer.Ordinal).ToList();
                    if (names.Count < 2) return null;
                    var a = names[random.Next(names.Count)];
                    var b = names.Where(n => n != a).ElementAt(random.Next(names.Count - 1));
                    return Rename(root, a, b);
                }
            case MutationCategory.HadamardForProduct:
                {
                    var products = SyntaxTrees.All(root).OfType<BinarySyntax>().Where(p => p.Operator == BinaryOperator.Multiply).ToList();
                    if (Pick(products, random) is not { } product) return null;
                    return SyntaxTrees.Replace(root, product, product with { Operator = BinaryOperator.Hadamard });
                }
            default:
                throw new UnreachableException($"no mutation for {category}");
        }
    }

    // Factors of products and the operands of transposes, traces and entries: what a transpose or an
    // identity can be put on.
    private static List<SyntaxNode> Operands(SyntaxNode root) =>
        SyntaxTrees.All(root).Where(n => n is NameSyntax { Name: not ("I" or "ones") } or TransposeSyntax or CallSyntax { Function: "tr" or "diag" } or EntrySyntax { SingleIndex: false, Row: null } or EntrySyntax { SingleIndex: false, Column: null }).ToList();

    private static List<SyntaxNode> Products(SyntaxNode root) =>
        SyntaxTrees.ChainHeads(root, n => n is BinarySyntax { Operator: BinaryOperator.Multiply }).Where(p => SyntaxTrees.Factors(p).Count > 1).ToList();

    private static List<SyntaxNode> Sums(SyntaxNode root) =>
        SyntaxTrees.ChainHeads(root, n => n is BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract }).ToList();

    private static T? Pick<T>(IReadOnlyList<T> items, Random random) where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];

    private static SyntaxNode Rename(SyntaxNode root, string a, string b)
    {
        var result = root;
        foreach (var name in SyntaxTrees.All(root).OfType<NameSyntax>().Where(n => n.Name == a || n.Name == b).ToList())
            result = SyntaxTrees.Replace(result, name, name with { Name = name.Name == a ? b : a });
        return result;
    }

    private static string Kebab(MutationCategory category) =>
        string.Concat(category.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
