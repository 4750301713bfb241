#!/usr/bin/env bash
# Prints search_availability latency (p50, p99, mean) and throughput, in-process, over 1,000 properties
# with two years of bookings each. Not part of ./mvnw verify. Usage: bench/availability.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# ./mvnw selects a JDK 21+ itself
exec ./mvnw -q -DskipTests test-compile exec:exec@availability-benchmark
