namespace TraceVerify.Numeric;

// The exact result of an operation exists but the scalar field cannot represent it (e.g. log 2 over Q).
internal sealed class NotExactException : Exception
{
    public NotExactException(string message)
        : base(message)
    {
    }

    public NotExactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
