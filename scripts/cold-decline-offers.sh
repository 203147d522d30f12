#!/usr/bin/env bash
# Cold DeclineOffers runs of two builds, alternating fresh processes (A B A B ...),
# so the machine's minute-to-minute swings land on both; one line per run:
# add (wall), addAgent calls, round 0, round 1, mean of rounds 1+, median
# round, 90th percentile, slowest round, and how many rounds took <= 10 ms.
# Usage: ROUNDS=40 scripts/cold-decline-offers.sh <pairs> <dirA> <dirB> [extra bench args]
# where each dir holds a build (bin/, dist/, build/, proto/, package.json, node_modules link).
set -u
n=$1; a=$2; b=$3; shift 3
for i in $(seq 1 "$n"); do
  for d in "$a" "$b"; do
    node "$d/bin/drfcore.mjs" bench decline-offers --agents "${AGENTS:-10000}" --frameworks "${FRAMEWORKS:-1000}" --rounds "${ROUNDS:-40}" "$@" 2>&1 |
      DIR="$d" python3 -c '
import os, re, statistics, sys
add = calls = None; rounds = []
for line in sys.stdin:
    m = re.match(r"round \d+ allocate\(\) took ([0-9.]+)(ms|us|secs)", line)
    if m: rounds.append(float(m.group(1)) * {"ms": 1, "us": 1e-3, "secs": 1e3}[m.group(2)])
    m = re.search(r"adding agents ([0-9.]+)(ms|secs) wall.*calls ([0-9.]+)ms", line)
    if m: add = float(m.group(1)) * (1000 if m.group(2) == "secs" else 1); calls = float(m.group(3))
s = sorted(rounds)
print("%s add %.0f calls %.0f r0 %.1f r1 %.1f mean1+ %.2f median %.2f p90 %.2f max %.1f le10 %d/%d" % (os.environ["DIR"], add, calls, rounds[0], rounds[1], statistics.mean(rounds[1:]), statistics.median(rounds), s[int(0.9 * len(s))], s[-1], sum(1 for x in rounds if x <= 10), len(rounds)))
'
  done
done
