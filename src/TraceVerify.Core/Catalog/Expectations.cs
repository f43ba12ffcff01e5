namespace TraceVerify.Catalog;

internal static class Expectations
{
    // `holds` accepts a proof or numeric confirmation; every other expectation names its verdict exactly.
    public static bool Matches(ExpectedVerdict expected, Verdict verdict) => expected switch
    {
        ExpectedVerdict.Holds => verdict is Verdict.Proved or Verdict.Confirmed,
        ExpectedVerdict.Proved => verdict == Verdict.Proved,
        ExpectedVerdict.Refuted => verdict == Verdict.Refuted,
        ExpectedVerdict.IllFormed => verdict == Verdict.IllFormed,
        ExpectedVerdict.Definition => verdict == Verdict.Definition,
        _ => false,
    };

    public static string Text(Verdict verdict) => verdict switch
    {
        Verdict.Proved => "proved",
        Verdict.Confirmed => "confirmed",
        Verdict.Refuted => "refuted",
        Verdict.Undecided => "undecided",
        Verdict.IllFormed => "ill-formed",
        Verdict.Definition => "definition",
        Verdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static string Text(ExpectedVerdict expected) => expected switch
    {
        ExpectedVerdict.Holds => "holds",
        ExpectedVerdict.Proved => "proved",
        ExpectedVerdict.Refuted => "refuted",
        ExpectedVerdict.IllFormed => "ill-formed",
        ExpectedVerdict.Definition => "definition",
        _ => throw new ArgumentOutOfRangeException(nameof(expected)),
    };

    public static bool TryParse(string text, out ExpectedVerdict expected)
    {
        (var ok, expected) = text switch
        {
            "holds" => (true, ExpectedVerdict.Holds),
            "proved" => (true, ExpectedVerdict.Proved),
            "refuted" => (true, ExpectedVerdict.Refuted),
            "ill-formed" => (true, ExpectedVerdict.IllFormed),
            "definition" => (true, ExpectedVerdict.Definition),
            _ => (false, ExpectedVerdict.Holds),
        };
        return ok;
    }
}
