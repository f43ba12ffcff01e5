using BenchmarkDotNet.Running;

namespace TraceVerify.Benchmarks;

// dotnet run -c Release --project bench/TraceVerify.Benchmarks -- --filter '*'      the BenchmarkDotNet suite
//   … -- scaling                     the scaling series, exponents and targets (warm Stopwatch medians)
//   … -- methods                     fuzz (and, once it exists, Z3) throughput
//   … -- list OUT.json               the derivatives bench/compare-sympy.sh gives both sides
//   … -- compare LIST.json SYMPY.json  TraceVerify's side of the comparison, as a markdown table
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["scaling"]:
                return ScalingRun.Run(Console.Out);
            case ["methods"]:
                return MethodsRun.Run(Console.Out);
            case ["list", var output]:
                DerivativeListFile.Write(output, DerivativeList.All(RepositoryPaths.InRoot(DerivativeList.NotesFile)));
                return 0;
            case ["compare", var list, var sympy]:
                return CompareRun.Run(list, sympy, Console.Out);
            case ["scaling" or "methods" or "list" or "compare", ..]:
                Console.Error.WriteLine("usage: scaling | methods | list OUT.json | compare LIST.json SYMPY.json | BenchmarkDotNet arguments (--filter '*')");
                return 64;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
                return 0;
        }
    }
}
