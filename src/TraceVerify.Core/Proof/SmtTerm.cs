using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using TraceVerify.Numeric;

namespace TraceVerify.Proof;

// A term of SMT-LIB real arithmetic with uninterpreted functions: a numeral, a declared constant, or an
// operator applied to terms; side conditions (sort Bool) apply not, =, > and >= to such terms. Terms are
// built by SmtField, whose folding is exact and light, and by SmtPolynomial, which expands an argument
// into its canonical polynomial: never by a rewrite that would itself need a proof.
//
// Terms form a DAG: evaluating a matrix expression reuses entry terms many times. Equality is therefore
// by reference (a value comparison would walk every shared subterm once per path to it), and printing
// writes the tree out in full, which is what an SMT-LIB reader expects.
internal abstract class SmtTerm
{
    private protected SmtTerm()
    {
    }

    // The number of nodes of the term written out as a tree (what printing costs), saturating at long.MaxValue:
    // a DAG of a few thousand shared nodes can stand for an astronomically large tree, which SmtEncoder refuses
    // to write (SmtBudgetException) instead of exhausting memory.
    public long TreeSize { get; private protected init; } = 1;

    // The term in SMT-LIB2 concrete syntax. Written without recursion, so the depth of a long chain of
    // sums decides nothing but the output length.
    public string ToSmtLib()
    {
        var text = new StringBuilder();
        WriteTo(text);
        return text.ToString();
    }

    public void WriteTo(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Each frame is a term still to write, or (for null) a closing parenthesis.
        var pending = new Stack<SmtTerm?>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var term = pending.Pop();
            switch (term)
            {
                case null:
                    text.Append(')');
                    break;
                case SmtNumeral numeral:
                    WriteNumeral(text, numeral.Value);
                    break;
                case SmtConstant constant:
                    text.Append(constant.Name);
                    break;
                case SmtApplication application:
                    text.Append('(').Append(application.Operator);
                    pending.Push(null);
                    for (var i = application.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(application.Arguments[i]);
                    }
                    break;
                default:
                    throw new UnreachableException($"no SMT-LIB form for {term.GetType().Name}");
            }
            // Siblings are separated by one space; nothing goes before a closing parenthesis.
            if (pending.Count > 0 && pending.Peek() is not null) text.Append(' ');
        }
    }

    public override string ToString() => ToSmtLib();

    // SMT-LIB has no negative or fractional literals: -3/4 is (- (/ 3.0 4.0)). The decimal point keeps
    // every literal a Real, so the script is well-sorted under any logic, with or without Int.
    private static void WriteNumeral(StringBuilder text, Rational value)
    {
        var magnitude = value.Abs();
        if (value.Sign < 0) text.Append("(- ");
        if (magnitude.IsInteger)
        {
            AppendDecimal(text, magnitude.Numerator);
        }
        else
        {
            text.Append("(/ ");
            AppendDecimal(text, magnitude.Numerator);
            text.Append(' ');
            AppendDecimal(text, magnitude.Denominator);
            text.Append(')');
        }
        if (value.Sign < 0) text.Append(')');
    }

    private static void AppendDecimal(StringBuilder text, BigInteger value) =>
        text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(".0");
}

internal sealed class SmtNumeral : SmtTerm
{
    public SmtNumeral(Rational value) => Value = value;

    public Rational Value { get; }
}

// A declared nullary symbol of sort Real; Name is already a legal SMT-LIB simple symbol.
internal sealed class SmtConstant : SmtTerm
{
    public SmtConstant(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }
}

// (Operator Arguments…): an arithmetic operator (+ - * /), a declared uninterpreted function (log_, exp_,
// sqrt_), or in a side condition a Boolean operator (not, =, >, >=).
internal sealed class SmtApplication : SmtTerm
{
    public SmtApplication(string @operator, IReadOnlyList<SmtTerm> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(@operator);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0) throw new ArgumentException("an application needs arguments", nameof(arguments));
        Operator = @operator;
        Arguments = arguments;
        var size = 1L;
        foreach (var argument in arguments) size = size > long.MaxValue - argument.TreeSize ? long.MaxValue : size + argument.TreeSize;
        TreeSize = size;
    }

    public string Operator { get; }

    public IReadOnlyList<SmtTerm> Arguments { get; }
}
