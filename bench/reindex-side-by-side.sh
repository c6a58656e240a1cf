#!/usr/bin/env bash
# `paperboy reindex` of one store by two builds, alternating, RUNS times each (default 3): the
# whole command's wall time (JVM start, reading the store, BM25 + HNSW build, commit). The store
# is copied first, so the data directory given is never written. BEFORE and AFTER are checkouts
# built with `./mvnw package -DskipTests` (their target/ holds paperboy.jar, lib/ and native/).
# Usage: BEFORE=/path/old AFTER=/path/new bench/reindex-side-by-side.sh DATA_DIR [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?a checkout of the old build}" "${AFTER:?a checkout of the new build}"
src="${1:?a data directory with a store}"
runs="${2:-3}"
source bin/lib.sh
find_jdk >/dev/null
source bench/lib.sh
cpu_summary
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
cp "$src"/paperboy.db* "$work/data/"
for ((i = 1; i <= runs; i++)); do
  for which in before after; do
    d=$BEFORE; [ "$which" = after ] && d=$AFTER
    rm -rf "$work/data/index"
    t0=$(date +%s.%N)
    out="$(PAPERBOY_CLASSPATH="$d/target/paperboy.jar:$d/target/lib/*" PAPERBOY_NATIVE="$d/target/native" \
      bash src/dist/bin/paperboy --data "$work/data" reindex 2>&1 | tail -n 1)"
    echo "$which run$i: $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s ($out)"
  done
done
