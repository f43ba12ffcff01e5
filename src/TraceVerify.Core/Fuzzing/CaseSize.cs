namespace TraceVerify.Fuzzing;

// How big a case is, compared lexicographically: first the sum of its dimension sizes, then the sum of
// its values' ranks (Shrinker.Rank: 0 < 1 < -1 < 2 < -2 < … < any non-integer). Every shrink step
// strictly decreases it, which is why shrinking terminates.
internal readonly record struct CaseSize(int Dimensions, long Values) : IComparable<CaseSize>
{
    public int CompareTo(CaseSize other) =>
        Dimensions != other.Dimensions ? Dimensions.CompareTo(other.Dimensions) : Values.CompareTo(other.Values);

    public static bool operator <(CaseSize left, CaseSize right) => left.CompareTo(right) < 0;

    public static bool operator >(CaseSize left, CaseSize right) => left.CompareTo(right) > 0;

    public static bool operator <=(CaseSize left, CaseSize right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CaseSize left, CaseSize right) => left.CompareTo(right) >= 0;
}
