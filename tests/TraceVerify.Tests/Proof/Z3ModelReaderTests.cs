using TraceVerify.Numeric;
using TraceVerify.Proof;
using Xunit;

namespace TraceVerify.Tests.Proof;

public sealed class Z3ModelReaderTests
{
    [Fact]
    public void ReadsRationalFormsExactlyAndSkipsEverythingElse()
    {
        // The layout Z3 4.8.12 prints, with the value forms it uses for Real, Int and non-rational entries.
        const string output = """
            (
              (define-fun X_1_2 () Real
                (/ 3.0 2.0))
              (define-fun a () Real
                (- 1.0))
              (define-fun b () Real
                (- (/ 1.0 2.0)))
              (define-fun n () Int
                42)
              (define-fun d () Real
                0.5)
              (define-fun r () Real
                (root-obj (+ (^ x 2) (- 2)) 1))
              (define-fun flag () Bool
                true)
              (define-fun log_ ((x!0 Real)) Real
                (ite (= x!0 (/ 9.0 16.0)) 0.0
                  (- 1.0)))
            )
            """;

        var model = Z3ModelReader.Read(output);

        Assert.Equal(["X_1_2", "a", "b", "d", "n"], model.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Rational.Of(3, 2), model["X_1_2"]);
        Assert.Equal(Rational.MinusOne, model["a"]);
        Assert.Equal(Rational.Of(-1, 2), model["b"]);
        Assert.Equal(Rational.Of(42), model["n"]);
        Assert.Equal(Rational.Of(1, 2), model["d"]);
    }

    [Fact]
    public void ReadsTheOlderModelWrapper()
    {
        var model = Z3ModelReader.Read("(model (define-fun |odd name| () Real (/ 7.0 3.0)))");

        Assert.Equal(Rational.Of(7, 3), model["odd name"]);
    }

    [Theory]
    [InlineData("1.41421?")]
    [InlineData("(/ 1.0 0.0)")]
    [InlineData("(root-obj (+ (^ x 2) (- 2)) 1)")]
    [InlineData("y")]
    [InlineData(".5")]
    [InlineData("5.")]
    public void RefusesTermsWithoutAnExactRationalValue(string term)
    {
        var parsed = SExpression.ParseAll(term);

        Assert.False(Z3ModelReader.TryEvaluate(parsed[0], out _));
    }

    [Theory]
    [InlineData("(+ 1 (* 2 (/ 1 4)))", 3, 2)]
    [InlineData("(- 1.25 0.25 2)", -1, 1)]
    [InlineData("(- (- 0.125))", 1, 8)]
    public void EvaluatesNestedArithmeticExactly(string term, long numerator, long denominator)
    {
        Assert.True(Z3ModelReader.TryEvaluate(SExpression.ParseAll(term)[0], out var value));
        Assert.Equal(Rational.Of(numerator, denominator), value);
    }

    [Theory]
    [InlineData("((define-fun a () Real 1.0)")]
    [InlineData("sat")]
    [InlineData("")]
    public void MalformedModelTextIsAFormatError(string output)
    {
        Assert.Throws<FormatException>(() => Z3ModelReader.Read(output));
    }

    [Fact]
    public void StringLiteralsAcceptBothQuoteEscapes()
    {
        var parsed = SExpression.ParseAll("(error \"a \\\"q\\\" and \"\"d\"\" c:\\dir\") ; comment\nnext");

        Assert.Equal(2, parsed.Count);
        Assert.True(parsed[0].Items[1].IsStringLiteral);
        Assert.Equal("a \"q\" and \"d\" c:\\dir", parsed[0].Items[1].Text);
        Assert.True(parsed[1].IsSymbol("next"));
    }

    [Fact]
    public void DeeplyNestedTermsDoNotOverflowTheStack()
    {
        const int depth = 200_000;
        var text = new string('(', depth) + "1" + new string(')', depth);

        var parsed = SExpression.ParseAll(text);

        Assert.Single(parsed);
    }

    [Fact]
    public void PathologicallyDeepValueIsSkippedNotFatal()
    {
        const int depth = 100_000;
        var value = string.Concat(Enumerable.Repeat("(- ", depth)) + "1.0" + new string(')', depth);

        var model = Z3ModelReader.Read($"((define-fun deep () Real {value}) (define-fun ok () Real 2.0))");

        Assert.Equal(["ok"], model.Keys);
    }
}
