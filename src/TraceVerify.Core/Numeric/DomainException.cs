namespace TraceVerify.Numeric;

// An operation was applied outside its mathematical domain (1/0, log of a non-positive value, ...).
internal sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
