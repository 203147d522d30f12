#!/usr/bin/env bash
# Cold adds of DeclineOffers' 10,000 agents (each with its own copies) to
# 1,000 frameworks, two builds in alternating fresh processes (A B A B ...),
# so the machine's minute-to-minute swings land on both. Prints each run's
# addAgent calls and triggered allocation, then both lists per build.
# Usage: scripts/cold-add-agents.sh <pairs> <dirA> <dirB>
# where each dir holds a build (dist/, build/, package.json, node_modules link).
set -u
n=$1; a=$2; b=$3
here=$(cd "$(dirname "$0")" && pwd)
for i in $(seq 1 "$n"); do
  for d in "$a" "$b"; do
    echo "$d $(DIR="$d" node "$here/add-agents-repeat.mjs" 1 | sed -E 's/run 0: addAgent calls ([0-9.]+) ms, triggered allocation ([0-9.]+) ms/\1 \2/')"
  done
done | awk '{print} {c[$1]=c[$1]" "$2; s[$1]=s[$1]" "$3} END {for (k in c) print k, "calls:" c[k], "| triggered allocation:" s[k]}'
