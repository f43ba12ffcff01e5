using System.CommandLine;
using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class NewCommand
{
    public static Command Create()
    {
        var of = new Option<string>("--of") { Description = "an expression, e.g. \"tr(A*X*B)\"; by a scalar also a vector or matrix, by a vector a declared vector (a Jacobian)" };
        var wrt = new Option<string>("--wrt") { Description = "the variable: X, x, t, or an entry X[j,k]; \"[x, x]\" for a second derivative" };
        var shapes = new Option<string[]>("--shape") { Description = "a shape declaration as a catalog's `shapes:` line, e.g. \"x: n\" (repeatable); written into the entry" };
        var layout = new Option<string?>("--layout") { Description = "a Jacobian's layout: numerator or denominator; written into the entry" };
        var structured = new Option<string?>("--structured-derivative") { Description = "the convention for a derivative by a matrix with attributes: unconstrained or symmetric; written into the entry" };
        var id = new Option<string?>("--id") { Description = "the new entry's id (default: derived from the expression)" };
        var latex = new Option<string?>("--latex") { Description = "a formula in LaTeX instead, e.g. '\\frac{\\partial tr(\\mathbf{AXB})}{\\partial \\mathbf{X}} = \\mathbf{A}^T\\mathbf{B}^T'" };
        var command = new Command("new", "print a ready catalog entry with the derived claim, or one from a LaTeX formula, checked") { of, wrt, id, latex, shapes, layout, structured };
        command.SetAction(result =>
        {
            if (result.GetValue(latex) is { } formula) return NewFromLatex.Run(formula, result.GetValue(id));
            if (result.GetValue(of) is null || result.GetValue(wrt) is null)
            {
                Console.Error.WriteLine("traceverify: error: `new` needs `--of` and `--wrt`, or `--latex`");
                return ExitCodes.Usage;
            }
            var declared = result.GetValue(shapes) ?? [];
            if (Derivation.Run(result.GetValue(of)!, result.GetValue(wrt)!, declared, result.GetValue(layout), result.GetValue(structured)) is not { } d) return ExitCodes.Usage;
            if (d.Claim is not { } claim)
            {
                Console.Error.WriteLine($"traceverify: error: the derivative has no printable form: {IndexNotation.Print(d.Gradient)}");
                return ExitCodes.InternalError;
            }
            var text = result.GetValue(of)!;
            var name = result.GetValue(id) ?? "new-" + Slug(text);
            var b = new StringBuilder();
            b.Append("- id: ").Append(YamlScalar.QuotedAsNeeded(name)).Append('\n');
            b.Append("  eq: \"\"\n");
            var variables = Derivation.Variables(result.GetValue(wrt)!)!;
            b.Append("  title: ").Append(Quote(variables.Count == 1 ? $"d {text} / d {variables[0]}" : $"d² {text} / d {variables[0]} d {variables[1]}")).Append('\n');
            b.Append("  kind: derivative\n");
            if (declared.Length > 0) b.Append("  shapes:\n");
            foreach (var shape in CommandLineShapes.Read(declared)!) b.Append("    ").Append(shape.Name).Append(": ").Append(Quote(shape.Value.Text)).Append('\n');
            b.Append("  of: ").Append(Quote(text)).Append('\n');
            b.Append("  wrt: ").Append(variables.Count == 1 ? Quote(variables[0]) : $"[{string.Join(", ", variables.Select(Quote))}]").Append('\n');
            if (result.GetValue(layout) is { } written) b.Append("  layout: ").Append(Quote(written)).Append('\n');
            if (result.GetValue(structured) is { } convention) b.Append("  structured-derivative: ").Append(Quote(convention)).Append('\n');
            b.Append("  claim: ").Append(Quote(claim)).Append('\n');
            Console.Out.Write(b.ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Slug(string text)
    {
        var slug = new string(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-');
    }

    // Through the YAML emitter: any id or expression reads back as exactly itself, and adds no field.
    private static string Quote(string text) => YamlScalar.DoubleQuoted(text);
}
