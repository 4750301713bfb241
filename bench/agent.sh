#!/usr/bin/env bash
# Prints the model agent's own overhead per turn beyond the model's latency (p50/p95/p99/max), the
# end-to-end time per turn, and the prompt tokens per turn over 20-turn conversations (bounded by the
# chat-memory window and the condensation into a summary), with an OpenAI-compatible stand-in model that
# answers after a fixed latency, the real MCP tools and WireMock as the Cloud API; once without Mem0 and
# once with Mem0 on a stand-in. Not part of ./mvnw verify. Usage: bench/agent.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -DskipTests test-compile exec:exec@agent-benchmark
