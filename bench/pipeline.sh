#!/usr/bin/env bash
# Prints the pipeline's end-to-end latency (callback posted -> reply at the Cloud API, p50/p95/p99) with an
# agent that answers at once and WireMock as the Cloud API, then one replica's handled messages per second.
# Not part of ./mvnw verify. Usage: bench/pipeline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -DskipTests test-compile exec:exec@pipeline-benchmark
