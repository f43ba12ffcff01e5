namespace TraceVerify.Benchmarks;

// y ≈ c·xᵉ by least squares on (log x, log y): Exponent is e, RSquared the fit's coefficient of determination.
internal sealed record PowerLawFit(double Exponent, double Coefficient, double RSquared, int Points)
{
    public static PowerLawFit Of(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2) throw new ArgumentException("a fit needs two points", nameof(points));
        var xs = points.Select(p => Math.Log(p.X)).ToArray();
        var ys = points.Select(p => Math.Log(p.Y)).ToArray();
        var mx = xs.Average();
        var my = ys.Average();
        var sxy = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        var syy = ys.Sum(y => (y - my) * (y - my));
        var slope = sxy / sxx;
        var r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new PowerLawFit(slope, Math.Exp(my - slope * mx), r2, points.Count);
    }
}
