namespace TraceVerify.Numeric;

// A truncated Taylor expansion Value + Derivative·ε with ε² = 0: the value of a function and its
// derivative along one direction, carried together through a computation.
internal readonly record struct Dual<T>(T Value, T Derivative);
