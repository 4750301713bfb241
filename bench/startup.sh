#!/usr/bin/env bash
# Where the service's start goes: the service started as its Dockerfile starts it (the jar extracted,
# jvm.options, an AOT cache trained on 300 callbacks through the whole pipeline, MALLOC_ARENA_MAX=2, a fresh
# H2 file database, no access token), RUNS times, each time through bench/StartupSteps.java, which records
# Spring Boot's startup steps. Prints each run's time from the JVM's launch to the first 200 on /health and
# from main to started, then the last run's longest steps, by their own time and by their whole duration.
#   bench/startup.sh [runs]            (default 3)
# BENCH_PORT (3601) and the management port +1000; KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh
. bench/image.sh

runs=${1:-3}
port=${BENCH_PORT:-3601}
management_port=$((port + 1000))
work=$(mktemp -d "${TMPDIR:-/tmp}/startup.XXXXXX")
pid=

clean_up_on_exit

ports_free $port $management_port || exit 1
now_ns() { date +%s%N; }

jar=$(service_jar)
app_jar=$(extract_jar "$jar" "$work/app")
# the launcher comes after the service's jar on the class path, so that the AOT cache trained on the jar
# alone (its class path a prefix of this one) is used
mkdir -p "$work/steps"
"$JAVA_HOME/bin/javac" -d "$work/steps" -cp "$app_jar" bench/StartupSteps.java
"$JAVA_HOME/bin/jar" cf "$work/steps.jar" -C "$work/steps" .
options=$(grep -v '^#' jvm.options | tr '\n' ' ')

aot=()
if aot_supported; then
  train_aot_cache "$app_jar" "$work/app.aot" "$work/training.log" "$port" "$management_port" $options \
    || { tail -20 "$work/training.log"; echo "BROKEN: the AOT training run"; exit 1; }
  # AOTMode=on: a cache the JVM cannot use is an error, not a silently slower start
  aot=(-XX:AOTCache="$work/app.aot" -XX:AOTMode=on)
fi

echo "service: $jar on Java $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}'), as the image starts it${aot:+, AOT cache made}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  dir=$work/run$run
  mkdir -p "$dir"
  started=$(now_ns)
  ( cd "$dir" && exec env -u OPENAI_API_KEY -u DATABASE_URL -u WHATSAPP_ACCESS_TOKEN -u WHATSAPP_API_BASE_URL \
      WEBHOOK_PORT=$port MANAGEMENT_PORT=$management_port WHATSAPP_APP_SECRET=startup-steps MALLOC_ARENA_MAX=2 \
      "$JAVA_HOME/bin/java" "${aot[@]}" $options -Xlog:disable -Xlog:all=error:stderr \
      -cp "$app_jar:$work/steps.jar" StartupSteps "$dir/steps.txt" > "$dir/service.log" 2>&1 ) &
  pid=$!
  while [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health" || true)" != 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/service.log" "$dir/steps.txt"; echo "BROKEN: run $run did not start"; exit 1; }
    sleep 0.05
  done
  healthy=$(awk -v ns=$(( $(now_ns) - started )) 'BEGIN {printf "%.2f", ns / 1e9}')
  wait "$pid" || { tail -20 "$dir/service.log"; echo "BROKEN: run $run did not stop cleanly"; exit 1; }
  pid=
  echo "run $run: healthy after $healthy s; $(head -1 "$dir/steps.txt")"
done
tail -n +2 "$work/run$runs/steps.txt"
