using System.CommandLine;
using System.Text;
using TraceVerify.Catalog;
using TraceVerify.Symbolic;

namespace TraceVerify.Cli;

internal static class NewCommand
{
    public static Command Create()
    {
        var of = new Option<string>("--of") { Description = "a scalar expression, e.g. \"tr(A*X*B)\"" };
        var wrt = new Option<string>("--wrt") { Description = "the variable: X, x, or an entry X[j,k]" };
        var id = new Option<string?>("--id") { Description = "the new entry's id (default: derived from the expression)" };
        var latex = new Option<string?>("--latex") { Description = "a formula in LaTeX instead, e.g. '\\frac{\\partial tr(\\mathbf{AXB})}{\\partial \\mathbf{X}} = \\mathbf{A}^T\\mathbf{B}^T'" };
        var command = new Command("new", "print a ready catalog entry with the derived claim, or one from a LaTeX formula, checked") { of, wrt, id, latex };
        command.SetAction(result =>
        {
            if (result.GetValue(latex) is { } formula) return NewFromLatex.Run(formula, result.GetValue(id));
            if (result.GetValue(of) is null || result.GetValue(wrt) is null)
            {
                Console.Error.WriteLine("traceverify: error: `new` needs `--of` and `--wrt`, or `--latex`");
                return ExitCodes.Usage;
            }
            if (Derivation.Run(result.GetValue(of)!, result.GetValue(wrt)!) is not { } d) return ExitCodes.Usage;
            if (MatrixForm.ToExpr(d.Gradient, d.Forms) is not { } claim)
            {
                Console.Error.WriteLine($"traceverify: error: the derivative has no printable form: {IndexNotation.Print(d.Gradient)}");
                return ExitCodes.InternalError;
            }
            var text = result.GetValue(of)!;
            var name = result.GetValue(id) ?? "new-" + Slug(text);
            var b = new StringBuilder();
            b.Append("- id: ").Append(YamlScalar.QuotedAsNeeded(name)).Append('\n');
            b.Append("  eq: \"\"\n");
            b.Append("  title: ").Append(Quote($"d {text} / d {result.GetValue(wrt)}")).Append('\n');
            b.Append("  kind: derivative\n");
            b.Append("  of: ").Append(Quote(text)).Append('\n');
            b.Append("  wrt: ").Append(Quote(result.GetValue(wrt)!)).Append('\n');
            b.Append("  claim: ").Append(Quote(ExprPrinter.Print(claim))).Append('\n');
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
