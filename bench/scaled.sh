#!/usr/bin/env bash
# Embedded vs scaled, one run on one machine (org.paperboy.bench.SideBySide): index build of the
# benchmark collection in Lucene and in OpenSearch 3.6 (k-NN, lucene engine; 1 node, 2 GiB heap),
# search latency through Paperboy's API on each backend (1 and 8 clients; SQLite store on both),
# a Kaggle import into SQLite and into PostgreSQL 15, and upvotes from 50 API clients on each store.
# OpenSearch and PostgreSQL are throwaway servers started by the run (Maven Central zips, Debian's
# PostgreSQL), as in the tests.
# Usage: bench/scaled.sh [DATA_DIR] [SECONDS] [PARTS]   (default /tmp/paperboy-bench-182k from
# bench/collection.sh, 15 s per measurement; PARTS "writes": only the import and upvote parts;
# "search": only the index builds and search; "search-reuse": search only, the embedded side served
# from the collection's own index without a second Lucene build, e.g. at 1M papers)
# OpenSearch is left to finish the merges its build started before anything is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-182k}"
seconds="${2:-15}"
source bin/lib.sh
find_jdk
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
repo="$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")"
os="$repo/org/opensearch/distribution/integ-test-zip/opensearch/3.6.0/opensearch-3.6.0.zip"
knn="$repo/org/opensearch/plugin/opensearch-knn/3.6.0.0/opensearch-knn-3.6.0.0.zip"
[ -f "$os" ] || ./mvnw -B -q dependency:get -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:3.6.0:zip
[ -f "$knn" ] || ./mvnw -B -q dependency:get -Dartifact=org.opensearch.plugin:opensearch-knn:3.6.0.0:zip
kaggle=../shared/data/arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz
OPENSEARCH_HEAP=2g "$JAVA_HOME/bin/java" "${PAPERBOY_JVM_FLAGS[@]}" -Xmx3g \
  -Dopensearch.zip="$os" -Dopensearch.knn.zip="$knn" \
  -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.bench.SideBySide "$data" "$kaggle" "$seconds" "${3:-all}"
