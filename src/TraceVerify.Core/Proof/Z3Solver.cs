using System.Globalization;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// The only owner of a Z3 context. One context is reused for every query and wiped with (reset) first:
// measured on 4.8.12 that costs about half of creating a context per query (about 6 ms against 12 ms)
// and clears the same state: declarations, assertions and scopes. Options that Z3 maps to process-wide
// parameters (such as :timeout) survive a reset, which is why both limits are set again for every query.
//
// The verdict budget is Z3's resource limit (:rlimit), not the clock. Z3 counts deterministic work units
// (propagations, conflicts, allocations in its engines) and gives up with "max. resource limit exceeded"
// once a (check-sat) has spent the limit — a count that starts afresh at every (check-sat) (measured on
// 4.8.12: the limit is pushed as "count so far + limit"), so an answer depends on the script alone, never
// on the machine's load or the queries before it. The same seed therefore gives the same evidence on a
// quiet laptop and on a saturated CI runner.
//
// The clock is only a safety net. (set-option :timeout) arms Z3's own timer around (check-sat), which
// reports reason "timeout". Z3 keeps that option in process-wide parameters, so a concurrent solver with a
// different budget, or a script command outside (check-sat), could escape it; a watchdog therefore
// calls Z3_interrupt on this context once twice the budget has passed, and the answer is then
// Unknown "timeout" as well. With a resource limit the wall-clock budget is set far above what the limit
// takes, so only a pathological step that Z3 does not meter reaches it.
//
// Check and Dispose are serialized, so a context is never used by two threads or freed while busy.
internal sealed class Z3Solver : IDisposable
{
    // Detail of an Unknown answer whose budget ran out, whichever of the two limits stopped it.
    public const string TimeoutDetail = "timeout";

    // Z3's (:reason-unknown) when the resource limit stopped (check-sat).
    private const string ResourceLimitReason = "max. resource limit exceeded";

    // The watchdog runs for twice the budget; CancellationTokenSource accepts at most int.MaxValue ms.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue / 2);

    private static readonly Lazy<string?> LoadedVersion = new(ReadNativeVersion);

    private readonly Lock _gate = new();
    private readonly long _timeoutMilliseconds;
    private IntPtr _context;

    // resourceLimitPerQuery: Z3's :rlimit for each (check-sat), the deterministic budget; null = none (the
    // clock alone decides, as for a caller that wants a pure time limit).
    public Z3Solver(TimeSpan timeoutPerQuery, long? resourceLimitPerQuery = null)
    {
        if (resourceLimitPerQuery is { } limit) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, nameof(resourceLimitPerQuery));
        ResourceLimitPerQuery = resourceLimitPerQuery;
        if (timeoutPerQuery <= TimeSpan.Zero || timeoutPerQuery > MaxTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutPerQuery), timeoutPerQuery,
                $"must be positive and at most {MaxTimeout}");
        }
        TimeoutPerQuery = timeoutPerQuery;
        // Z3 counts whole milliseconds and treats 0 as "no limit", so sub-millisecond budgets round up.
        _timeoutMilliseconds = Math.Max(1, (long)Math.Ceiling(timeoutPerQuery.TotalMilliseconds));

        var config = Z3Native.Z3_mk_config();
        if (config == IntPtr.Zero) throw new InvalidOperationException("Z3_mk_config returned null");
        try
        {
            _context = Z3Native.Z3_mk_context_rc(config);
        }
        finally
        {
            Z3Native.Z3_del_config(config);
        }
        if (_context == IntPtr.Zero) throw new InvalidOperationException("Z3_mk_context_rc returned null");
        Z3Native.Z3_set_error_handler(_context, IntPtr.Zero);
    }

    public TimeSpan TimeoutPerQuery { get; }

    public long? ResourceLimitPerQuery { get; }

    // Detail of an Unknown answer whose resource limit ran out: the limit itself, so the evidence names it.
    public static string ResourceLimitDetail(long limit) => string.Create(CultureInfo.InvariantCulture, $"rlimit {limit} exhausted");

    // "major.minor.build" of the loaded libz3, or null when the library cannot be loaded, so callers can
    // report a missing solver instead of failing on first use.
    public static string? NativeVersion => LoadedVersion.Value;

    // Evaluates the script (declarations and assertions) in a cleared context, then (check-sat) and, when
    // satisfiable, (get-model). Anything Z3 reports as an error in the script or the answers becomes an
    // Error answer; cancellation by the caller throws OperationCanceledException and leaves the solver usable.
    public Z3Answer Check(string smtLib2Script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(smtLib2Script);
        // Z3 reads a C string, so everything after an embedded NUL would be dropped without notice.
        if (smtLib2Script.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("script contains a NUL character", nameof(smtLib2Script));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
            cancellationToken.ThrowIfCancellationRequested();

            using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            watchdog.CancelAfter(TimeSpan.FromMilliseconds(2 * _timeoutMilliseconds));
            Z3Answer answer;
            // Disposing the registration waits for a running callback, so no Z3_interrupt can reach the
            // context after this block, in particular not after Dispose has freed it.
            using (watchdog.Token.UnsafeRegister(static context => Z3Native.Z3_interrupt((IntPtr)context!), _context))
            {
                answer = Run(smtLib2Script, watchdog.Token);
            }
            cancellationToken.ThrowIfCancellationRequested();
            return answer;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_context == IntPtr.Zero) return;
            Z3Native.Z3_del_context(_context);
            _context = IntPtr.Zero;
        }
    }

    private Z3Answer Run(string script, CancellationToken interrupted)
    {
        // :rlimit 0 is Z3's "no limit", which also clears a limit an earlier query of this context set.
        var preamble = Evaluate(string.Create(CultureInfo.InvariantCulture,
            $"(reset)\n(set-option :timeout {_timeoutMilliseconds})\n(set-option :rlimit {ResourceLimitPerQuery ?? 0})"));
        if (preamble.Error is { } preambleError) return Z3Answer.Error("resetting the context failed: " + preambleError);

        var scriptResult = Evaluate(script);
        if (interrupted.IsCancellationRequested) return Z3Answer.Unknown(TimeoutDetail);
        if (scriptResult.Error is { } scriptError) return Z3Answer.Error(scriptError);

        var checkSat = Evaluate("(check-sat)");
        var status = checkSat.Output.Trim();
        // An unsat reached before an interrupt is still a proof; every other interrupted answer is not.
        if (status == "unsat" && checkSat.Error is null) return Z3Answer.Unsat();
        if (interrupted.IsCancellationRequested) return Z3Answer.Unknown(TimeoutDetail);
        if (checkSat.Error is { } checkError) return Z3Answer.Error(checkError);

        switch (status)
        {
            case "sat":
                return ReadModel(interrupted);
            case "unknown":
                var reason = ReadReasonUnknown();
                return Z3Answer.Unknown(reason == ResourceLimitReason && ResourceLimitPerQuery is { } limit ? ResourceLimitDetail(limit) : reason);
            default:
                return Z3Answer.Error($"unexpected (check-sat) output: '{status}'");
        }
    }

    private Z3Answer ReadModel(CancellationToken interrupted)
    {
        var result = Evaluate("(get-model)");
        if (interrupted.IsCancellationRequested) return Z3Answer.Unknown(TimeoutDetail);
        if (result.Error is { } error) return Z3Answer.Error("sat, but (get-model) failed: " + error);
        IReadOnlyDictionary<string, Rational> model;
        try
        {
            model = Z3ModelReader.Read(result.Output);
        }
        catch (FormatException e)
        {
            return Z3Answer.Error("sat, but the model is unreadable: " + e.Message);
        }
        return Z3Answer.Sat(model);
    }

    // Z3 answers (:reason-unknown "timeout"); the quoted text is the detail.
    private string ReadReasonUnknown()
    {
        var result = Evaluate("(get-info :reason-unknown)");
        if (result.Error is not null) return "unknown";
        try
        {
            var info = SExpression.ParseAll(result.Output);
            if (info is [{ IsList: true, Items: [var key, { IsAtom: true } reason] }] && key.IsSymbol(":reason-unknown"))
            {
                return reason.Text.Length > 0 ? reason.Text : "unknown";
            }
        }
        catch (FormatException)
        {
            // Fall through: the raw text is still the best explanation available.
        }
        return result.Output.Trim();
    }

    private (string Output, string? Error) Evaluate(string commands)
    {
        // Z3 leaves the previous error code in place across Z3_eval_smtlib2_string calls; this call clears
        // it (every API entry point that resets the code would do) and keeps Z3's exiting handler off.
        Z3Native.Z3_set_error_handler(_context, IntPtr.Zero);
        var output = Z3Native.CopyString(Z3Native.Z3_eval_smtlib2_string(_context, commands));
        var reported = ErrorMessages(output);
        if (reported.Count > 0) return (output, string.Join('\n', reported));

        var code = Z3Native.Z3_get_error_code(_context);
        if (code != Z3Native.ErrorOk)
        {
            var message = Z3Native.CopyString(Z3Native.Z3_get_error_msg(_context, code));
            return (output, string.Create(CultureInfo.InvariantCulture, $"Z3 error code {code}: {message}"));
        }
        return (output, null);
    }

    // Z3 keeps executing after a failed command and prints (error "...") in its place, so one call can
    // fail several times; the text names each failure, the error code only says that one happened.
    private static List<string> ErrorMessages(string output)
    {
        if (!output.Contains("(error", StringComparison.Ordinal)) return [];
        try
        {
            return SExpression.ParseAll(output)
                .Where(expression => expression is { IsList: true, Items: [var head, _, ..] } && head.IsSymbol("error"))
                .Select(expression => string.Join(' ', expression.Items.Skip(1)
                    .Select(item => item.IsStringLiteral ? item.Text : item.ToString())))
                .ToList();
        }
        catch (FormatException)
        {
            // Output mixed with unbalanced text (e.g. from echo): fall back to whole lines.
            return output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("(error", StringComparison.Ordinal))
                .ToList();
        }
    }

    private static string? ReadNativeVersion()
    {
        try
        {
            Z3Native.Z3_get_version(out var major, out var minor, out var build, out _);
            return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{build}");
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }
}
