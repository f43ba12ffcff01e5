using TraceVerify.Syntax;
using TraceVerify.Syntax.Latex;

namespace TraceVerify.Cli;

// LaTeX given on the command line: read, and each side mapped to the expression language, or its
// diagnostics printed like a compiler's, underlined in the formula.
internal static class LatexInput
{
    public static void Report(string source, string latex, SyntaxError error)
    {
        Console.Error.WriteLine($"{source}:1:{error.Span.Start + 1}: error {error.Code}: {error.Message}");
        Console.Error.WriteLine($"    {latex}");
        Console.Error.WriteLine($"    {new string(' ', error.Span.Start)}{new string('^', Math.Max(1, Math.Min(error.Span.Length, latex.Length - error.Span.Start)))}");
    }

    // The expression-language text of a formula that is one expression; null after printing why not.
    public static string? Expression(string latex, string source = "<latex>")
    {
        var reading = LatexReader.Read(latex);
        if (reading.AllErrors.FirstOrDefault() is { } error) { Report(source, latex, error); return null; }
        if (reading.Sides is not [{ IsDerivative: false } side])
        {
            Console.Error.WriteLine($"{source}:1:1: error: expected one expression, found a formula with {reading.Sides.Count} side{(reading.Sides.Count == 1 ? "" : "s")}");
            return null;
        }
        return SyntaxPrinter.Print(side.Expression!);
    }
}
