using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Syntax;

namespace TraceVerify.Reporting;

// One self-contained HTML5 page: inline CSS, no script, no external font or image, so it can be attached
// to a CI run and opened offline. Formulas use the reader's own math font (Cambria Math, STIX Two Math, …):
// with one, brackets stretch around matrices; without, the page still reads correctly.
// The printed and the corrected formula stand one above the other, left-aligned, so their terms line up. Formulas are MathML generated from our own parse trees (a text that does
// not parse is shown as code), counterexamples are MathML matrices. Every text from the catalog or a method
// goes through MathMl.Escape; nothing is inserted raw.
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
          --proved: #1a7f37; --confirmed: #0969da; --refuted: #cf222e; --undecided: #9a6700; --ill: #8250df; --definition: #59636e; --error: #000000; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; } }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; line-height: 1.45; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; white-space: pre-wrap; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        .muted, .where, .expected { color: var(--muted); }
        .badge { display: inline-block; border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.8rem; font-weight: 600; color: #fff; white-space: nowrap; }
        .badge.proved { background: var(--proved); } .badge.confirmed { background: var(--confirmed); } .badge.refuted { background: var(--refuted); }
        .badge.undecided { background: var(--undecided); } .badge.ill-formed { background: var(--ill); } .badge.definition { background: var(--definition); } .badge.error { background: var(--error); }
        .badge.mismatch { background: transparent; color: var(--refuted); border: 1px solid var(--refuted); }
        .summary { display: flex; flex-wrap: wrap; gap: 0.8rem; list-style: none; padding: 0; }
        .gate.ok { color: var(--proved); } .gate.fail { color: var(--refuted); font-weight: 600; }
        .entry { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1rem; margin: 1rem 0; }
        .entry.mismatch { border-color: var(--refuted); border-width: 2px; }
        .entry > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.6rem; }
        .entry h3 { margin: 0; font-size: 1.05rem; }
        .formula { overflow-x: auto; }
        .compare { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; align-items: center;
          border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem; }
        .compare figure { display: contents; }
        .compare .cell { overflow-x: auto; overflow-y: hidden; }
        .compare .cell math { display: inline math; }
        .compare .corrected .cell math { background: color-mix(in srgb, var(--proved) 12%, transparent); border-radius: 4px; }
        .compare figcaption, .formula .caption, p.caption { font-size: 0.8rem; color: var(--muted); }
        math { font-family: math, "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", serif; font-size: 1.1em; }
        .values { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; }
        .diagnostics li.error code { color: var(--refuted); }
        math[display="block"] { margin: 0.4rem 0; }
        """;

    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var anchors = Anchors(report);
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<meta name=\"generator\" content=\"").Append(E($"{report.Tool} {report.Version}")).Append("\">\n")
         .Append("<title>TraceVerify report</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

        b.Append("<header>\n<h1>TraceVerify report</h1>\n");
        b.Append("<p class=\"muted\">").Append(E($"{report.Tool} {report.Version}")).Append(" · seed <code>").Append(report.Seed).Append("</code>");
        if (report.Z3Version is { } z3) b.Append(" · Z3 ").Append(E(z3));
        b.Append(" · catalogs ").Append(string.Join(", ", report.Catalogs.Select(c => $"<code>{E(c)}</code>"))).Append("</p>\n");
        b.Append("<ul class=\"summary\">\n");
        foreach (var verdict in Enum.GetValues<Verdict>())
            b.Append("<li>").Append(Badge(verdict)).Append(' ').Append(report.Count(verdict)).Append("</li>\n");
        b.Append("</ul>\n");
        var gate = report.Mismatches == 0 && report.Disagreements == 0;
        b.Append("<p class=\"gate ").Append(gate ? "ok" : "fail").Append("\">")
         .Append(gate ? "Every verdict matches its expectation." : E(ReportText.Mismatches(report) + (report.Disagreements > 0 ? $"; {report.Disagreements} internal disagreement(s)" : "") + "."))
         .Append("</p>\n</header>\n<main>\n");

        b.Append("<table class=\"index\">\n<thead><tr><th>id</th><th>eq</th><th>kind</th><th>verdict</th><th>expected</th></tr></thead>\n<tbody>\n");
        foreach (var e in report.Entries)
        {
            b.Append("<tr><td><a href=\"#").Append(anchors[e]).Append("\">").Append(E(e.Id)).Append("</a></td><td>").Append(E(e.Eq))
             .Append("</td><td>").Append(ReportText.Kind(e)).Append("</td><td>").Append(Badge(e.Verdict)).Append(Mismatch(e))
             .Append("</td><td>").Append(Expectations.Text(e.Expected)).Append("</td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n");

        foreach (var (file, entries) in ReportText.ByFile(report))
        {
            b.Append("<section class=\"catalog\">\n<h2><code>").Append(E(file)).Append("</code></h2>\n");
            foreach (var e in entries) AppendEntry(b, e, anchors[e]);
            b.Append("</section>\n");
        }
        b.Append("</main>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void AppendEntry(StringBuilder b, EntryResult e, string anchor)
    {
        var verdict = Expectations.Text(e.Verdict);
        b.Append("<article class=\"entry").Append(e.MatchesExpected ? "" : " mismatch").Append("\" id=\"").Append(anchor)
         .Append("\" data-verdict=\"").Append(verdict).Append("\" data-expected=\"").Append(Expectations.Text(e.Expected)).Append("\">\n");
        b.Append("<header><h3>").Append(E(e.Id));
        if (e.Eq.Length > 0) b.Append(" <span class=\"eq\">(").Append(E(e.Eq)).Append(")</span>");
        if (e.Details?.Title is { } title) b.Append(" — ").Append(E(title));
        b.Append("</h3> ").Append(Badge(e.Verdict)).Append(Mismatch(e))
         .Append(" <span class=\"expected\">expected ").Append(Expectations.Text(e.Expected)).Append("</span>")
         .Append(" <span class=\"where\"><code>").Append(E($"{e.File}:{e.Line}:{e.Column}")).Append("</code></span>")
         .Append(" <span class=\"muted\">").Append(ReportText.Seconds(e.Seconds)).Append(" s</span></header>\n");

        var printed = e.Details is { Texts.Count: > 0 } d ? Formula(d.Texts) : null;
        if (printed is not null && e.Details?.Corrected is { } corrected)
        {
            b.Append("<div class=\"compare\">\n<figure class=\"printed\"><figcaption>as printed</figcaption>\n<div class=\"cell\">").Append(printed)
             .Append("</div></figure>\n<figure class=\"corrected\"><figcaption>corrected</figcaption>\n<div class=\"cell\">").Append(Formula([corrected]))
             .Append("</div></figure>\n</div>\n");
        }
        else if (printed is not null)
        {
            var caption = e.Kind switch { EntryKind.Derivative => "claimed derivative", EntryKind.Definition => "expression", _ => "identity" };
            b.Append("<div class=\"formula\"><span class=\"caption\">").Append(caption).Append("</span>\n").Append(printed).Append("</div>\n");
        }

        if (e.Counterexample is { } c) AppendCounterexample(b, c);
        if (e.Suggestion is { } suggestion) b.Append("<p class=\"suggestion\"><strong>Suggestion:</strong> ").Append(E(suggestion)).Append("</p>\n");
        if (e.Hypotheses is { } hypotheses)
        {
            b.Append("<div class=\"hypotheses\"><p><strong>Forgotten hypothesis:</strong> ").Append(E(hypotheses.Outcome)).Append("</p>\n");
            if (hypotheses.Found.Count > 0)
            {
                b.Append("<ul>\n");
                foreach (var f in hypotheses.Found)
                    b.Append("<li><code>").Append(E(f.Set)).Append("</code>: ").Append(E(f.Verdict)).Append(" <span class=\"muted\">(").Append(E(f.Evidence)).Append(")</span></li>\n");
                b.Append("</ul>\n");
            }
            b.Append("</div>\n");
        }
        if (e.Details is { TermComparison.Count: > 0 } terms)
            b.Append("<p class=\"caption\">Term by term:</p>\n<pre class=\"terms\">").Append(ELines(terms.TermComparison)).Append("</pre>\n");
        if (e.Diagnostics.Count > 0)
        {
            b.Append("<ul class=\"diagnostics\">\n");
            foreach (var diagnostic in e.Diagnostics)
                b.Append("<li class=\"").Append(diagnostic.SeverityText).Append("\"><code>").Append(E(diagnostic.ToString())).Append("</code></li>\n");
            b.Append("</ul>\n");
        }
        if (e.Methods.Count > 0)
        {
            b.Append("<table class=\"methods\">\n<thead><tr><th>method</th><th>outcome</th><th>evidence</th></tr></thead>\n<tbody>\n");
            foreach (var m in e.Methods)
                b.Append("<tr><td>").Append(E(m.Name)).Append("</td><td>").Append(E(m.Outcome)).Append("</td><td>").Append(E(m.Detail)).Append("</td></tr>\n");
            b.Append("</tbody>\n</table>\n");
        }
        if (e.Details is { } details && (details.Latex is not null || details.Note is not null || details.Texts.Count > 0 || details.CanonicalForms.Count > 0))
        {
            b.Append("<details>\n<summary>source</summary>\n");
            if (details.Texts.Count > 0) b.Append("<pre class=\"texts\">").Append(ELines(details.Texts)).Append("</pre>\n");
            if (details.Latex is { } latex) b.Append("<p class=\"caption\">LaTeX as printed:</p>\n<pre class=\"latex\">").Append(E(latex)).Append("</pre>\n");
            if (details.Note is { } note) b.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
            if (details.Derived is { } derived) b.Append("<p class=\"caption\">Derived:</p>\n<pre class=\"derived\">").Append(E(derived)).Append("</pre>\n");
            if (details.CanonicalForms.Count > 0)
                b.Append("<p class=\"caption\">Canonical index forms:</p>\n<pre class=\"canonical\">").Append(ELines(details.CanonicalForms)).Append("</pre>\n");
            b.Append("</details>\n");
        }
        b.Append("</article>\n");
    }

    private static void AppendCounterexample(StringBuilder b, Counterexample c)
    {
        b.Append("<section class=\"counterexample\">\n<h4>Counterexample</h4>\n<p>").Append(E(ReportText.CounterexampleHeader(c))).Append("</p>\n");
        if (c.Dimensions.Count > 0) b.Append("<p class=\"sizes\">sizes: ").Append(E(ReportText.Assignments(c.Dimensions))).Append("</p>\n");
        if (c.IndexValues.Count > 0) b.Append("<p class=\"indices\">indices: ").Append(E(ReportText.Assignments(c.IndexValues))).Append("</p>\n");
        b.Append("<div class=\"values\">\n");
        foreach (var (name, rows) in c.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            b.Append(MathMl.Math($"<mrow><mi>{E(name)}</mi><mo>=</mo>{MathMl.Matrix(rows)}</mrow>", block: false)).Append('\n');
        b.Append("</div>\n<table class=\"sides\">\n<tr><th>left</th><td><code>").Append(E(c.Left)).Append("</code></td></tr>\n")
         .Append("<tr><th>right</th><td><code>").Append(E(c.Right)).Append("</code></td></tr>\n</table>\n");
        if (c.Differences.Count > 0)
        {
            b.Append("<ul class=\"differences\">\n");
            foreach (var d in c.Differences) b.Append("<li><code>").Append(E(d)).Append("</code></li>\n");
            b.Append("</ul>\n");
        }
        b.Append("</section>\n");
    }

    // Texts that are all equal to one another (a chain, or every claim of a derivative) as one a = b = c; a
    // text that does not parse falls back to code, beside the others rendered one by one.
    private static string Formula(IReadOnlyList<string> texts)
    {
        var parsed = texts.Select(t => (Text: t, Result: Parser.Parse(t))).ToList();
        if (parsed.All(p => p.Result.Succeeded))
            return MathMl.Math(string.Join("<mo>=</mo>", parsed.Select(p => MathMl.Render(p.Result.Node!)))) + "\n";
        var pieces = parsed.Select(p => p.Result.Succeeded
            ? MathMl.Math(MathMl.Render(p.Result.Node!), block: false)
            : $"<code class=\"unparsed\">{E(p.Text)}</code>");
        return "<p>" + string.Join(" = ", pieces) + "</p>\n";
    }

    private static string Badge(Verdict verdict) => $"<span class=\"badge {Expectations.Text(verdict)}\">{Expectations.Text(verdict)}</span>";

    private static string Mismatch(EntryResult e) => e.MatchesExpected ? "" : " <span class=\"badge mismatch\">mismatch</span>";

    private static string E(string text) => MathMl.Escape(text);

    // Several catalog texts, one per line: each escaped on its own, so none adds a line break.
    private static string ELines(IEnumerable<string> lines) => string.Join("\n", lines.Select(E));

    // Element ids from entry ids: letters, digits, `-` and `_` kept, anything else `-`; a repeat (the same id
    // in two catalogs) gets a numeric suffix so every link has one target.
    private static Dictionary<EntryResult, string> Anchors(Report report)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var anchors = new Dictionary<EntryResult, string>(ReferenceEqualityComparer.Instance);
        foreach (var e in report.Entries)
        {
            var stem = "entry-" + new string(e.Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            var anchor = stem;
            for (var k = 2; !used.Add(anchor); k++) anchor = $"{stem}-{k}";
            anchors[e] = anchor;
        }
        return anchors;
    }
}
