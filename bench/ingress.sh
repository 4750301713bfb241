#!/usr/bin/env bash
# Ingress benchmark: signed callbacks at concurrency 16 against the packaged jar on its embedded H2 file
# database. Prints acknowledged callbacks per second and latency percentiles, then kills the service with
# SIGKILL and counts the inbox rows, so every acknowledged callback is shown to have been committed.
#   bench/ingress.sh [concurrency] [seconds] [warmupSeconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh

concurrency=${1:-16}
seconds=${2:-20}
warmup=${3:-5}
work=$(mktemp -d)
port=${BENCH_PORT:-3101}
secret=bench-secret-$RANDOM$RANDOM

jar=$(ls target/whatsapp-assistant-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -DskipTests package
  jar=$(ls target/whatsapp-assistant-*.jar | grep -v original | head -1)
fi
db="jdbc:h2:file:$work/assistant;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

echo "service: $jar (data in $work)"
( cd "$work" && exec env WEBHOOK_PORT=$port MANAGEMENT_PORT=$((port + 1000)) WHATSAPP_APP_SECRET=$secret \
    DATABASE_URL="$db" "$JAVA_HOME/bin/java" -Xmx1g -jar "$OLDPWD/$jar" > "$work/service.log" 2>&1 ) &
service=$!
trap 'kill -9 $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/health" > /dev/null && break
  kill -0 $service 2>/dev/null || { echo "the service did not start:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.5
done

"$JAVA_HOME/bin/java" bench/IngressBenchmark.java "http://localhost:$port" "$secret" "$concurrency" "$seconds" "$warmup" \
  | tee "$work/result.txt"

echo "service RSS after the run: $(( $(ps -o rss= -p $service) / 1024 )) MiB"
kill -9 $service
wait $service 2>/dev/null || true
acknowledged=$(grep 'total acknowledged incl. warmup' "$work/result.txt" | awk '{print $NF}')
unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$work/h2.jar"
rows=$("$JAVA_HOME/bin/java" -cp "$work/h2.jar" org.h2.tools.Shell -url "$db" -sql "SELECT COUNT(*) FROM inbox" | sed -n 2p | tr -d ' ')
echo "after kill -9: $rows inbox rows for $acknowledged acknowledged callbacks"
[ "$rows" -ge "$acknowledged" ] || { echo "LOST CALLBACKS"; exit 1; }
