#!/usr/bin/env python3
"""Where the CPU time under one JS frame goes, from a Linux `perf` recording.

Record (software clock events: this VM has no hardware counters), then read:
  perf record -g -e cpu-clock -F 2000 -o /tmp/perf.data \\
    node --perf-basic-prof bin/drfcore.mjs bench decline-offers --agents 10000 --frameworks 1000 --rounds 60
  perf script -i /tmp/perf.data > /tmp/perf.txt
  python3 scripts/perf-under.py /tmp/perf.txt 'clock.js' 'advance'   # the timed allocation rounds

Prints the share of samples whose stack contains a frame matching all the
given substrings, by function (builtins and C++ charged to the nearest JS
caller), then by exact instruction (symbol+offset): a single hot offset is
usually the instruction after a load that missed the cache. Match it to the
code with `node --print-opt-code --print-opt-code-filter=<fn> --code-comments`
in the same run as the recording (each compile lays code out differently).
"""
import collections
import re
import sys


def main() -> None:
    path, *needles = sys.argv[1:]
    by_fn: collections.Counter = collections.Counter()
    by_ip: collections.Counter = collections.Counter()
    total = 0
    for stack in open(path).read().split("\n\n"):
        frames = [l.strip() for l in stack.strip().split("\n")[1:] if l.strip()]
        if not frames or not any(all(n in f for n in needles) for f in frames):
            continue
        total += 1
        leaf = re.sub(r"\s*\(.*\)$", "", re.sub(r"^[0-9a-f]+ ", "", frames[0]))
        fn = re.sub(r"\+0x[0-9a-f]+$", "", leaf)
        if not fn.startswith("JS:"):
            caller = next((re.sub(r"\+0x.*$", "", re.sub(r"^[0-9a-f]+ ", "", f)) for f in frames if "JS:" in f), "?")
            fn = f"{fn[:45]} <- {caller}"
        by_fn[fn] += 1
        by_ip[leaf] += 1
    print(f"{total} samples under {' '.join(needles)}")
    for title, counter in (("by function", by_fn), ("by instruction", by_ip)):
        print(f"\n{title}:")
        for key, n in counter.most_common(25):
            print(f"{100 * n / max(total, 1):5.1f}% {n:6d}  {key[:140]}")


if __name__ == "__main__":
    main()
