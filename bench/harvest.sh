#!/usr/bin/env bash
# Replays the complete 2016 arXiv cs OAI-PMH harvest (103 pages, 102,538 papers) from a local
# server with the delay set to 0, RUNS times into fresh data directories, and reports the median
# wall time of `paperboy harvest arxiv` (store + search index, no embeddings).
# Usage: bench/harvest.sh [RUNS]   (default 3). Needs ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bin/lib.sh
find_jdk
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
work="$(mktemp -d)"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.bench.OaiReplayServer > "$work/server.url" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do [ -s "$work/server.url" ] && break; sleep 0.5; done
url="$(head -1 "$work/server.url")"
times=()
for i in $(seq "$runs"); do
  rm -rf "$work/data"
  start=$(date +%s.%N)
  line="$(bin/paperboy harvest arxiv --set cs --delay 0 --endpoint "$url" --data "$work/data" 2>/dev/null | tail -1)"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  echo "run $i: $(printf '%.1f' "$t") s — $line"
done
printf 'median %.1f s over %s runs\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')" "$runs"
