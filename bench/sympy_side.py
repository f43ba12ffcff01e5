#!/usr/bin/env python3
"""SymPy's side of bench/compare-sympy.sh.

Reads the derivative list written by the bench program (`-- list`), builds each `of` in SymPy's matrix
expressions (MatrixSymbol, Trace, DiagMatrix, elementwise log via applyfunc, HadamardProduct) with the shapes
TraceVerify's binder inferred, and times `diff(f, X)` (median of repeats; SymPy's cache is cleared before
every call, and building the expression is not timed, as TraceVerify is timed from bound expressions).

Each answer is checked numerically, independently of the notes' formulas: the expression SymPy returns is
evaluated on random matrices at 60 significant digits and compared with central differences of f itself
(step 1e-20, so the difference quotient is exact to far more digits than the 1e-20 relative tolerance).

Writes a JSON list [{"id", "status", "seconds", "detail"}] where status is correct, wrong, unevaluated,
error or timeout. A call that exceeds the time limit is stopped (SIGALRM); the larger members of the same
series are then not attempted and are reported as timeouts too.
"""

import argparse
import json
import random
import re
import signal
import statistics
import sys
import time

import sympy
from sympy import Float, ImmutableMatrix, MatrixSymbol, OneMatrix, Symbol, Trace, diff, exp, log
from sympy.core.cache import clear_cache
from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.matrices.expressions.hadamard import HadamardPower, HadamardProduct

DIGITS = 60
STEP = Float("1e-20", DIGITS)
TOLERANCE = Float("1e-20", DIGITS)


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


class Ones:
    """`ones` before its length is known: it takes it from the matrix it multiplies."""

    def __init__(self, transposed=False):
        self.transposed = transposed

    @property
    def T(self):
        return Ones(not self.transposed)


class Translator:
    """Recursive descent over the catalog language's subset used in the list (see README):
    precedence postfix (') > unary minus > * / > .* ./ > + -."""

    TOKEN = re.compile(r"\s*(?:(\d+)|([A-Za-z][A-Za-z0-9]*)|(\.\*|\./|\^T|[-+*/()'^,]))")

    def __init__(self, text, symbols):
        self.tokens = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m:
                raise ValueError(f"cannot read `{text[pos:]}`")
            self.tokens.append(m.group(1) or m.group(2) or m.group(3))
            pos = m.end()
        self.pos = 0
        self.symbols = symbols

    def parse(self):
        value = self.sum()
        if self.pos != len(self.tokens):
            raise ValueError(f"unexpected `{self.tokens[self.pos]}`")
        return value

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if expected is not None and token != expected:
            raise ValueError(f"expected `{expected}`, found `{token}`")
        self.pos += 1
        return token

    def sum(self):
        value = self.hadamard()
        while self.peek() in ("+", "-"):
            op = self.take()
            right = self.hadamard()
            value = value + right if op == "+" else value - right
        return value

    def hadamard(self):
        value = self.product()
        while self.peek() in (".*", "./"):
            op = self.take()
            right = self.product()
            value = HadamardProduct(value, right) if op == ".*" else HadamardProduct(value, HadamardPower(right, -1))
        return value

    def product(self):
        value = self.unary()
        while self.peek() in ("*", "/"):
            op = self.take()
            right = self.unary()
            value = self.multiply(value, right) if op == "*" else value / right
        return value

    @staticmethod
    def multiply(left, right):
        if isinstance(right, Ones) and not right.transposed:
            return left * OneMatrix(left.shape[1], 1)
        if isinstance(left, Ones) and left.transposed:
            return OneMatrix(1, right.shape[0]) * right
        if isinstance(left, Ones) or isinstance(right, Ones):
            raise ValueError("cannot infer the length of `ones` here")
        return left * right

    def unary(self):
        if self.peek() == "-":
            self.take()
            return -self.unary()
        return self.postfix()

    def postfix(self):
        value = self.primary()
        while self.peek() in ("'", "^T"):
            self.take()
            value = value.T
        return value

    def primary(self):
        token = self.take()
        if token == "(":
            value = self.sum()
            self.take(")")
            return value
        if token.isdigit():
            return sympy.Integer(token)
        if token in ("tr", "diag", "log", "exp") and self.peek() == "(":
            self.take("(")
            argument = self.sum()
            self.take(")")
            if token == "tr":
                return Trace(argument)
            if token == "diag":
                return DiagMatrix(argument)
            return argument.applyfunc(log if token == "log" else exp)
        if token == "ones":
            return Ones()
        if token in self.symbols:
            return self.symbols[token]
        raise ValueError(f"unknown name `{token}`")


def dimension(value, dims):
    if isinstance(value, int):
        return value
    if value not in dims:
        dims[value] = Symbol(value, integer=True, positive=True)
    return dims[value]


def build(case):
    dims = {}
    symbols = {}
    for name, (rows, cols) in case["shapes"].items():
        symbols[name] = MatrixSymbol(name, dimension(rows, dims), dimension(cols, dims))
    f = Translator(case["of"], symbols).parse()
    return f, symbols[case["wrt"]], symbols, dims


def evaluate(expr, bindings):
    value = expr.xreplace(bindings).doit()
    if hasattr(value, "as_explicit"):
        value = value.as_explicit()
    return value.evalf(DIGITS) if hasattr(value, "evalf") else value


def scalar(value):
    if hasattr(value, "shape"):
        if value.shape != (1, 1):
            raise ValueError(f"f evaluated to a {value.shape} matrix")
        return value[0, 0]
    return value


def numeric_check(case, derivative, rng):
    """None when SymPy's derivative matches central differences of f, else the reason it does not."""
    f, wrt, symbols, dims = build(case)
    sizes = {}
    for k, name in enumerate(sorted(dims)):
        sizes[dims[name]] = 2 + k % 3
    bindings = dict(sizes)
    for name, symbol in symbols.items():
        rows, cols = (int(d.xreplace(sizes)) if hasattr(d, "xreplace") else int(d) for d in symbol.shape)
        # Positive entries keep log's arguments in its domain; dividing by the inner size keeps long
        # products (X^256) near unit scale.
        scale = max(rows, cols)
        bindings[symbol] = ImmutableMatrix(rows, cols, [Float(rng.uniform(0.5, 1.5) / scale, DIGITS) for _ in range(rows * cols)])
    rows, cols = bindings[wrt].shape
    expected = []
    for r in range(rows):
        for c in range(cols):
            def at(delta):
                moved = dict(bindings)
                entries = bindings[wrt].as_mutable()
                entries[r, c] += delta
                moved[wrt] = ImmutableMatrix(entries)
                return scalar(evaluate(f, moved))
            expected.append((at(STEP) - at(-STEP)) / (2 * STEP))
    got = evaluate(derivative, bindings)
    if not hasattr(got, "shape"):
        return f"a scalar where a {rows}×{cols} matrix was expected"
    if got.shape != (rows, cols):
        return f"shape {got.shape[0]}×{got.shape[1]} where {rows}×{cols} was expected"
    scale = max(abs(v) for v in expected) or 1
    worst = max(abs(got[k // cols, k % cols] - expected[k]) for k in range(rows * cols))
    if worst > TOLERANCE * scale:
        return f"differs from the numeric derivative by {float(worst / scale):.3g} (relative)"
    return None


def time_diff(case, timeout, repeats):
    """(median seconds, last result); raises Timeout or whatever SymPy raises."""
    times = []
    result = None
    for _ in range(repeats):
        clear_cache()
        f, wrt, _, _ = build(case)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            start = time.perf_counter()
            result = diff(f, wrt)
            times.append(time.perf_counter() - start)
        except Timeout:
            if not times:
                raise
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        # Slow derivatives get fewer repeats: once they have used 30% of one call's limit, their median stands.
        if sum(times) > 0.3 * timeout:
            break
    return statistics.median(times), result


def short(text, limit=100):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("list", help="the JSON list written by the bench program's `list` mode")
    parser.add_argument("output", help="where to write SymPy's results (JSON)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per diff() call (default 30)")
    parser.add_argument("--repeats", type=int, default=5, help="timed calls per derivative (default 5)")
    parser.add_argument("--seed", type=int, default=20261121, help="seed of the random test matrices")
    args = parser.parse_args()

    sys.setrecursionlimit(10000)
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    cases = json.load(open(args.list, encoding="utf-8"))

    # The first diff() imports and initialises much of SymPy; keep that out of the first timing.
    warm = MatrixSymbol("W", 2, 2)
    diff(Trace(warm * warm), warm)

    results = []
    timed_out_series = set()
    for case in cases:
        series = case["id"].rsplit("-", 1)[0] if not case["id"].startswith("notes-") else None
        entry = {"id": case["id"], "status": "error", "seconds": None, "detail": ""}
        if series in timed_out_series:
            entry.update(status="timeout", detail="not attempted: a smaller member of this series timed out")
            results.append(entry)
            print(f"{case['label']:>28}: skipped", file=sys.stderr)
            continue
        try:
            seconds, derivative = time_diff(case, args.timeout, args.repeats)
            entry["seconds"] = seconds
            if derivative.has(sympy.Derivative) or type(derivative).__name__ in ("ArrayDerivative", "Derivative"):
                entry.update(status="unevaluated", detail=f"returned {short(derivative)}")
            else:
                reason = numeric_check(case, derivative, rng)
                if reason is None:
                    entry.update(status="correct", detail=short(derivative))
                else:
                    entry.update(status="wrong", detail=f"{reason}; returned {short(derivative)}")
        except Timeout:
            entry.update(status="timeout", detail=f"diff() took longer than {args.timeout:g} s")
            if series is not None:
                timed_out_series.add(series)
        except RecursionError:
            entry.update(status="error", detail="RecursionError inside diff()")
        except Exception as e:  # SymPy's failures are results here, reported with their type.
            entry.update(status="error", detail=f"{type(e).__name__}: {short(e, 80)}")
        results.append(entry)
        shown = f"{entry['seconds'] * 1e3:.1f} ms" if entry["seconds"] is not None else "-"
        print(f"{case['label']:>28}: {shown:>12}  {entry['status']}  {short(entry['detail'], 60)}", file=sys.stderr)

    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
