#!/usr/bin/env bash
# HNSW on real embeddings (org.paperboy.bench.VectorRecall): the 74,728 Kaggle-format papers of
# ../shared/data embedded once with the default model and kept in a data directory outside git
# (CACHE, default ~/.cache/paperboy/kaggle-vectors; making it runs `paperboy embed`, about 40
# minutes on 2 cores with AVX-512 VNNI, and an interrupted run resumes). Then, per HNSW setting
# M:EF:INT8, the index is built as `paperboy reindex` builds it and recall@10 against exact kNN and
# the kNN latency are printed for QUERIES papers (default 500).
# Usage: [CACHE=dir] [EMBED=no] bench/vectors.sh [QUERIES] [M:EF:INT8 ...]   (default 16:100:false 16:100:true)
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${CACHE:-$HOME/.cache/paperboy/kaggle-vectors}"
queries="${1:-500}"
shift $(($# < 1 ? $# : 1))
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=(16:100:false 16:100:true)
source bin/lib.sh
find_jdk
source bench/lib.sh
cpu_summary
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
if [ ! -f "$cache/paperboy.db" ]; then
  bin/paperboy import --quiet --no-index --data "$cache" ../shared/data/arxiv-kaggle-format
fi
# Embeds only what is missing; EMBED=no measures the papers embedded so far.
[ "${EMBED:-yes}" = no ] || bin/paperboy embed --quiet --data "$cache"
"$JAVA_HOME/bin/java" "${PAPERBOY_JVM_FLAGS[@]}" -XX:+UseSerialGC -Xmx4g \
  -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.bench.VectorRecall "$cache" "$queries" "${settings[@]}"
