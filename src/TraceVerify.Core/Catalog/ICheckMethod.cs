namespace TraceVerify.Catalog;

// A numeric or solver method beside the symbolic engine (fuzz, z3). Seed is the entry's own seed.
internal interface ICheckMethod
{
    string Name { get; }

    MethodEvidence Run(BoundEntry entry, long seed, CancellationToken token);
}
