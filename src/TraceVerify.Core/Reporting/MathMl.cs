using System.Diagnostics;
using System.Text;
using TraceVerify.Syntax;

namespace TraceVerify.Reporting;

// Presentation MathML (the MathML Core subset browsers lay out natively) for our own parse trees, written as
// the notes typeset them: juxtaposed products, ᵀ as a superscript, ⊙, fractions for `/` and `./`, ‖·‖_F,
// Σ with its indices underneath, entries M_{i,j}, 𝟏 for `ones`.
// Invariant: every Render result is exactly one MathML element, so it can be a child of msup, msub, mfrac
// and munder, which take a fixed number of children. The parser drops parentheses, so they are put back
// here from precedence: where a reader of the typeset formula would otherwise group differently.
internal static class MathMl
{
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    private const string InvisibleTimes = "<mo>&#x2062;</mo>";
    private const string FunctionApplication = "<mo>&#x2061;</mo>";

    public static string Render(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NumberSyntax n => n.Value.IsInteger
                ? $"<mn>{n.Value}</mn>"
                : $"<mfrac><mn>{n.Value.Numerator}</mn><mn>{n.Value.Denominator}</mn></mfrac>",
            NameSyntax { Name: "ones" } => "<mn>\U0001D7CF</mn>",
            NameSyntax { Name: "I" } => "<mi mathvariant=\"normal\">I</mi>",
            NameSyntax name => $"<mi>{Escape(name.Name)}</mi>",
            CallSyntax { Function: "fro" } call => $"<msub>{Norm(call.Argument)}<mi>F</mi></msub>",
            CallSyntax { Function: "inv" } call => $"<msup>{Base(call.Argument)}{Exponent(-1)}</msup>",
            CallSyntax { Function: "sqrt" } call => $"<msqrt>{Render(call.Argument)}</msqrt>",
            CallSyntax { Function: "abs" } call => $"<mrow><mo>|</mo>{Render(call.Argument)}<mo>|</mo></mrow>",
            CallSyntax call => $"<mrow><mi>{Escape(call.Function)}</mi>{FunctionApplication}{Parenthesized(Render(call.Argument))}</mrow>",
            BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => Sum(b),
            BinarySyntax { Operator: BinaryOperator.Multiply } b => Product(b),
            BinarySyntax { Operator: BinaryOperator.Divide or BinaryOperator.ElementwiseDivide } b =>
                $"<mfrac>{Render(b.Left)}{Render(b.Right)}</mfrac>",
            // Products inside ⊙ keep their parentheses: the notes' Aᵀ1 ⊙ B1 is easy to misread as Aᵀ(1 ⊙ B)1.
            BinarySyntax { Operator: BinaryOperator.Hadamard } b =>
                $"<mrow>{Group(b.Left, Level(b.Left) is SumLevel or ProductLevel or UnaryLevel || OpenToTheRight(b.Left))}<mo>\u2299</mo>{Group(b.Right, Level(b.Right) <= UnaryLevel)}</mrow>",
            // A ⊗ B binds looser than a product, as the Cookbook prints AC ⊗ BD.
            BinarySyntax { Operator: BinaryOperator.Kronecker } b =>
                $"<mrow>{Group(b.Left, Level(b.Left) <= HadamardLevel || OpenToTheRight(b.Left))}<mo>\u2297</mo>{Group(b.Right, Level(b.Right) <= HadamardLevel)}</mrow>",
            NegateSyntax n => $"<mrow><mo>\u2212</mo>{Group(n.Operand, Level(n.Operand) <= HadamardLevel || n.Operand is NegateSyntax)}</mrow>",
            TransposeSyntax t => $"<msup>{Base(t.Operand)}<mi mathvariant=\"normal\">T</mi></msup>",
            PowerSyntax { Base: CallSyntax { Function: "fro" } call } p => $"<msubsup>{Norm(call.Argument)}<mi>F</mi>{Exponent(p.Exponent)}</msubsup>",
            PowerSyntax p => $"<msup>{Base(p.Base)}{Exponent(p.Exponent)}</msup>",
            RationalPowerSyntax p => $"<msup>{Base(p.Base)}<mrow>{(p.Exponent.Sign < 0 ? "<mo>\u2212</mo>" : "")}<mn>{(p.Exponent.Sign < 0 ? -p.Exponent : p.Exponent).Numerator}</mn><mo>/</mo><mn>{p.Exponent.Denominator}</mn></mrow></msup>",
            EntrySyntax e => $"<msub>{(e.Target is NameSyntax ? Render(e.Target) : Bracketed(Render(e.Target)))}{Indices(e)}</msub>",
            BinderSyntax { Kind: BinderKind.Sum } s =>
                $"<mrow><munder><mo>\u2211</mo>{IndexList(s.Indices.Select(i => (string?)i.Name))}</munder>{Group(s.Body, Level(s.Body) <= HadamardLevel)}</mrow>",
            // The matrix whose (i,j) entry is e: [e]_{i,j}.
            BinderSyntax { Kind: BinderKind.Matrix } s => $"<msub>{Bracketed(Render(s.Body))}{IndexList(s.Indices.Select(i => (string?)i.Name))}</msub>",
            // The matrix whose k-th row is r, stacked as the notes' (46) prints it.
            BinderSyntax { Kind: BinderKind.Rows } s =>
                $"<msub>{Bracketed($"<mtable><mtr><mtd><mo>\u22EE</mo></mtd></mtr><mtr><mtd>{Render(s.Body)}</mtd></mtr><mtr><mtd><mo>\u22EE</mo></mtd></mtr></mtable>", "matrix")}{IndexList(s.Indices.Select(i => (string?)i.Name))}</msub>",
            MatrixLiteralSyntax m => Bracketed("<mtable>" + string.Concat(m.Rows.Select(r => "<mtr>" + string.Concat(r.Select(e => $"<mtd>{Render(e)}</mtd>")) + "</mtr>")) + "</mtable>", "matrix"),
            // I₅, 𝟏ₘ, 𝟏ₘₓₙ, 0ₘₓₙ: the written sizes as a subscript.
            SizedConstantSyntax c => $"<msub>{SizedConstant(c.Name)}<mrow>{string.Join("<mo>\u00D7</mo>", c.Sizes.Select(s => s.IsPosition ? $"<mn>{s.Name}</mn>" : $"<mi>{Escape(s.Name)}</mi>"))}</mrow></msub>",
            _ => throw new UnreachableException($"no MathML for {node.GetType().Name}"),
        };
    }

    private static string SizedConstant(string name) => name switch
    {
        "I" => "<mi mathvariant=\"normal\">I</mi>",
        "ones" => "<mn>\U0001D7CF</mn>",
        _ => "<mn>0</mn>",
    };

    // A <math> element around content (one or more MathML elements).
    public static string Math(string content, bool block = true) =>
        $"<math xmlns=\"{Namespace}\" display=\"{(block ? "block" : "inline")}\">{content}</math>";

    // A bracketed matrix of values as the catalog writes them (integers, rationals like -1/2, decimals).
    public static string Matrix(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var b = new StringBuilder("<mtable>");
        foreach (var row in rows)
        {
            b.Append("<mtr>");
            foreach (var value in row) b.Append("<mtd>").Append(Number(value)).Append("</mtd>");
            b.Append("</mtr>");
        }
        return Bracketed(b.Append("</mtable>").ToString(), "matrix");
    }

    // "-1/2" as a signed fraction, "3" or "0.25" as a number; anything else (a value we do not recognise)
    // as text, so the report still shows exactly what the method reported.
    public static string Number(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negative = text.StartsWith('-');
        var magnitude = negative ? text[1..] : text;
        var slash = magnitude.IndexOf('/', StringComparison.Ordinal);
        string body;
        if (slash > 0 && IsDecimal(magnitude[..slash]) && IsDecimal(magnitude[(slash + 1)..]))
            body = $"<mfrac><mn>{magnitude[..slash]}</mn><mn>{magnitude[(slash + 1)..]}</mn></mfrac>";
        else if (IsDecimal(magnitude))
            body = $"<mn>{magnitude}</mn>";
        else
            return $"<mtext>{Escape(text)}</mtext>";
        return negative ? $"<mrow><mo>\u2212</mo>{body}</mrow>" : body;
    }

    // Escapes text for MathML and HTML content and double-quoted attribute values (the only kind we write);
    // other characters stay as they are (the page is UTF-8), so a golden file shows `×` rather than `&#215;`.
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length);
        foreach (var c in ReportText.XmlSafe(text))
        {
            b.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return b.ToString();
    }

    private const int SumLevel = 1;
    private const int HadamardLevel = 2;
    private const int ProductLevel = 3;
    private const int UnaryLevel = 4;
    private const int AtomLevel = 5;

    // How tightly the typeset form of a node holds together; fractions, scripts, calls and brackets are atoms.
    private static int Level(SyntaxNode node) => node switch
    {
        BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => SumLevel,
        BinarySyntax { Operator: BinaryOperator.Hadamard or BinaryOperator.Kronecker } => HadamardLevel,
        BinarySyntax { Operator: BinaryOperator.Multiply } => ProductLevel,
        NegateSyntax => UnaryLevel,
        _ => AtomLevel,
    };

    // A Σ reaches as far right as it can: anything that ends in one needs parentheses before another operand,
    // or (Σᵢ aᵢ) b would read as Σᵢ (aᵢ b). Fractions close themselves.
    private static bool OpenToTheRight(SyntaxNode node) => node switch
    {
        BinderSyntax { Kind: BinderKind.Sum } => true,
        BinarySyntax { Operator: BinaryOperator.Divide or BinaryOperator.ElementwiseDivide } => false,
        BinarySyntax b => OpenToTheRight(b.Right),
        NegateSyntax n => OpenToTheRight(n.Operand),
        _ => false,
    };

    // A chain a + b − c as one row of terms. Parentheses stay where they change the meaning: a − (b + c),
    // a + (−b); a term ending in Σ before another operator is closed off by OpenToTheRight.
    private static string Sum(BinarySyntax sum)
    {
        var terms = new List<(string? Operator, SyntaxNode Term)>();
        void Flatten(SyntaxNode n, string? op)
        {
            if (n is BinarySyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b)
            {
                Flatten(b.Left, op);
                terms.Add((b.Operator == BinaryOperator.Add ? "+" : "\u2212", b.Right));
            }
            else terms.Add((op, n));
        }
        Flatten(sum, null);
        var row = new StringBuilder("<mrow>");
        for (var k = 0; k < terms.Count; k++)
        {
            var (op, term) = terms[k];
            if (op is not null) row.Append("<mo>").Append(op).Append("</mo>");
            var last = k == terms.Count - 1;
            var parenthesize = (k > 0 && term is NegateSyntax) || (op == "\u2212" && Level(term) <= SumLevel) || (!last && OpenToTheRight(term));
            row.Append(Group(term, parenthesize));
        }
        return row.Append("</mrow>").ToString();
    }

    // Matrix products associate, so A(BC) and (AB)C are both typeset ABC; a number after a factor gets a
    // visible dot (2·3, A·2), everything else is juxtaposed.
    private static string Product(BinarySyntax product)
    {
        var factors = new List<SyntaxNode>();
        void Flatten(SyntaxNode n)
        {
            if (n is BinarySyntax { Operator: BinaryOperator.Multiply } m) { Flatten(m.Left); Flatten(m.Right); }
            else factors.Add(n);
        }
        Flatten(product);
        var b = new StringBuilder("<mrow>");
        for (var k = 0; k < factors.Count; k++)
        {
            var f = factors[k];
            // An operator name after a factor gets TeX's thin space (A diag(x), not Adiag(x)).
            if (k > 0) b.Append(f switch { NumberSyntax => "<mo>\u22C5</mo>", CallSyntax { Function: not "fro" } => InvisibleTimes + "<mspace width=\"0.1667em\"/>", _ => InvisibleTimes });
            var last = k == factors.Count - 1;
            b.Append(Group(f, Level(f) <= HadamardLevel || (k > 0 && f is NegateSyntax) || (!last && OpenToTheRight(f))));
        }
        return b.Append("</mrow>").ToString();
    }

    private static string Group(SyntaxNode node, bool parenthesize) => parenthesize ? Parenthesized(Render(node)) : Render(node);

    // The base of a superscript: atoms that read unambiguously with a script attached stay bare.
    private static string Base(SyntaxNode node) => node switch
    {
        // (X⁻¹)ᵀ, not X⁻¹ᵀ read as one exponent.
        CallSyntax { Function: "inv" } => Parenthesized(Render(node)),
        NameSyntax or CallSyntax or EntrySyntax => Render(node),
        NumberSyntax { Value.IsInteger: true } => Render(node),
        _ => Parenthesized(Render(node)),
    };

    private static string Exponent(int exponent) => exponent < 0 ? $"<mrow><mo>\u2212</mo><mn>{-(long)exponent}</mn></mrow>" : $"<mn>{exponent}</mn>";

    private static string Norm(SyntaxNode argument) => $"<mrow><mo>\u2016</mo>{Render(argument)}<mo>\u2016</mo></mrow>";

    private static string Parenthesized(string content) => $"<mrow><mo>(</mo>{content}<mo>)</mo></mrow>";

    // A class names the bracketed tables, so a page can style them; MathML Core allows class on any element.
    private static string Bracketed(string content, string? cssClass = null) =>
        cssClass is null ? $"<mrow><mo>[</mo>{content}<mo>]</mo></mrow>" : $"<mrow class=\"{cssClass}\"><mo>[</mo>{content}<mo>]</mo></mrow>";

    private static string Indices(EntrySyntax e) =>
        e.SingleIndex ? IndexList([e.Row?.Name]) : IndexList([e.Row?.Name, e.Column?.Name]);

    // i,j as a subscript; a null index is the slice `:`, a numeric position a number.
    private static string IndexList(IEnumerable<string?> names)
    {
        var parts = names.Select(n => n is null ? "<mo>:</mo>" : n.All(char.IsAsciiDigit) ? $"<mn>{n}</mn>" : $"<mi>{Escape(n)}</mi>").ToList();
        return parts.Count == 1 ? parts[0] : "<mrow>" + string.Join("<mo>,</mo>", parts) + "</mrow>";
    }

    private static bool IsDecimal(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text[..dot] + text[(dot + 1)..];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && text.Count(c => c == '.') <= 1 && !text.EndsWith('.') && !text.StartsWith('.');
    }
}
