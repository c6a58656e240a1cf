#!/usr/bin/env bash
# The 1M-paper benchmark collection: bench/make-million.sh's file (the 74,728 real Kaggle-format
# listings repeated 14 times under new ids: 1,045,659 distinct papers) imported with seeded random
# vectors and indexed by bench/collection.sh; then search latency with bench/search-api.sh.
# Usage: bench/million.sh [DATA_DIR]   (default /tmp/paperboy-bench-1m)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-1m}"
file=/tmp/million.jsonl.gz
[ -f "$file" ] || bench/make-million.sh "$file"
bench/collection.sh "$data" "$file"
du -sh "$data/paperboy.db" "$data/index"
bench/search-api.sh "$data"
