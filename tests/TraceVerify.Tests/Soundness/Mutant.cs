namespace TraceVerify.Tests.Soundness;

// One mutated catalog entry: which entry and edit it came from, and its YAML (a one-item catalog that can be
// pasted into a catalog as it is).
internal sealed record Mutant(string Id, string SourceId, MutationCategory Category, string Yaml);
