#!/usr/bin/env python3
"""`--jobs 1` against `--jobs 2` on the 1,000 mutants, under runtime settings given as environment variables.

    bench/jobs_matrix.py BINARY RUNS [CONFIG …]

Each CONFIG is a comma-separated list of VAR=VALUE (an empty string is the default settings), e.g.
    bench/jobs_matrix.py bench/.cli/traceverify 3 "" "DOTNET_gcServer=1,DOTNET_GCDynamicAdaptationMode=0"
Runs are cold processes, interleaved (every config, both job counts, then again) so a change in the machine's load
hits all alike; the minimum wall and CPU time (user + system) of each are printed with the speed-up and the
entries/s at --jobs 2, and the load average before and after (bench/RESULTS.md, "Issue 15, third pass").
"""
import os
import subprocess
import sys
import time

MUTANTS = "bench/mutants-1-1000.yaml"


def run(binary, env, jobs):
    merged = dict(os.environ)
    merged.update(env)
    start = time.perf_counter()
    process = subprocess.Popen([binary, "check", MUTANTS, "--jobs", str(jobs), "--format", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=merged)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} exited {os.waitstatus_to_exitcode(status)} with {env}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, runs, configs = sys.argv[1], int(sys.argv[2]), sys.argv[3:] or [""]
    if not os.path.exists(MUTANTS):
        sys.exit(f"{MUTANTS} is missing: run bench/mutant-catalog.sh 1 1000 first")
    results = {}
    print("load average before:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    for _ in range(runs):
        for config in configs:
            env = dict(pair.split("=", 1) for pair in config.split(",") if pair)
            for jobs in (1, 2):
                results.setdefault((config, jobs), []).append(run(binary, env, jobs))
    print("load average after: ", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    for config in configs:
        one, two = results[(config, 1)], results[(config, 2)]
        wall1, wall2 = min(w for w, _ in one), min(w for w, _ in two)
        print(f"{config or 'default'}: --jobs 1 {wall1:.2f} s (CPU {min(c for _, c in one):.2f} s), "
              f"--jobs 2 {wall2:.2f} s (CPU {min(c for _, c in two):.2f} s): {wall1 / wall2:.2f}x, {1000 / wall2:.0f} entries/s")


if __name__ == "__main__":
    main()
