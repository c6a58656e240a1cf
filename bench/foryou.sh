#!/usr/bin/env bash
# "For you" ranking speed: the 74,728 Kaggle-format listings with seeded random vectors (speed of a
# linear model does not depend on the values; see SyntheticEmbeddings), a reader with 25 upvotes,
# and a period of 2026-05-04..2026-06-14 (six weeks, about 10,000 candidates: one week of these
# listings has only ~1,600, and a week of all of arXiv has about 10,000).
# Usage: bench/foryou.sh [DATA_DIR]   (default /tmp/paperboy-bench-foryou)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-foryou}"
source bin/lib.sh
find_jdk
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
if [ ! -d "$data" ]; then
  bin/paperboy import --quiet --no-index --data "$data" ../shared/data/arxiv-kaggle-format
  "$JAVA_HOME/bin/java" -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
    org.paperboy.bench.SyntheticEmbeddings "$data" bge-small-en-v1.5-q
  bin/paperboy reindex --data "$data"
fi
"$JAVA_HOME/bin/java" "${PAPERBOY_JVM_FLAGS[@]}" -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.cli.ForYouBench "$data" 2026-05-04 2026-06-14
