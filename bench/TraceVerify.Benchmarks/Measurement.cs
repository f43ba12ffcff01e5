namespace TraceVerify.Benchmarks;

// A warm timing over Samples samples, each the mean of BatchSize back-to-back calls: the median sample, and
// the fastest one — on a shared machine the fastest is the best estimate of the undisturbed cost.
internal sealed record Measurement(double MedianSeconds, double FastestSeconds, int Samples, int BatchSize);
