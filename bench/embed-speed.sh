#!/usr/bin/env bash
# Embedding throughput of each bundled model with bin/paperboy embed, on the real papers of
# ../shared/data/pages and ../shared/data/arxiv-api plus N Hugging Face daily files
# (default 3: about 160 papers in all).
# Usage: bench/embed-speed.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t hf < <(ls ../shared/data/hf-daily/*.json | tail -n "$n")
for model in all-minilm-l6-v2-q bge-small-en-v1.5-q; do
  rm -rf "$work/data"
  PAPERBOY_EMBEDDING_MODEL=$model bin/paperboy import --quiet --as-of 2024-12-01 --data "$work/data" \
    ../shared/data/pages ../shared/data/arxiv-api "${hf[@]}" >/dev/null 2>&1
  printf '%-20s ' "$model"
  PAPERBOY_EMBEDDING_MODEL=$model bin/paperboy embed --quiet --data "$work/data" 2>/dev/null
done
