#!/usr/bin/env bash
# Re-copies the shared conformance data into test/fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
for d in vectors scenarios resources; do
  rm -rf "test/fixtures/$d"
  cp -r "$shared/$d" "test/fixtures/$d"
done
echo "synced vectors, scenarios, resources from $shared"
