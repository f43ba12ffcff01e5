using TraceVerify.Catalog;
using TraceVerify.Tests.Fuzzing;

namespace TraceVerify.Tests.Catalog;

// The symbolic method proves only what holds at the shapes as bound: equal canonical forms include equal shapes.
public class SymbolicCheckTests
{
    [Theory]
    [InlineData("diag(x)*ones", "x'")]
    [InlineData("x", "x'")]
    [InlineData("A*x", "x'*A'")]
    public void A_column_is_not_proved_equal_to_the_row_with_its_entries(string column, string row)
    {
        // Bound without unifying the sides' shapes, as a method sees any entry it is given.
        var outcome = SymbolicCheck.Run(Entries.Equality(column, row));
        Assert.False(outcome.Proved);
        Assert.Equal("inconclusive", outcome.Result.Outcome);
    }

    [Fact]
    public void The_same_column_twice_is_proved()
    {
        Assert.True(SymbolicCheck.Run(Entries.Equality("diag(x)*ones", "x")).Proved);
    }
}
