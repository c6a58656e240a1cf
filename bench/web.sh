#!/usr/bin/env bash
# Web latency and throughput on a benchmark collection (bench/collection.sh builds one):
# serves it with bin/paperboy serve, then drives it from wrk (one thread) on loopback after 60 s
# of warm-up:
#   - per endpoint, one connection for DURATION s: daily page, paper page, search page (hybrid),
#     search (keyword), API daily papers; wrk's latency percentiles (p50, p99)
#   - 50 connections for DURATION s: "pages" (daily, paper, API daily) and "mixed" (all five,
#     so 40% searches): requests/s and errors.
# Prints the server's resident memory (now and peak) at the end.
# Usage: bench/web.sh [DATA_DIR] [DURATION]   (defaults /tmp/paperboy-bench-182k, 20)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/paperboy-bench-182k}"
duration="${2:-20}"
port=18080
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# Paths: the 30 newest daily lists, 300 papers spread over the collection, 30 queries.
/usr/bin/python3 - "$data/paperboy.db" "$work" bench/queries.txt <<'PY'
import sqlite3, sys, urllib.parse, random
db, work, queries = sys.argv[1:]
c = sqlite3.connect(db)
days = [r[0] for r in c.execute("SELECT DISTINCT daily_date FROM papers WHERE daily_date IS NOT NULL ORDER BY daily_date DESC LIMIT 30")]
ids = [r[0] for r in c.execute("SELECT id FROM papers WHERE deleted_on IS NULL ORDER BY id")]
random.seed(7)
sample = random.sample(ids, 300)
qs = [l.strip() for l in open(queries) if l.strip()]
def w(name, lines):
    open(f"{work}/{name}", "w").write("\n".join(lines) + "\n")
w("daily", [f"/papers/date/{d}" for d in days])
w("paper", [f"/papers/{i}" for i in sample])
w("search", [f"/search?q={urllib.parse.quote_plus(q)}" for q in qs])
w("keyword", [f"/search?mode=keyword&q={urllib.parse.quote_plus(q)}" for q in qs])
w("api", [f"/api/daily_papers?date={d}" for d in days])
print(f"{len(ids):,} papers; {len(days)} days, {len(sample)} papers, {len(qs)} queries")
PY
cat "$work"/daily "$work"/paper "$work"/search "$work"/keyword "$work"/api | shuf --random-source=<(yes) > "$work/mixed"
cat "$work"/daily "$work"/paper "$work"/api | shuf --random-source=<(yes) > "$work/pages"

# bin/paperboy's default heap for serve (2 GiB) unless PAPERBOY_JAVA_OPTS says otherwise.
bin/paperboy serve --no-embed --data "$data" --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 1
done
echo "server up: $(grep -o 'serving.*' "$work/server.log")"

run() { # name, connections, seconds
  PATHS_FILE="$work/$1" wrk -t1 -c"$2" -d"$3"s --latency \
    -s bench/rotate.lua "http://127.0.0.1:$port" > "$work/$1.out"
  local p50 p99 rps errors
  p50=$(awk '/Latency Distribution/{f=1} f&&$1=="50%"{print $2; exit}' "$work/$1.out")
  p99=$(awk '/Latency Distribution/{f=1} f&&$1=="99%"{print $2; exit}' "$work/$1.out")
  rps=$(awk '/Requests\/sec/{print $2}' "$work/$1.out")
  errors=$(awk '/Non-2xx/{print $NF}' "$work/$1.out"); errors=${errors:-0}
  local sockerr; sockerr=$(grep -o 'Socket errors.*' "$work/$1.out" || echo "Socket errors: none")
  printf '%-8s c=%-3s p50 %-9s p99 %-9s %8s req/s  non-2xx %s  %s\n' "$1" "$2" "$p50" "$p99" "$rps" "$errors" "$sockerr"
}

run mixed 4 30 > /dev/null # warm-up: the JIT needs a while (throughput still rose after 60 s)
run pages 50 30 > /dev/null
for name in daily paper search keyword api; do run "$name" 1 "$duration"; done
run pages 50 "$duration"
run mixed 50 "$duration"
# Memory of the server after all of the above (bin/paperboy execs java, so $server is the JVM).
echo "server RSS: now $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$server/status), peak $(awk '/VmHWM/{print $2/1024 " MiB"}' /proc/$server/status)"
