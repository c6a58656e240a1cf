#!/usr/bin/env bash
# Search latency through the JSON API on a benchmark collection (bench/collection.sh builds one):
# bin/paperboy serve, 60 s of warm-up, then per mode (keyword, semantic, hybrid; 10 results, query
# embedding included) and for similar papers (10 neighbours of papers spread over the collection,
# fused by default and embedding neighbours alone with mode=semantic),
# one and two concurrent clients (wrk, one thread, loopback) for DURATION s each: p50 and p99.
# Usage: bench/search-api.sh [DATA_DIR] [DURATION]   (defaults /tmp/paperboy-bench-182k, 20)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-182k}"
duration="${2:-20}"
port=18081
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

/usr/bin/python3 - "$data/paperboy.db" "$work" bench/queries.txt <<'PY'
import sqlite3, sys, urllib.parse, random
db, work, queries = sys.argv[1:]
c = sqlite3.connect(db)
ids = [r[0] for r in c.execute("SELECT id FROM papers WHERE deleted_on IS NULL AND id NOT LIKE 'title-%' ORDER BY id")]
random.seed(7)
sample = random.sample(ids, 300)
qs = [l.strip() for l in open(queries) if l.strip()]
def w(name, lines):
    open(f"{work}/{name}", "w").write("\n".join(lines) + "\n")
for mode in ("keyword", "semantic", "hybrid"):
    w(mode, [f"/api/papers/search?mode={mode}&limit=10&q={urllib.parse.quote_plus(q)}" for q in qs])
w("similar", [f"/api/papers/{i}/similar?limit=10" for i in sample])
w("similar-semantic", [f"/api/papers/{i}/similar?limit=10&mode=semantic" for i in sample])
print(f"{len(ids):,} papers; {len(qs)} queries, {len(sample)} papers for similar")
PY
cat "$work"/keyword "$work"/semantic "$work"/hybrid "$work"/similar "$work"/similar-semantic > "$work/mixed"

PAPERBOY_JAVA_OPTS="${PAPERBOY_JAVA_OPTS:--Xmx2g}" bin/paperboy serve --no-embed --data "$data" --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 1
done

run() { # name, connections, seconds
  PATHS_FILE="$work/$1" wrk -t1 -c"$2" -d"$3"s --latency \
    -s bench/rotate.lua "http://127.0.0.1:$port" > "$work/$1.out"
  local p50 p99 rps errors
  p50=$(awk '/Latency Distribution/{f=1} f&&$1=="50%"{print $2; exit}' "$work/$1.out")
  p99=$(awk '/Latency Distribution/{f=1} f&&$1=="99%"{print $2; exit}' "$work/$1.out")
  rps=$(awk '/Requests\/sec/{print $2}' "$work/$1.out")
  errors=$(awk '/Non-2xx/{print $NF}' "$work/$1.out"); errors=${errors:-0}
  printf '%-16s c=%-2s p50 %-9s p99 %-9s %8s req/s  non-2xx %s\n' "$1" "$2" "$p50" "$p99" "$rps" "$errors"
}

run mixed 2 60 > /dev/null # warm-up
for c in 1 2; do
  for name in keyword semantic hybrid similar similar-semantic; do run "$name" "$c" "$duration"; done
done
