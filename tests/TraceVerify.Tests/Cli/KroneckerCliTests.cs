using System.Text.Json;

namespace TraceVerify.Tests.Cli;

// kron and vec through the real binary: a catalog with a vector declared as a product, one declared with a
// plain letter (ill-formed, TV0235 at its place), a misprint refuted with an exact counterexample.
public class KroneckerCliTests
{
    private const string Catalog = """
        - id: product-vector
          kind: equality
          shapes: {A: m x n, B: p x q, y: n*q}
          lhs: (kron(A, B)*y)'*(kron(A, B)*y)
          rhs: y'*kron(A'*A, B'*B)*y
          expect: holds
        - id: plain-vector
          kind: equality
          shapes: {A: m x n, B: p x q, y: k}
          lhs: kron(A, B)*y
          rhs: kron(A, B)*y
          expect: ill-formed
        - id: roth
          kind: equality
          shapes: {A: m x n, X: n x p, B: p x q}
          lhs: vec(A*X*B)
          rhs: kron(B', A)*vec(X)
          expect: proved
        - id: misprint
          kind: equality
          shapes: {A: n x n, X: n x n, B: n x n}
          lhs: vec(A*X*B)
          rhs: kron(A, B')*vec(X)
          expect: refuted
        """;

    [Fact]
    public void Check_decides_each_entry_and_locates_the_product_size_error()
    {
        var dir = Directory.CreateTempSubdirectory("tv-kron-");
        File.WriteAllText(Path.Combine(dir.FullName, "kron.yaml"), Catalog);
        var run = CliRunner.Invoke(dir.FullName, "check", "kron.yaml", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("confirmed", entries["product-vector"].GetProperty("verdict").GetString());
        Assert.Equal("proved", entries["roth"].GetProperty("verdict").GetString());
        Assert.Equal("refuted", entries["misprint"].GetProperty("verdict").GetString());
        var plain = entries["plain-vector"];
        Assert.Equal("ill-formed", plain.GetProperty("verdict").GetString());
        var error = plain.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal("TV0235", error.GetProperty("code").GetString());
        Assert.Equal(10, error.GetProperty("line").GetInt32());
        Assert.Equal(18, error.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Derive_goes_through_kron_and_vec()
    {
        var run = CliRunner.Invoke(CliRunner.RepositoryRoot, "derive", "vec(X)'*kron(B, A)*vec(X)", "--wrt", "X");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("A*X*B' + A'*X*B", run.Output.Trim());
    }
}
