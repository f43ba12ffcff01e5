using TraceVerify.Symbolic;

namespace TraceVerify.Tests.Symbolic;

// Declared letters are rigid: distinct, general sizes that only fresh dimensions may join.
public class DimensionClassesTests
{
    [Fact]
    public void A_declared_letter_is_never_made_equal_to_another_letter_to_one_or_to_a_literal()
    {
        var classes = new DimensionClasses(["m", "n"], rigidDeclarations: true);
        var m = classes.Declared("m");
        var n = classes.Declared("n");
        Assert.False(classes.Unify(m, n));
        Assert.Equal((m, n), classes.LastConflict);
        Assert.False(classes.Unify(n, Dim.One));
        Assert.False(classes.Unify(new KnownDim(5), m));
        Assert.NotNull(classes.LastConflict);
        Assert.True(classes.Unify(m, classes.Declared("m")));
        Assert.Null(classes.LastConflict);
        Assert.Equal(classes.Declared("5"), new KnownDim(5));
    }

    [Fact]
    public void Fresh_dimensions_join_a_declared_letter_which_stays_the_representative()
    {
        var classes = new DimensionClasses(["m"], rigidDeclarations: true);
        var fresh = classes.Fresh();
        var other = classes.Fresh();
        var m = classes.Declared("m");
        Assert.True(classes.Unify(fresh, other));
        Assert.True(classes.Unify(m, fresh));
        Assert.Equal(new DimVariable("m"), classes.Resolve(other));
        Assert.NotEqual("m", classes.Display(classes.Fresh()));
        Assert.False(classes.Unify(other, Dim.One));
        Assert.Null(classes.DeclaredIdentifications());
    }

    [Fact]
    public void Without_rigid_declarations_the_identifications_they_would_need_are_named()
    {
        var classes = new DimensionClasses(["m", "n", "p"], rigidDeclarations: false);
        Assert.True(classes.Unify(classes.Declared("n"), classes.Declared("m")));
        Assert.True(classes.Unify(classes.Declared("m"), Dim.One));
        Assert.True(classes.Unify(classes.Declared("p"), classes.Fresh()));
        Assert.Equal("m = n = 1", classes.DeclaredIdentifications());
    }
}
