#!/usr/bin/env bash
# Prints search_availability latency (p50, p99, mean) and throughput, in-process, over 1,000 properties
# with two years of bookings each. Not part of ./mvnw verify. Usage: bench/availability.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# the build needs Java 21 or later; the machine's default java may be older
if [[ -z "${JAVA_HOME:-}" ]] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/javac" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi

exec ./mvnw -q -DskipTests test-compile exec:exec@availability-benchmark
