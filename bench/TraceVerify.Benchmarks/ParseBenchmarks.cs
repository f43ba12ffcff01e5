using BenchmarkDotNet.Attributes;
using TraceVerify.Syntax;

namespace TraceVerify.Benchmarks;

// Lexing and parsing the notes' (19) and the four-term claim (20).
public class ParseBenchmarks
{
    private const string Beast = "tr(A*X*X'*B*C*X'*X*C)";
    private const string BeastDerivative = "(A)'*(X'*B*C*X'*X*C)' + (B*C*X'*X*C)*(A*X) + (X*C)*(A*X*X'*B*C) + (A*X*X'*B*C*X')'*(C)'";

    [Benchmark]
    public object Parse19() => Parser.Parse(Beast);

    [Benchmark]
    public object Parse20() => Parser.Parse(BeastDerivative);
}
