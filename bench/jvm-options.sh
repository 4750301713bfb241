#!/usr/bin/env bash
# The JVM options the image runs with, chosen by measurement: the service started as its Dockerfile starts it
# (the jar extracted, an AOT cache trained with the same options, MALLOC_ARENA_MAX=2, no access token, its
# default H2 file database), once per candidate set of options, each under the same sustained load: wrk -t2
# -c16 posting distinct signed guest questions, a warm-up then the measured run. Per candidate it prints
# acks/s, ack p50/p99/max, CPU % of one core, resident high-water (VmHWM) at the end, the garbage collector's
# pause total over the run (from -Xlog:gc to a file) and time from launch to the first 200 on /health.
#   bench/jvm-options.sh [warmupSeconds] [seconds]            (default 3 60)
# Candidates: one per line in CANDIDATES (a file: "name<TAB>options", or "name<TAB>options<TAB>jar" to compare
# builds as well), or the built-in list below, which starts with jvm.options as shipped. BENCH_PORT (3501) and
# the management port +1000; KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh
. bench/image.sh

warmup=${1:-3}
seconds=${2:-60}
port=${BENCH_PORT:-3501}
management_port=$((port + 1000))
secret=bench-secret-$RANDOM$RANDOM
work=$(mktemp -d "${TMPDIR:-/tmp}/jvm-options.XXXXXX")
pid=

clean_up_on_exit

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
ports_free $port $management_port || exit 1
now_ns() { date +%s%N; }
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
ticks=$(getconf CLK_TCK)

shipped=$(grep -v '^#' jvm.options | tr '\n' ' ')
if [ -n "${CANDIDATES:-}" ]; then
  cp "$CANDIDATES" "$work/candidates"
else
  {
    printf 'shipped (jvm.options)\t%s\n' "$shipped"
    printf 'G1 192m C1\t%s\n' "${shipped/-Xmx128m/-Xmx192m}"
    printf 'Serial 128m C1\t%s\n' "${shipped/-XX:+UseG1GC/-XX:+UseSerialGC}"
    printf 'Parallel 128m C1\t%s\n' "${shipped/-XX:+UseG1GC/-XX:+UseParallelGC}"
    printf 'G1 128m C1+C2\t%s\n' "$(echo "$shipped" | sed 's/-XX:TieredStopAtLevel=1//; s/ReservedCodeCacheSize=24m/ReservedCodeCacheSize=48m/')"
  } > "$work/candidates"
fi

jar=$(service_jar)
"$JAVA_HOME/bin/java" bench/SignedCallbacks.java "$secret" "${CALLBACK_COUNT:-400000}" "$work/callbacks.tsv"
export CALLBACKS="$work/callbacks.tsv"

echo "service: $jar (unless a candidate names its own) on Java $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}'), as the image starts it"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk shares them"
echo "load: wrk -t2 -c16, distinct signed guest questions, ${warmup} s warm-up + ${seconds} s measured"
printf '%-22s %8s %8s %8s %8s %6s %8s %9s %9s\n' candidate acks/s "p50 ms" "p99 ms" "max ms" "CPU %" "HWM MiB" "GC ms" "healthy s"
n=0
while IFS=$'\t' read -r name options candidate_jar; do
  n=$((n + 1))
  app_jar=${candidate_jar:-$jar}
  app_jar=$(extract_jar "$app_jar" "$work/app-$(printf '%s' "$app_jar" | cksum | cut -d' ' -f1)")
  dir=$work/run$n
  mkdir -p "$dir"
  # the AOT cache holds only for the options it was trained with (the collector above all)
  aot=()
  if aot_supported; then
    train_aot_cache "$app_jar" "$dir/app.aot" "$dir/training.log" "$port" "$management_port" $options \
      && aot=(-XX:AOTCache="$dir/app.aot")
  fi
  started=$(now_ns)
  ( cd "$dir" && exec env -u OPENAI_API_KEY -u DATABASE_URL -u WHATSAPP_ACCESS_TOKEN -u WHATSAPP_API_BASE_URL \
      WEBHOOK_PORT=$port MANAGEMENT_PORT=$management_port WHATSAPP_APP_SECRET="$secret" MALLOC_ARENA_MAX=2 \
      "$JAVA_HOME/bin/java" "${aot[@]}" $options -Xlog:disable -Xlog:all=error:stderr -Xlog:gc:file="$dir/gc.log" \
      -jar "$app_jar" > "$dir/service.log" 2>&1 ) &
  pid=$!
  while [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health" || true)" != 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/service.log"; echo "BROKEN: $name did not start"; exit 1; }
    sleep 0.05
  done
  healthy=$(awk -v ns=$(( $(now_ns) - started )) 'BEGIN {printf "%.2f", ns / 1e9}')
  wrk -t2 -c16 -d"${warmup}s" -s bench/ingress.lua "http://127.0.0.1:$port" > "$dir/warmup.txt"
  gc_lines=$(wc -l < "$dir/gc.log")
  cpu0=$(cpu_ticks "$pid"); t0=$(now_ns)
  CALLBACKS_FROM=$(awk '/^requests:/ {print $2}' "$dir/warmup.txt") \
    wrk -t2 -c16 -d"${seconds}s" -s bench/ingress.lua "http://127.0.0.1:$port" > "$dir/run.txt"
  cpu1=$(cpu_ticks "$pid"); t1=$(now_ns)
  kill -0 "$pid" 2>/dev/null || { echo "BROKEN: $name died during the run"; exit 1; }
  hwm=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  # pauses logged during the measured run: "... Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(128M) 5.123ms"
  gc_ms=$(tail -n +"$((gc_lines + 1))" "$dir/gc.log" | grep -oE 'Pause.* ([0-9.]+)ms$' | awk '{sum += $NF + 0} END {printf "%.0f", sum}')
  kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=
  awk -v name="$name" -v cpu=$((cpu1 - cpu0)) -v tck="$ticks" -v wall=$((t1 - t0)) -v hwm="$hwm" -v gc="$gc_ms" -v healthy="$healthy" '
    /^acknowledged per second:/ {acks = $4}
    /^latency p50 / {p50 = $3}
    /^latency p99 / {p99 = $3}
    /^latency max:/ {max = $3}
    END {printf "%-22s %8s %8s %8s %8s %6.0f %8s %9s %9s\n", name, acks, p50, p99, max, 100 * cpu / tck / (wall / 1e9), hwm, gc, healthy}' \
    "$dir/run.txt"
done < "$work/candidates"
