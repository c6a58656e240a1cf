#!/usr/bin/env bash
# Builds the benchmark collection: every paper in ../shared/data (182,555 papers) in a data
# directory, plus seeded random vectors for papers without an embedding (see
# src/test/java/org/paperboy/bench/SyntheticEmbeddings.java: latency stand-ins, not for quality),
# then times the full index rebuild (BM25 fields + HNSW graph).
# Usage: bench/collection.sh [DATA_DIR [SOURCE...]]   (default /tmp/paperboy-bench-182k and all of
# ../shared/data; bench/million.sh passes the 1M-record file of bench/make-million.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-182k}"
shared=../shared/data
shift || true
sources=("$@")
[ ${#sources[@]} -gt 0 ] || sources=("$shared/arxiv-oai-cs-2016" "$shared/arxiv-kaggle-format" "$shared/hf-daily" "$shared/pages")
source bin/lib.sh
find_jdk
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
rm -rf "$data"
bin/paperboy import --quiet --no-index --as-of 2024-12-01 --data "$data" "${sources[@]}"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.bench.SyntheticEmbeddings "$data" bge-small-en-v1.5-q
start=$(date +%s.%N)
/usr/bin/time -v -o "$data.reindex-time" bin/paperboy reindex --data "$data"
end=$(date +%s.%N)
printf 'reindex with vectors: %.1f s\n' "$(echo "$end - $start" | bc)"
grep -E 'User time|Maximum resident' "$data.reindex-time"
du -sh "$data/paperboy.db" "$data/index"
