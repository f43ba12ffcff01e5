namespace TraceVerify.Cli;

// A report or standard output could not be written (exit 74): the environment's failure, not TraceVerify's.
internal sealed class OutputFailedException(string message, Exception inner) : Exception(message, inner);
