# Shared by bin/paperboy and bin/test: find a JDK >= 21 and build the application when needed.
# shellcheck shell=bash

PAPERBOY_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Prints the major version of the java binary $1 (e.g. 21, 25), or nothing.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME, then java on PATH, then /usr/lib/jvm/*.
find_jdk() {
  local candidates=() c home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  echo "paperboy: error: no JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "paperboy: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

# Builds target/paperboy.jar (and target/lib) when missing or older than any source file.
ensure_built() {
  local jar="$PAPERBOY_HOME/target/paperboy.jar"
  if [ -f "$jar" ] && [ -d "$PAPERBOY_HOME/target/lib" ] && [ -d "$PAPERBOY_HOME/target/native" ] \
    && [ -z "$(find "$PAPERBOY_HOME/src/main" "$PAPERBOY_HOME/pom.xml" -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  echo "paperboy: building (first run or sources changed)..." >&2
  rm -rf "$PAPERBOY_HOME/target/lib" "$PAPERBOY_HOME/target/native" # old versions' files stay otherwise
  # The release tarball is not needed to run from the source tree.
  (cd "$PAPERBOY_HOME" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true \
    -Dassembly.skipAssembly=true package) >&2 || {
    echo "paperboy: error: build failed (run ./mvnw package to see why)." >&2
    return 1
  }
}

# JVM flags Lucene's vector module and the native libraries (SQLite, ONNX Runtime) need.
PAPERBOY_JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
