namespace TraceVerify.Fuzzing;

// How hard to fuzz: Cases in-domain cases per entry, every dimension sized 1..MaxDimension, values mostly
// integers in [-MaxValue, MaxValue]. Every random choice derives from Seed.
// Shrink: whether a failing case is shrunk before it is reported (it refutes either way).
internal sealed record FuzzOptions(long Seed, int Cases = 200, int MaxDimension = 4, int MaxValue = 3, bool Shrink = true);
