#!/usr/bin/env bash
# Ingress benchmark: distinct signed callbacks at concurrency 16 (wrk, 2 threads) against the packaged jar
# on its embedded H2 file database. Prints acknowledged callbacks per second and latency percentiles, then
# kills the service with SIGKILL and counts the inbox rows, so every acknowledged callback is shown to have
# been committed before its 200.
#   bench/ingress.sh [concurrency] [seconds] [warmupSeconds]
# INGRESS_ONLY=1 loads only the webhook's routes (no inbox consumer, turns or replies competing for the
# cores), which measures the ingress itself; by default the whole service runs, as in production.
# JAVA_OPTS replaces the JVM options (default -Xmx1g), e.g. the container's:
#   JAVA_OPTS="-XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:+UseG1GC" bench/ingress.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh

concurrency=${1:-16}
seconds=${2:-20}
warmup=${3:-5}
work=$(mktemp -d)
port=${BENCH_PORT:-3101}
secret=bench-secret-$RANDOM$RANDOM

if ! command -v wrk > /dev/null; then
  echo "installing wrk (the load generator)"
  apt-get update -qq > /dev/null && apt-get install -y -qq wrk > /dev/null
fi
jar=$(ls target/whatsapp-assistant-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/whatsapp-assistant-*.jar | grep -v original | head -1)
fi
db="jdbc:h2:file:$work/assistant;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
"$JAVA_HOME/bin/java" bench/SignedCallbacks.java "$secret" 100000 "$work/callbacks.tsv"

routes=()
if [ "${INGRESS_ONLY:-0}" = 1 ]; then
  routes=(--camel.main.routes-include-pattern=classpath:routes/webhook.camel.yaml,classpath:routes/error-handling.camel.yaml,classpath:routes/public.camel.yaml)
fi
echo "service: $jar (data in $work)${INGRESS_ONLY:+, webhook routes only}"
( cd "$work" && exec env WEBHOOK_PORT=$port MANAGEMENT_PORT=$((port + 1000)) WHATSAPP_APP_SECRET=$secret \
    DATABASE_URL="$db" "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx1g} -jar "$OLDPWD/$jar" "${routes[@]}" > "$work/service.log" 2>&1 ) &
service=$!
trap 'kill -9 $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/health" > /dev/null && break
  kill -0 $service 2>/dev/null || { echo "the service did not start:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.5
done

export CALLBACKS="$work/callbacks.tsv"
echo "warming up for ${warmup}s"
wrk -t2 -c"$concurrency" -d"${warmup}s" -s bench/ingress.lua "http://localhost:$port" > "$work/warmup.txt"
echo "measuring for ${seconds}s at concurrency $concurrency"
CALLBACKS_FROM=$(awk '/^requests:/ {print $2}' "$work/warmup.txt") \
  wrk -t2 -c"$concurrency" -d"${seconds}s" -s bench/ingress.lua "http://localhost:$port" > "$work/run.txt"
sed -n '/^requests:/,$p' "$work/run.txt"

echo "service RSS after the run: $(( $(ps -o rss= -p $service) / 1024 )) MiB, high-water $(( $(awk '/^VmHWM/ {print $2}' /proc/$service/status) / 1024 )) MiB"
kill -9 $service
wait $service 2>/dev/null || true
acknowledged=$(( $(awk '/^acknowledged \(200\)/ {print $3}' "$work/warmup.txt") + $(awk '/^acknowledged \(200\)/ {print $3}' "$work/run.txt") ))
unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
rows=$("$JAVA_HOME/bin/java" -cp "$work/h2.jar" org.h2.tools.Shell -url "$db" -sql "SELECT COUNT(*) FROM inbox" | sed -n 2p | tr -d ' ')
echo "after kill -9: $rows inbox rows for $acknowledged acknowledged callbacks"
[ "$rows" -ge "$acknowledged" ] || { echo "LOST CALLBACKS"; exit 1; }
