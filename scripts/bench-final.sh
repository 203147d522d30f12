#!/usr/bin/env bash
# The benchmark runs that BENCHMARKS.md's "final runs" come from, in order,
# each output in $OUT/<tag>-<name>.txt. Usage: scripts/bench-final.sh [tag] [out-dir]
set -u
cd "$(dirname "$0")/.."
tag=${1:-F}
out=${2:-/tmp/final}
mkdir -p "$out"
# Machine speed at the start and end: the time of a fixed loop of 10^9
# dependent integer additions (lower is faster), so runs on different
# machines or minutes can be compared.
calibrate() { node -e 'let t=performance.now(),x=0;for(let i=0;i<1e9;i++)x=(x+i)|0;console.log("calibration: 1e9 adds in "+(performance.now()-t).toFixed(0)+" ms ("+x+")")'; }
{ date -u; uptime; git log --oneline | head -1; calibrate; } > "$out/$tag-meta.txt"
npm run build > /dev/null 2>&1
node bin/drfcore.mjs bench decline-offers --agents 10000 --frameworks 1000 --rounds 200 > "$out/$tag-decline-10k-1k.txt" 2>&1
node bin/drfcore.mjs bench decline-offers --agents 10000 --frameworks 1000 --rounds 200 --warmup 1 > "$out/$tag-decline-10k-1k-warm.txt" 2>&1
node bin/drfcore.mjs bench decline-offers --agents 1000 --frameworks 100 --rounds 200 > "$out/$tag-decline-1k-100.txt" 2>&1
node bin/drfcore.mjs bench decline-offers --agents 10000 --frameworks 3000 --rounds 60 > "$out/$tag-decline-10k-3k.txt" 2>&1
node bin/drfcore.mjs bench decline-offers --agents 10000 --frameworks 1000 --rounds 200 --distinct-agents > "$out/$tag-decline-10k-1k-distinct.txt" 2>&1
node bin/drfcore.mjs bench add-and-update-agent --agents 10000 --frameworks 1000 > "$out/$tag-add-update-10k-1k.txt" 2>&1
node bin/drfcore.mjs bench suppress-offers --agents 10000 --frameworks 1000 > "$out/$tag-suppress-10k-1k.txt" 2>&1
node bin/drfcore.mjs bench extreme-suppress-offers --agents 10000 --frameworks 1000 > "$out/$tag-extreme-suppress-10k-1k.txt" 2>&1
node bin/drfcore.mjs bench resources > "$out/$tag-res-cli.txt" 2>&1
npx tsx bench/resources.bench.ts "hot paths" > "$out/$tag-res-hot.txt" 2>&1
npx tsx bench/resources.bench.ts "subtraction on 10,000 fragments" > "$out/$tag-res-sub10k.txt" 2>&1
npx tsx bench/resources.bench.ts "Resources range arithmetic" > "$out/$tag-res-ranges.txt" 2>&1
BENCH_ROUNDS=7 npx tsx bench/codec.bench.ts > "$out/$tag-codec.txt" 2>&1
{ date -u; uptime; calibrate; } >> "$out/$tag-meta.txt"
