#!/usr/bin/env bash
# Digest throughput: one daily edition for 10,000 confirmed readers (half with "for you" and topic
# sections) composed and delivered to an SMTP sink on 127.0.0.1, on a copy of the for-you benchmark
# corpus (74,728 Kaggle-format listings with seeded random vectors, see bench/foryou.sh) plus the
# Hugging Face Daily Papers of the covered day, so the trending section is real.
# Usage: bench/digest.sh [READERS] [EDITION_DATE]   (default 10000, 2026-06-10)
set -euo pipefail
cd "$(dirname "$0")/.."
readers="${1:-10000}"
edition="${2:-2026-06-10}"
base=/tmp/paperboy-bench-foryou
[ -d "$base" ] || bench/foryou.sh "$base" >/dev/null
source bin/lib.sh
find_jdk
bin/paperboy --version >/dev/null
./mvnw -B -q -o test-compile 2>/dev/null || ./mvnw -B -q test-compile
work=$(mktemp -d /tmp/paperboy-bench-digest.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$base" "$work/data"
covered=$(date -d "$edition -1 day" +%F)
bin/paperboy import --quiet --data "$work/data" "../shared/data/hf-daily/$covered.json"
"$JAVA_HOME/bin/java" "${PAPERBOY_JVM_FLAGS[@]}" ${BENCH_JAVA_OPTS:-} -Xmx2g -cp "target/test-classes:target/paperboy.jar:target/lib/*" \
  org.paperboy.cli.DigestBench "$work/data" "$readers" "$edition"
