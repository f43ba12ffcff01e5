#!/usr/bin/env python3
"""Cold-process timings of `traceverify check`, one or more binaries side by side (bench/targets.sh).

Each run is a fresh process, so start-up, JIT and loading count as a user sees them. Runs of the binaries
are interleaved (A B A B …) so that a change in the machine's load hits both alike; the summary gives the
minimum (the least disturbed run, the figure to compare) and the median of wall time, the CPU time (user +
system, which load disturbs much less than wall time) and the peak resident size (ru_maxrss of the process).
The load average is printed before and after: on a shared machine it is part of every figure.

    cli_runs.py ROW RUNS NAME=BINARY [NAME=BINARY …]

ROW is one of
    notes   check identities.yaml (default --jobs)
    full    check with no paths (identities.yaml and identities/*.yaml)
    jobs    check bench/mutants-1-1000.yaml with --jobs 1 and --jobs 2: the speed-up and entries/s
Exit codes 0 and 1 (all passed / some mismatch) are both normal runs; anything else aborts.
"""
import os
import statistics
import subprocess
import sys
import time

MUTANTS = "bench/mutants-1-1000.yaml"
MUTANT_COUNT = 1000


def run_once(binary, args):
    start = time.perf_counter()
    process = subprocess.Popen([binary, "check", *args, "--format", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"`{binary} check {' '.join(args)}` exited {code}:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(row, runs, binaries):
    configurations = {
        "notes": [("", ["identities.yaml"])],
        "full": [("", [])],
        "jobs": [("--jobs 1", [MUTANTS, "--jobs", "1"]), ("--jobs 2", [MUTANTS, "--jobs", "2"])],
    }[row]
    if row == "jobs" and not os.path.exists(MUTANTS):
        sys.exit(f"{MUTANTS} is missing: run bench/mutant-catalog.sh first")
    samples = {(name, label): [] for name, _ in binaries for label, _ in configurations}
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")
    for _ in range(runs):
        for name, binary in binaries:
            for label, args in configurations:
                samples[(name, label)].append(run_once(binary, args))
    print(f"load average after:  {load()}")
    print()
    print("| binary | run | wall min | wall median | CPU min | peak RSS max |")
    print("|---|---|---:|---:|---:|---:|")
    for (name, label), values in samples.items():
        walls = [v[0] for v in values]
        print(f"| {name} | {row} {label} | {min(walls):.3f} s | {statistics.median(walls):.3f} s | "
              f"{min(v[1] for v in values):.3f} s | {max(v[2] for v in values):.0f} MiB |")
    if row == "jobs":
        print()
        for name, _ in binaries:
            one = min(v[0] for v in samples[(name, "--jobs 1")])
            two = min(v[0] for v in samples[(name, "--jobs 2")])
            print(f"{name}: --jobs 2 speed-up over --jobs 1 = {one / two:.2f}x (min walls {one:.3f} / {two:.3f} s); "
                  f"entries/s at --jobs 2 = {MUTANT_COUNT / two:.0f}")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("notes", "full", "jobs"):
        sys.exit(__doc__)
    binaries = [tuple(spec.split("=", 1)) for spec in sys.argv[3:]]
    measure(sys.argv[1], int(sys.argv[2]), binaries)


if __name__ == "__main__":
    main()
