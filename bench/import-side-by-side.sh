#!/usr/bin/env bash
# Import of two builds side by side, alternating, 3 runs each, on the Kaggle and OAI-PMH files:
# store only (--no-index) unless IMPORT_FLAGS says otherwise (IMPORT_FLAGS= : the search index
# follows); then, unless UPGRADE=no, the upgrade cost: a Kaggle store written by BEFORE, opened by
# AFTER (its migrations run) vs opened again. BEFORE and AFTER are checkouts built with
# `./mvnw package -DskipTests` (their target/ holds paperboy.jar, lib/ and native/). Each line
# also gives the whole command's wall time (JVM start, opening, import, index commit, close): the
# fair measure when the two builds count different things in their own papers/s.
# Usage: BEFORE=/path/old AFTER=/path/new [IMPORT_FLAGS=...] [UPGRADE=no] bench/import-side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?a checkout of the old build}" "${AFTER:?a checkout of the new build}"
shared=../shared/data
source bin/lib.sh
find_jdk >/dev/null
run() { # checkout, data dir, args...
  local d=$1 data=$2; shift 2
  PAPERBOY_CLASSPATH="$d/target/paperboy.jar:$d/target/lib/*" PAPERBOY_NATIVE="$d/target/native" \
    bash src/dist/bin/paperboy --data "$data" "$@"
}
flags="${IMPORT_FLAGS---no-index}"
source bench/lib.sh
cpu_summary
echo "import flags: ${flags:-(none: the index follows)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for input in "$shared/arxiv-kaggle-format" "$shared/arxiv-oai-cs-2016"; do
  for i in 1 2 3; do
    for which in before after; do
      d=$BEFORE; [ "$which" = after ] && d=$AFTER
      rm -rf "$work/data"
      t0=$(date +%s.%N)
      line="$(run "$d" "$work/data" import --quiet $flags --as-of 2024-12-01 "$input" 2>/dev/null \
        | grep 'papers/s')"
      echo "$(basename "$input") $which run$i: $line; whole command $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5) s"
    done
  done
done
[ "${UPGRADE:-yes}" = no ] && exit 0
rm -rf "$work/data"
run "$BEFORE" "$work/data" import --quiet --no-index --as-of 2024-12-01 "$shared/arxiv-kaggle-format" >/dev/null 2>&1
t0=$(date +%s.%N); run "$AFTER" "$work/data" stats >/dev/null 2>&1; t1=$(date +%s.%N)
run "$AFTER" "$work/data" stats >/dev/null 2>&1; t2=$(date +%s.%N)
echo "upgrade: stats while migrating $(echo "$t1 - $t0" | bc) s, stats again $(echo "$t2 - $t1" | bc) s"
