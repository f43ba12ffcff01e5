using TraceVerify.Catalog;
using TraceVerify.Proof;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Proof;

public sealed class SmtEncoderTests : IDisposable
{
    private readonly Z3Solver _solver = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _solver.Dispose();

    private static Dictionary<string, int> AllOf(BoundEntry entry, int size) => entry.Dimensions.ToDictionary(d => d, _ => size);

    [Fact]
    public void One_real_constant_per_entry_named_with_one_based_indices_and_a_scalar_by_its_name()
    {
        var entry = Entries.Equality(new Dictionary<string, string> { ["s"] = "scalar" }, "s*tr(A*X)", "tr(X*(s*A))");
        var sizes = AllOf(entry, 1);
        sizes[Assert.Single(entry.Dimensions, d => d == ((TraceVerify.Symbolic.DimVariable)entry.Symbols["X"].Rows).Name)] = 2;

        var query = SmtEncoder.Encode(entry, sizes);

        Assert.Equal(["A", "X", "s"], query.Constants.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([["s"]], query.Constants["s"]);
        Assert.Equal([["X_1_1"], ["X_2_1"]], query.Constants["X"]);
        Assert.Equal([["A_1_1", "A_1_2"]], query.Constants["A"]);
        foreach (var name in new[] { "s", "X_1_1", "X_2_1", "A_1_1", "A_1_2" })
            Assert.Contains($"(declare-const {name} Real)\n", query.Assertions, StringComparison.Ordinal);
        Assert.Contains("(set-logic QF_NRA)\n", query.Assertions, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_with_control_characters_is_escaped_in_the_comment_and_z3_still_reads_the_script()
    {
        var entry = Entries.Equality("tr(A*B)", "tr(B*A)") with { Id = "nul\0id\nline\u001b[31m" };

        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        Assert.Contains("; TraceVerify: entry nulU+0000idU+000AlineU+001B[31m at ", query.Script, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', query.Script);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void A_frozen_copy_shares_the_constants_of_its_variable()
    {
        var entry = Entries.Derivative("tr(A*X*B*Y*C')", "X[j,k]", ["(B*X*C'*A)[k,j]"], new Dictionary<string, string> { ["Y"] = "X" });

        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        Assert.DoesNotContain("Y", query.Constants.Keys);
        Assert.DoesNotContain("Y_", query.Assertions, StringComparison.Ordinal);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void The_script_is_a_complete_replayable_smt_lib_file()
    {
        var entry = Entries.Derivative("tr(V'*log(A*X*B))", "X", "A'*(V ./ (A*X*B))*B'");

        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        Assert.Equal("(set-option :produce-models true)\n" + query.Assertions + "(check-sat)\n(get-model)\n", query.Script);
        var commands = SExpression.ParseAll(query.Script).Select(c => c.Items[0].Text).ToArray();
        Assert.Equal(["set-option", "set-logic", "declare-fun"], commands[..3]);
        Assert.Equal(["assert", "check-sat", "get-model"], commands[^3..]);
        Assert.Contains("(set-logic QF_UFNRA)\n", query.Script, StringComparison.Ordinal);
        Assert.Contains("(declare-fun log_ (Real) Real)\n", query.Script, StringComparison.Ordinal);
        // 1/[AXB]_ij and log_ of it are asserted defined once per entry of AXB, though both sides divide by it.
        Assert.Equal(4, CountOf(query.Assertions, "(assert (not (= "));
        Assert.Equal(4, CountOf(query.Assertions, "(assert (> "));
        Assert.Equal(4, query.ComparedEntries);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void A_false_claim_is_satisfiable_and_a_true_one_is_not()
    {
        var right = Entries.Derivative("tr(A*X*B)", "X", "A'*B'");
        var wrong = Entries.Derivative("tr(A*X*B)", "X", "B*A");

        Assert.Equal(Z3Status.Unsat, _solver.Check(SmtEncoder.Encode(right, AllOf(right, 2)).Assertions).Status);
        Assert.Equal(Z3Status.Sat, _solver.Check(SmtEncoder.Encode(wrong, AllOf(wrong, 2)).Assertions).Status);
    }

    [Fact]
    public void Every_compared_entry_of_every_free_index_value_is_in_the_disjunction()
    {
        var entry = Entries.Equality("(A*B)[i,k]", "sum(j; A[i,j]*B[j,k])", "(B'*A')[k,i]");

        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        // 2·2 values of (i, k), two sides compared with the first.
        Assert.Equal(8, query.ComparedEntries);
        Assert.Contains("; rhs at i=2, k=1\n", query.Assertions.Replace("chain[2]", "rhs", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void Syntactically_equal_sides_compare_nothing_and_are_unsat_outright()
    {
        var entry = Entries.Equality("A+B", "A+B");

        var query = SmtEncoder.Encode(entry, AllOf(entry, 2));

        Assert.Equal(4, query.ComparedEntries);
        var same = Entries.Equality("tr(A)", "tr(A')");
        var trivial = SmtEncoder.Encode(same, AllOf(same, 1));
        Assert.Equal(0, trivial.ComparedEntries);
        Assert.Contains("(assert false)", trivial.Assertions, StringComparison.Ordinal);
        Assert.Equal(Z3Status.Unsat, _solver.Check(trivial.Assertions).Status);
    }

    [Fact]
    public void Constant_names_never_collide_with_each_other_or_with_reserved_symbols()
    {
        var entry = Entries.Equality(new Dictionary<string, string> { ["X_1_1"] = "scalar", ["pi"] = "scalar" }, "X_1_1*X + pi*X", "(X_1_1 + pi)*X");

        var query = SmtEncoder.Encode(entry, AllOf(entry, 1));

        // Scalars are named first and keep their names unless reserved; the matrix entry steps aside.
        Assert.Equal([["X_1_1"]], query.Constants["X_1_1"]);
        Assert.Equal([["pi!1"]], query.Constants["pi"]);
        Assert.Equal([["X_1_1!1"]], query.Constants["X"]);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void A_name_beyond_ascii_is_spelled_with_its_code_points()
    {
        var entry = Entries.Equality("tr(α*B)", "tr(B*α)");

        var query = SmtEncoder.Encode(entry, AllOf(entry, 1));

        Assert.Equal([["u03b1_1_1"]], query.Constants["α"]);
        Assert.Equal(Z3Status.Unsat, _solver.Check(query.Assertions).Status);
    }

    [Fact]
    public void Missing_sizes_and_definitions_are_rejected()
    {
        var entry = Entries.Equality("A*B", "A*B");

        Assert.Throws<ArgumentException>(() => SmtEncoder.Encode(entry, new Dictionary<string, int>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmtEncoder.Encode(entry, AllOf(entry, 0)));
        Assert.Throws<ArgumentException>(() => SmtEncoder.Encode(entry with { Kind = EntryKind.Definition }, AllOf(entry, 1)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
