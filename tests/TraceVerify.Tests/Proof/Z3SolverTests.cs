using System.Diagnostics;
using System.Text.RegularExpressions;
using TraceVerify.Numeric;
using TraceVerify.Proof;
using Xunit;

namespace TraceVerify.Tests.Proof;

// Runs against the real libz3 on the machine; nothing here is mocked.
public sealed class Z3SolverTests : IDisposable
{
    private const string BinomialDeclarations = "(declare-const a Real)\n(declare-const b Real)\n";

    // Nonlinear real arithmetic that 4.8.12 does not settle within seconds (measured: still running at 3 s).
    private const string HardNonlinear = """
        (declare-const x Real)
        (declare-const y Real)
        (declare-const z Real)
        (declare-const w Real)
        (assert (= (+ (* x x x x x y) (* y y y z w) (* z z z x w)) 7.0))
        (assert (= (+ (* x y z w) (* x x w w w) (* y y y y x)) 3.0))
        (assert (< (* x y z) (- 2.0)))
        (assert (> (* w w x z) 5.0))
        """;

    private readonly Z3Solver _solver = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _solver.Dispose();

    [Fact]
    public void TrueBinomialIdentityIsUnsat()
    {
        var answer = _solver.Check(BinomialDeclarations +
            "(assert (not (= (* (+ a b) (+ a b)) (+ (* a a) (* 2 a b) (* b b)))))");

        Assert.Equal(Z3Status.Unsat, answer.Status);
        Assert.Empty(answer.Model);
        Assert.Equal(string.Empty, answer.Detail);
    }

    [Fact]
    public void FalseIdentityYieldsAnExactModelThatViolatesIt()
    {
        // (a+b)^2 = a^2 + b^2 is false; the bounds force a fractional a and a negative fractional b, so
        // the model exercises Z3's (/ p q) and (- (/ p q)) forms.
        var answer = _solver.Check(BinomialDeclarations + """
            (declare-const X_1_2 Real)
            (declare-const third Real)
            (assert (= X_1_2 1.5))
            (assert (= (* 3.0 third) 1.0))
            (assert (and (> a 0.25) (< a 0.5)))
            (assert (and (> b (- 0.5)) (< b (- 0.25))))
            (assert (not (= (* (+ a b) (+ a b)) (+ (* a a) (* b b)))))
            """);

        Assert.Equal(Z3Status.Sat, answer.Status);
        Assert.Equal(["X_1_2", "a", "b", "third"], answer.Model.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Rational.Of(3, 2), answer.Model["X_1_2"]);
        Assert.Equal(Rational.Of(1, 3), answer.Model["third"]);

        var a = answer.Model["a"];
        var b = answer.Model["b"];
        Assert.InRange(a, Rational.Of(1, 4), Rational.Of(1, 2), Comparer<Rational>.Default);
        Assert.InRange(b, Rational.Of(-1, 2), Rational.Of(-1, 4), Comparer<Rational>.Default);
        Assert.NotEqual(a * a + b * b, (a + b) * (a + b));
    }

    [Fact]
    public void UninterpretedFunctionIsKeptOutOfTheModel()
    {
        var answer = _solver.Check("""
            (declare-fun log_ (Real) Real)
            (declare-const x Real)
            (assert (> x 0.0))
            (assert (= (log_ (* x x)) (+ (log_ x) 1.0)))
            """);

        Assert.Equal(Z3Status.Sat, answer.Status);
        Assert.Equal(["x"], answer.Model.Keys);
        Assert.True(answer.Model["x"] > Rational.Zero);
    }

    [Fact]
    public void UninterpretedFunctionIdentityByCongruenceIsUnsat()
    {
        var answer = _solver.Check(BinomialDeclarations + """
            (declare-fun log_ (Real) Real)
            (assert (not (= (log_ (* a b)) (log_ (* b a)))))
            """);

        Assert.Equal(Z3Status.Unsat, answer.Status);
    }

    [Fact]
    public void SyntaxErrorIsAnErrorAndTheSolverStillWorksAfterwards()
    {
        var broken = _solver.Check("(declare-const x Real)\n(assert (= x 1.0)");

        Assert.Equal(Z3Status.Error, broken.Status);
        Assert.Contains("line", broken.Detail, StringComparison.Ordinal);
        Assert.Empty(broken.Model);

        var afterwards = _solver.Check(BinomialDeclarations +
            "(assert (not (= (* (+ a b) (+ a b)) (+ (* a a) (* 2 a b) (* b b)))))");
        Assert.Equal(Z3Status.Unsat, afterwards.Status);
    }

    [Fact]
    public void ErrorFollowedByValidCommandsIsNotReportedAsAnAnswer()
    {
        // Z3 skips the bad assert and would answer sat for what remains.
        var answer = _solver.Check("(declare-const x Real)\n(assert (> x undeclared_y))\n(assert (> x 0.0))");

        Assert.Equal(Z3Status.Error, answer.Status);
        Assert.Contains("undeclared_y", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksAreIndependent()
    {
        Assert.Equal(Z3Status.Sat, _solver.Check("(declare-const x Real)\n(assert (> x 1.0))").Status);

        // Redeclaring is fine and the earlier assertion is gone.
        Assert.Equal(Z3Status.Sat, _solver.Check("(declare-const x Real)\n(assert (< x 0.0))").Status);

        var stale = _solver.Check("(assert (> x 1.0))");
        Assert.Equal(Z3Status.Error, stale.Status);
        Assert.Contains("x", stale.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void HardQueryTimesOutAsUnknownWithinASaneTime()
    {
        using var solver = new Z3Solver(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var answer = solver.Check(HardNonlinear);

        clock.Stop();
        Assert.Equal(Z3Status.Unknown, answer.Status);
        Assert.Equal("timeout", answer.Detail);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Equal(Z3Status.Sat, solver.Check("(declare-const x Real)\n(assert (> x 2.0))").Status);
    }

    [Fact]
    public void WatchdogStopsAQueryThatOverridesZ3sOwnTimeout()
    {
        using var solver = new Z3Solver(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        // The script asks for 120 s; only the watchdog can stop it in a fraction of that, even on a loaded machine.
        var answer = solver.Check("(set-option :timeout 120000)\n" + HardNonlinear);

        clock.Stop();
        Assert.Equal(Z3Status.Unknown, answer.Status);
        Assert.Equal(Z3Solver.TimeoutDetail, answer.Detail);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(Z3Status.Sat, solver.Check("(declare-const x Real)\n(assert (> x 2.0))").Status);
    }

    [Fact]
    public void ResourceLimitStopsAHardQueryWithTheSameAnswerEveryTime()
    {
        // A generous clock: only the resource limit, which does not depend on load, may stop the query.
        using var solver = new Z3Solver(TimeSpan.FromSeconds(60), resourceLimitPerQuery: 200_000);

        var first = solver.Check(HardNonlinear);
        var easy = solver.Check(BinomialDeclarations + "(assert (not (= (* (+ a b) (+ a b)) (+ (* a a) (* 2 a b) (* b b)))))");
        var second = solver.Check(HardNonlinear);

        Assert.Equal(Z3Status.Unknown, first.Status);
        Assert.Equal(Z3Solver.ResourceLimitDetail(200_000), first.Detail);
        Assert.Equal(Z3Status.Unsat, easy.Status);
        // The count starts afresh at every (check-sat): the work spent before does not shorten the next budget.
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Detail, second.Detail);
    }

    [Fact]
    public void ResourceLimitOfAnEarlierQueryDoesNotLeakIntoASolverWithoutOne()
    {
        using (var limited = new Z3Solver(TimeSpan.FromSeconds(60), resourceLimitPerQuery: 1))
        {
            Assert.Equal(Z3Status.Unknown, limited.Check(HardNonlinear).Status);
        }

        Assert.Equal(Z3Status.Unsat, _solver.Check(BinomialDeclarations +
            "(assert (not (= (* (+ a b) (+ a b)) (+ (* a a) (* 2 a b) (* b b)))))").Status);
    }

    [Fact]
    public void CallerCancellationThrowsAndLeavesTheSolverUsable()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => _solver.Check(HardNonlinear, cancellation.Token));

        clock.Stop();
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.Equal(Z3Status.Sat, _solver.Check("(declare-const x Real)\n(assert (> x 2.0))").Status);
    }

    [Fact]
    public void NativeVersionIsAZ3FourRelease()
    {
        var version = Z3Solver.NativeVersion;

        Assert.NotNull(version);
        Assert.StartsWith("4.", version, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+$"), version);
    }

    [Fact]
    public void CheckAfterDisposeThrows()
    {
        var solver = new Z3Solver(TimeSpan.FromSeconds(1));
        solver.Dispose();
        solver.Dispose();

        Assert.Throws<ObjectDisposedException>(() => solver.Check("(declare-const x Real)"));
    }

    [Fact]
    public void NonPositiveTimeoutIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Z3Solver(TimeSpan.Zero));
    }

    [Fact]
    public void NonPositiveResourceLimitIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Z3Solver(TimeSpan.FromSeconds(1), resourceLimitPerQuery: 0));
    }
}
