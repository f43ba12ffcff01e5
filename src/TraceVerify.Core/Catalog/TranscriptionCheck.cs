using TraceVerify.Diagnostics;
using TraceVerify.Symbolic;
using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Catalog;

// Does an entry's `latex:` state the claim its expressions state? The formula is read (LatexReader) and
// each of its sides is bound together with the entry's own texts, in the entry's context (where, shapes,
// frozen), and compared by canonical index form — equal forms are the same claim for every shape; where the
// forms differ (which proves nothing), the verifier's numeric methods decide (a confirmed counterexample is a
// mismatch, agreement is reported as numerical).
// How the sides line up, as the notes print them:
//   - a derivative formula starts with ∂of/∂wrt: wrt must be the entry's wrt, of its `of`;
//   - a lone symbol the entry does not use (the notes' `f`) stands for the subject and is not compared,
//     as the `of` of a derivative or as the first side of an equality;
//   - the remaining sides are the entry's last sides, in order (a formula starting with `=` continues the
//     one before it, so it states only the final forms); a leading side the language cannot say (the
//     notes' (18) writes a sum of derivatives) is listed as not compared, every other side must compare.
// A mismatch (TV0310–TV0313) or a side that cannot be compared (TV0314) is an error that fails the gate,
// unless the entry says `latex-check: "skip: <reason>"`.
internal static class TranscriptionCheck
{
    public const string MethodName = "latex";
    private const string SkipPrefix = "skip:";

    public sealed record Outcome(MethodResult? Method, IReadOnlyList<Diagnostic> Diagnostics);

    public static bool FailsGate(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Severity == Severity.Error && diagnostic.Code is DiagnosticCodes.TranscriptionMismatch or DiagnosticCodes.TranscriptionVariable
            or DiagnosticCodes.TranscriptionFunction or DiagnosticCodes.TranscriptionSideCount or DiagnosticCodes.TranscriptionUnreadable or DiagnosticCodes.TranscriptionBadSkip;
    }

    // The verifier's result with the check's evidence and diagnostics added; `numeric` (the verifier's own
    // methods) decide a side whose canonical form differs from the entry's.
    public static EntryResult Apply(CatalogEntry entry, EntryResult result, IReadOnlyList<ICheckMethod>? numeric = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(result);
        var outcome = Run(entry, numeric, seed);
        if (outcome.Method is null && outcome.Diagnostics.Count == 0) return result;
        return result with
        {
            Methods = outcome.Method is null ? result.Methods : [.. result.Methods, outcome.Method],
            Diagnostics = [.. result.Diagnostics, .. outcome.Diagnostics],
        };
    }

    public static Outcome Run(CatalogEntry entry, IReadOnlyList<ICheckMethod>? numeric = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LatexText is not { } latex) return new Outcome(null, []);
        if (entry.LatexCheck is { } check)
        {
            var text = check.Text.Trim();
            if (text.StartsWith(SkipPrefix, StringComparison.Ordinal) && text.Length > SkipPrefix.Length && !string.IsNullOrWhiteSpace(text[SkipPrefix.Length..]))
                return new Outcome(new MethodResult(MethodName, "skipped", text[SkipPrefix.Length..].Trim()), []);
            return new Outcome(null, [Diagnostic.Error(DiagnosticCodes.TranscriptionBadSkip,
                "`latex-check` must be \"skip: <reason>\" (say why the printed formula and the claim differ)", check.Start)]);
        }
        if (entry.Kind is not { } kind || entry.Diagnostics.Any(d => d.Severity == Severity.Error)) return new Outcome(null, []);

        var scalars = entry.Shapes.Where(d => d.Value.Text.Trim() == "scalar").Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var vectors = entry.Shapes.Where(d => ShapeDeclaration.TryParse(d.Value.Text, out var shape) && shape.Columns == "1" && shape.Rows != "1")
            .Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var reading = LatexReader.Read(latex.Text, scalars, vectors);
        if (!reading.Read)
        {
            var error = reading.Errors[0];
            return Unchecked($"the latex does not read: {error.Message}", latex.Locate(error.Span), error.Code);
        }
        if (kind == EntryKind.Definition && entry.Sides.Count == 0)
            return new Outcome(new MethodResult(MethodName, "reads", "the latex reads; a definition without `expr` states nothing to compare"), []);
        try
        {
            return new Comparison(entry, kind, latex, reading, scalars, vectors, numeric ?? [], seed).Run();
        }
        catch (ExpansionLimitException e)
        {
            return Unchecked($"the forms are too large to compare: {e.Message}", latex.Start, null);
        }
    }

    private static Outcome Unchecked(string why, SourceLocation at, string? code)
    {
        var message = $"cannot check the transcription: {why}" + (code is null ? "" : $" ({code})");
        return new Outcome(new MethodResult(MethodName, "unchecked", why), [Diagnostic.Error(DiagnosticCodes.TranscriptionUnreadable, message, at)]);
    }

    private sealed class Comparison(CatalogEntry entry, EntryKind kind, SourceText latex, LatexReading reading, IReadOnlySet<string> scalars, IReadOnlySet<string> vectors,
        IReadOnlyList<ICheckMethod> numeric, long seed)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<string> _agreed = [];
        private readonly List<string> _notCompared = [];
        private readonly List<string> _numerically = [];
        private readonly HashSet<string> _entryNames = EntryNames(entry);
        private readonly Lazy<string?> _ownRestriction = new(() => EntryBinder.Bind(entry).ShapeRestriction);

        public Outcome Run()
        {
            var sides = reading.Sides.ToList();
            var lead = reading.Continues ? null : sides.FirstOrDefault();
            if (kind == EntryKind.Derivative && lead is not null)
            {
                if (!lead.IsDerivative)
                    return Mismatch(DiagnosticCodes.TranscriptionSideCount, "the latex states no derivative ∂…/∂…, the entry is a derivative", lead.Source.Span);
                // ∇ₓf = ∂f/∂x = …, or the Cookbook's (69) ∂xᵀa/∂x = ∂aᵀx/∂x = a: several derivatives side by side.
                var heads = sides.TakeWhile(s => s.IsDerivative).ToList();
                sides.RemoveRange(0, heads.Count);
                if (heads.Count == 1) CompareDerivative(lead);
                else CompareDerivatives(heads);
            }
            else if (lead is { IsDerivative: true })
            {
                return Mismatch(DiagnosticCodes.TranscriptionSideCount, $"the latex states a derivative, the entry is {(kind == EntryKind.Equality ? "an equality" : "a definition")}", lead.Source.Span);
            }
            else if (lead is { Expression: NameSyntax subject } && !_entryNames.Contains(subject.Name) && sides.Count > 1)
            {
                sides.RemoveAt(0);
                _notCompared.Add($"`{subject.Name}` names the subject");
            }
            foreach (var point in reading.Equation!.EvaluatedAt) CompareEvaluation(point);
            foreach (var definition in reading.Equation.Definitions) CompareDefinition(definition);
            if (_diagnostics.Count > 0) return Finish();

            if (kind == EntryKind.Definition && entry.Sides.Count == 1) return RunDefinition(sides);
            var targets = entry.Sides;
            var extra = sides.Count - targets.Count;
            for (var k = 0; k < Math.Max(0, extra); k++)
            {
                if (sides[k].Mapped)
                    return Mismatch(DiagnosticCodes.TranscriptionSideCount, $"the latex states {sides.Count} forms, the entry {targets.Count}", sides[k].Source.Span);
                _notCompared.Add($"an intermediate form ({sides[k].Error!.Message})");
            }
            if (sides.Count == 0 && targets.Count > 0)
                return Mismatch(DiagnosticCodes.TranscriptionSideCount, $"the latex states no form to compare with the entry's {targets.Count}", reading.Equation!.Span);
            for (var k = Math.Max(0, extra); k < sides.Count; k++)
            {
                var target = targets.Count - (sides.Count - k);
                CompareSide(sides[k], target);
            }
            return Finish();
        }

        // A definition states that every form of its formula is its one expression.
        private Outcome RunDefinition(List<LatexSide> sides)
        {
            foreach (var side in sides) CompareSide(side, 0);
            return Finish();
        }

        private Outcome Finish()
        {
            if (_diagnostics.Count > 0)
            {
                var outcome = _diagnostics.All(d => d.Code == DiagnosticCodes.TranscriptionUnreadable) ? "unchecked" : "mismatch";
                return new Outcome(new MethodResult(MethodName, outcome, string.Join("; ", _diagnostics.Select(d => d.Message))), _diagnostics);
            }
            var detail = "the latex states the same claim: " + string.Join(", ", _agreed)
                + (_numerically.Count == 0 ? "" : "; by canonical form except where numerically (" + string.Join(", ", _numerically) + ")")
                + (_notCompared.Count == 0 ? "" : "; not compared: " + string.Join(", ", _notCompared));
            return new Outcome(new MethodResult(MethodName, "agrees", detail), []);
        }

        private Outcome Mismatch(string code, string message, TextSpan span)
        {
            _diagnostics.Add(Diagnostic.Error(code, "transcription mismatch: " + message, latex.Locate(span)));
            return Finish();
        }

        private void CompareDerivative(LatexSide side)
        {
            if (!side.Mapped)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranscriptionUnreadable, $"cannot check the transcription: {side.Error!.Message} ({side.Error.Code})", latex.Locate(side.Error.Span)));
                return;
            }
            var wrt = SyntaxPrinter.Print(side.Wrt!);
            var entryWrt = Parser.Parse(entry.Wrt!.Text);
            var expected = entryWrt.Succeeded ? SyntaxPrinter.Print(entryWrt.Node!) : entry.Wrt.Text;
            if (wrt != expected)
            {
                Mismatch(DiagnosticCodes.TranscriptionVariable, $"the latex differentiates with respect to `{wrt}` where the entry has `{expected}`", side.Wrt!.Span);
                return;
            }
            _agreed.Add($"wrt `{wrt}`");
            if (side.Of is NameSyntax subject && !_entryNames.Contains(subject.Name))
            {
                _notCompared.Add($"`{subject.Name}` names the function");
                return;
            }
            var of = SyntaxPrinter.Print(side.Of!);
            var synthetic = entry with { Kind = EntryKind.Equality, Sides = [entry.Of!, Generated(of)], Of = null, Wrt = null, Diagnostics = [] };
            var (same, problem) = Same(synthetic, 0, 1);
            if (same) _agreed.Add($"of `{of}`");
            else Mismatch(DiagnosticCodes.TranscriptionFunction, $"the latex differentiates `{of}` where the entry has `{entry.Of!.Text}`{problem}", side.Of!.Span);
        }

        // Several derivatives equal to each other: one must be the entry's (its `of`, or a lone symbol naming
        // it), every one must be by the entry's variable; one of another function g states ∂g/∂wrt = ∂of/∂wrt,
        // which is compared (as ∂(g - of)/∂wrt = 0); one the language cannot state is listed as not compared,
        // as a leading form is.
        private void CompareDerivatives(IReadOnlyList<LatexSide> heads)
        {
            var mapped = heads.Where(h => h.Mapped).ToList();
            var own = mapped.FirstOrDefault(IsEntryFunction);
            if (own is null)
            {
                // None is the entry's: the first readable one (or the first) says why.
                CompareDerivative(mapped.FirstOrDefault() ?? heads[0]);
                return;
            }
            CompareDerivative(own);
            if (_diagnostics.Count > 0) return;
            foreach (var head in heads.Where(h => !ReferenceEquals(h, own)))
            {
                if (!head.Mapped)
                {
                    _notCompared.Add($"a derivative the language cannot state ({head.Error!.Message})");
                    continue;
                }
                var wrt = SyntaxPrinter.Print(head.Wrt!);
                var expected = EntryWrt();
                if (wrt != expected)
                {
                    Mismatch(DiagnosticCodes.TranscriptionVariable, $"the latex differentiates with respect to `{wrt}` where the entry has `{expected}`", head.Wrt!.Span);
                    return;
                }
                var of = SyntaxPrinter.Print(head.Of!);
                if (IsEntryFunction(head))
                {
                    var what = head.Of is NameSyntax subject && !_entryNames.Contains(subject.Name) ? $"`{subject.Name}` names the function" : null;
                    if (what is null) _agreed.Add($"of `{of}`");
                    else if (!_notCompared.Contains(what)) _notCompared.Add(what);
                    continue;
                }
                var synthetic = entry with { Of = Generated($"({of}) - ({entry.Of!.Text})"), Sides = [Generated($"0*({expected})")], Diagnostics = [] };
                var (same, problem) = SameDerivative(synthetic);
                if (same) _agreed.Add($"∂({of})/∂{wrt} the same derivative");
                else
                {
                    Mismatch(DiagnosticCodes.TranscriptionFunction, $"the latex states ∂({of})/∂{wrt} = ∂({entry.Of.Text})/∂{wrt}, which does not hold{problem}", head.Of!.Span);
                    return;
                }
            }
        }

        private bool IsEntryFunction(LatexSide head)
        {
            if (head.Of is NameSyntax subject && !_entryNames.Contains(subject.Name)) return true;
            var synthetic = entry with { Kind = EntryKind.Equality, Sides = [entry.Of!, Generated(SyntaxPrinter.Print(head.Of!))], Of = null, Wrt = null, Diagnostics = [] };
            return Same(synthetic, 0, 1).Same;
        }

        private string EntryWrt()
        {
            var entryWrt = Parser.Parse(entry.Wrt!.Text);
            return entryWrt.Succeeded ? SyntaxPrinter.Print(entryWrt.Node!) : entry.Wrt.Text;
        }

        // A synthetic derivative entry whose one claim must be its derivative, by canonical form or numerically.
        private (bool Same, string Problem) SameDerivative(CatalogEntry synthetic)
        {
            var (bound, problem) = BindTogether(synthetic);
            if (bound is null) return (false, problem!);
            var context = bound.IndexForms();
            if (SymbolicallyEqual(() => context.Derivative(bound.Of!, bound.Variables, bound.Reversed), () => context.Canonical(bound.Sides[0]))) return (true, "");
            return Numerically(bound);
        }

        // |_{y=x} after the derivative: y is a held-constant copy of x, the entry's `frozen: {y: x}`.
        private void CompareEvaluation(LatexDefinition point)
        {
            var name = point.Name.Name;
            var (value, error) = LatexLowering.TryLower(point.Value, scalars, vectors);
            if (error is not null) { Unreadable(error); return; }
            var text = SyntaxPrinter.Print(value!);
            var frozen = entry.Frozen.FirstOrDefault(f => f.Name == name);
            if (frozen is null || frozen.Value.Text.Trim() != text)
                Mismatch(DiagnosticCodes.TranscriptionVariable, $"the latex evaluates at `{name} = {text}` where the entry has {(frozen is null ? $"no frozen `{name}`" : $"`{name}: {frozen.Value.Text.Trim()}`")}", point.Name.Span);
            else _agreed.Add($"evaluated at `{name} = {text}` (frozen)");
        }

        // ", G = WᵀW" after the formula: the entry's `where: {G: …}`.
        private void CompareDefinition(LatexDefinition definition)
        {
            var name = definition.Name.Name;
            var (value, error) = LatexLowering.TryLower(definition.Value, scalars, vectors);
            if (error is not null) { Unreadable(error); return; }
            var text = SyntaxPrinter.Print(value!);
            var where = entry.Where.FirstOrDefault(w => w.Name == name);
            if (where is null)
            {
                Mismatch(DiagnosticCodes.TranscriptionMismatch, $"the latex defines `{name} = {text}`, the entry has no `where: {name}`", definition.Name.Span);
                return;
            }
            var synthetic = entry with { Kind = EntryKind.Equality, Sides = [where.Value, Generated(text)], Of = null, Wrt = null, Diagnostics = [] };
            var (same, problem) = Same(synthetic, 0, 1);
            if (same) _agreed.Add($"where `{name} = {text}`");
            else Mismatch(DiagnosticCodes.TranscriptionMismatch, $"the latex defines `{name} = {text}` where the entry has `{name}: {where.Value.Text}`{problem}", definition.Value.Span);
        }

        private void CompareSide(LatexSide side, int target)
        {
            var name = EntryBinder.SideName(kind == EntryKind.Definition ? EntryKind.Definition : kind, target, entry.Sides.Count);
            if (!side.Mapped)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranscriptionUnreadable,
                    $"cannot check the transcription of `{name}`: {side.Error!.Message} ({side.Error.Code})", latex.Locate(side.Error.Span)));
                return;
            }
            var text = SyntaxPrinter.Print(side.Expression!);
            var synthetic = kind == EntryKind.Derivative
                ? entry with { Sides = [.. entry.Sides, Generated(text)], Diagnostics = [] }
                : entry with { Kind = EntryKind.Equality, Sides = [.. entry.Sides, Generated(text)], Diagnostics = [] };
            var (same, problem) = Same(synthetic, target, synthetic.Sides.Count - 1);
            if (same) _agreed.Add($"{name} `{text}`");
            else Mismatch(DiagnosticCodes.TranscriptionMismatch, $"the latex has `{text}` where {name} has `{entry.Sides[target].Text}`{problem}", side.Expression!.Span);
        }

        // The synthetic entry bound, or why the latex side and the entry's texts do not go together: they do not
        // type-check together, or only under a shape condition the entry alone does not impose.
        private (BoundEntry? Bound, string? Problem) BindTogether(CatalogEntry synthetic)
        {
            var binding = EntryBinder.Bind(synthetic);
            if (binding.Entry is not { } bound)
            {
                var first = binding.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
                return (null, first is null ? "" : $" (together they do not type-check: {first.Message})");
            }
            if (binding.ShapeRestriction is { } restriction && restriction != _ownRestriction.Value)
                return (null, $" (they agree only if {restriction})");
            return (bound, null);
        }

        private void Unreadable(SyntaxError error) =>
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranscriptionUnreadable, $"cannot check the transcription: {error.Message} ({error.Code})", latex.Locate(error.Span)));

        // Binds the synthetic entry and compares two of its sides by canonical index form.
        // A latex side that type-checks with the entry only under an extra shape condition states another claim.
        private (bool Same, string Problem) Same(CatalogEntry synthetic, int a, int b)
        {
            var (bound, problem) = BindTogether(synthetic);
            if (bound is null) return (false, problem!);
            var context = bound.IndexForms();
            if (SymbolicallyEqual(() => context.Canonical(bound.Sides[a]), () => context.Canonical(bound.Sides[b]))) return (true, "");
            return Numerically(bound with { Kind = EntryKind.Equality, Sides = [bound.Sides[a], bound.Sides[b]], Of = null, Wrt = null });
        }

        // Equal canonical forms; an index form that cannot be built (an inverse of a Kronecker product, a symbol
        // of a product size: IndexSplitException) proves nothing either way, and the numeric methods decide.
        private static bool SymbolicallyEqual(Func<CanonicalSum> left, Func<CanonicalSum> right)
        {
            try
            {
                return left().Equals(right());
            }
            catch (IndexSplitException)
            {
                return false;
            }
        }

        // Canonical forms differ, which proves nothing (the engine does not know every identity): the
        // numeric methods decide — a confirmed counterexample is a mismatch, agreement on every case is
        // agreement "numerically", anything else leaves the forms unequal as far as is known.
        private (bool Same, string Problem) Numerically(BoundEntry pair)
        {
            foreach (var method in numeric)
            {
                var evidence = method.Run(pair, seed, CancellationToken.None);
                if (evidence.Refutes) return (false, $" ({method.Name}: {evidence.Counterexample!.Description})");
                if (evidence.Holds)
                {
                    _numerically.Add($"{method.Name}: {evidence.Result.Outcome}");
                    return (true, "");
                }
            }
            return (false, numeric.Count == 0 ? " (their canonical forms differ)" : " (their canonical forms differ and no numeric method decided)");
        }

        private SourceText Generated(string text) => latex with { Text = text };

        private static HashSet<string> EntryNames(CatalogEntry entry)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var texts = entry.Sides.Concat(new[] { entry.Of, entry.Wrt }.OfType<SourceText>()).Concat(entry.Where.Select(w => w.Value));
            foreach (var text in texts)
            {
                if (Parser.Parse(text.Text) is { Succeeded: true, Node: { } node }) names.UnionWith(SyntaxNames.Of(node));
            }
            names.UnionWith(entry.Where.Select(w => w.Name));
            names.UnionWith(entry.Frozen.Select(f => f.Name));
            return names;
        }
    }
}
