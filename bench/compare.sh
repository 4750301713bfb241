#!/usr/bin/env bash
# The service and the seed-style Express peer (bench/seed-peer: the seed's webhook server, which this service
# replaces, re-created) measured one after the other on this machine with the same drivers, printed side by
# side with their ratio (absolute figures on a shared machine move by tens of percent between runs; ratios
# from one run move much less). Two set-ups, chosen with MODE:
#   bench/compare.sh [warmupSeconds] [seconds]                 both set-ups, burst then sustained
#   MODE=burst bench/compare.sh [warmupSeconds] [seconds]      the burst set-up only (default 5 s + 20 s)
#   MODE=sustained bench/compare.sh [warmupSeconds] [seconds]  the sustained set-up only (default 3 s + 60 s)
# The two arguments set the warm-up and measured seconds of every run of the set-ups chosen; without them
# each set-up has its own defaults (SUSTAINED_WARMUP and SUSTAINED_SECONDS change the sustained ones).
# Smoke runs: bench/compare.sh 2 5, or MODE=sustained bench/compare.sh 1 5.
# Burst set-up (MODE=burst), the peer with its outbound work and the service sending to a Cloud API stand-in:
# 1. Ack run: wrk -t2 -c16 posting distinct signed guest questions (bench/SignedCallbacks.java,
#    bench/ingress.lua), a warm-up then the measured run. The service is the packaged jar on a fresh H2 file
#    database, all routes, answering with the offline agent; the peer asks the stand-in model (0 ms). Both
#    send their replies to the stand-in Cloud API (bench/StandIns.java). Per process: acks/s, ack latency
#    p50/p99/max, CPU seconds and % of one core during the measured run (/proc/<pid>/stat), resident
#    high-water (VmHWM) at its end, time from launch to the first 200 on /health, and the replies that
#    reached the Cloud API per second meanwhile.
# 2. Reply latency: REPLY_RATE (20) callbacks/s, each from its own guest, a warm-up then the measured run
#    (bench/PacedCallbacks.java), with the stand-in model answering after each of MODEL_DELAYS ms (0 500);
#    latency is the reply's arrival at the Cloud API less the moment its callback was posted. The service
#    takes the model path (OPENAI_API_KEY=x), as shipped.
# Sustained set-up (MODE=sustained), as an outside reviewer measured: the peer without its outbound work (no
# OPENAI_API_KEY and no access token: after its 200 its agent fails at once and nothing is sent), the
# service as the image starts it (Dockerfile's ENTRYPOINT: its JVM options and logging flags, the default
# H2 file database under its working directory) with no access token (replies go to the sandbox outbox),
# the offline agent answering. No stand-ins. Each process is launched afresh for each of two ack runs:
# 3. Raw ack run: bench/RawDriver.java, RAW_CONNECTIONS (16) keep-alive sockets each posting a distinct signed
#    guest question and reading the answer before the next (not pipelined), a warm-up then the measured run.
# 4. wrk ack run: as 1, with this set-up's durations.
#    Per process and run: acks/s, ack latency p50/p99/max, CPU seconds and % of one core during the measured
#    run, resident high-water (VmHWM) at its end, time from launch to the first 200 on /health.
# Environment: MODE (burst, sustained or both; both), SERVICE_JAVA_OPTS (below), SEED_QUIET=1 (the peer
# without its request logging; default: as shipped, logging to a file), CALLBACK_COUNT (distinct callbacks
# of a wrk ack run, 400000), RAW_CONNECTIONS (16), BENCH_PORT (the first of five loopback ports: service,
# peer, Cloud API, model, and +1000 the service's management port; 3201), PEER_DIR (another peer with a
# server.js and a package-lock.json; default bench/seed-peer, installed with npm ci into a temporary copy),
# SERVICE_JAR (another build of the service to measure, e.g. an older release; default: target's),
# KEEP=1 (keep the logs and databases). Exits non-zero only when something broke: a process
# did not start or died, a reply was lost; a goal not met is printed, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh
. bench/image.sh

# The JVM options of the service: jvm.options, as the image (Dockerfile), k8s and spring-boot:run use them.
# The service runs as the image runs it: the jar extracted (java -Djarmode=tools), with an AOT cache from a
# training run (Java 25 and newer), MALLOC_ARENA_MAX=2.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-@$PWD/jvm.options}

mode=${MODE:-both}
case $mode in burst | sustained | both) ;; *) echo "MODE is burst, sustained or both, not $mode"; exit 2 ;; esac
burst_warmup=${1:-5}
burst_seconds=${2:-20}
sustained_warmup=${1:-${SUSTAINED_WARMUP:-3}}
sustained_seconds=${2:-${SUSTAINED_SECONDS:-60}}
raw_connections=${RAW_CONNECTIONS:-16}
callback_count=${CALLBACK_COUNT:-400000}
reply_rate=${REPLY_RATE:-20}
model_delays=${MODEL_DELAYS:-0 500}
base=${BENCH_PORT:-3201}
service_port=$base
management_port=$((base + 1000))
peer_port=$((base + 1))
cloud_port=$((base + 2))
model_port=$((base + 3))
peer_src=${PEER_DIR:-$PWD/bench/seed-peer}
root=$PWD
secret=bench-secret-$RANDOM$RANDOM
work=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX")
broken=0
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$broken" = 0 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "logs and databases kept in $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "BROKEN: $*"; broken=1; }
now_ns() { date +%s%N; }
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
hwm_mib() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
standin() { curl -sf --max-time 5 -X "$1" "http://127.0.0.1:$cloud_port$2"; }
ticks=$(getconf CLK_TCK)

command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
command -v node > /dev/null || { echo "node (20 or newer) is needed for the peer"; exit 1; }
[ -f "$peer_src/server.js" ] || { echo "the peer is not at $peer_src (set PEER_DIR)"; exit 1; }
ports_free $service_port $peer_port $cloud_port $model_port $management_port || exit 1
jar=${SERVICE_JAR:-$(service_jar)}
# the image's layout and AOT cache (Dockerfile)
app_jar=$(extract_jar "$jar" "$work/app")
aot=()
if aot_supported; then
  train_aot_cache "$app_jar" "$work/app/app.aot" "$work/aot-training.log" "$service_port" "$management_port" $SERVICE_JAVA_OPTS \
    || { tail -20 "$work/aot-training.log"; fail "the AOT training run"; exit 1; }
  aot=(-XX:AOTCache="$work/app/app.aot")
fi
[ -f "$peer_src/package-lock.json" ] || { echo "the peer at $peer_src has no package-lock.json for npm ci"; exit 1; }
cp -r "$peer_src/." "$work/peer" && chmod -R u+w "$work/peer"
rm -rf "$work/peer/node_modules"
(cd "$work/peer" && npm ci --no-audit --no-fund --loglevel=error > "$work/npm.log" 2>&1) \
  || { cat "$work/npm.log"; fail "npm ci of the peer"; exit 1; }
"$JAVA_HOME/bin/java" bench/SignedCallbacks.java "$secret" "$callback_count" "$work/callbacks.tsv"

if [ "$mode" != sustained ]; then
  "$JAVA_HOME/bin/java" bench/StandIns.java "$cloud_port" "$model_port" 0 > "$work/standins.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 200); do standin GET /_stats > /dev/null 2>&1 && break; sleep 0.1; done
  standin GET /_stats > /dev/null || { cat "$work/standins.log"; fail "the stand-ins did not start"; exit 1; }
fi

java_version=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
peer_logging="on, as shipped, to its log file"
[ "${SEED_QUIET:-}" = 1 ] && peer_logging="off (SEED_QUIET=1)"
peer_name=$peer_src
[ "$peer_src" = "$root/bench/seed-peer" ] && peer_name="bench/seed-peer (the seed's webhook server, re-created)"
echo "service: $jar on Java $java_version, extracted${aot:+ with an AOT cache}, SERVICE_JAVA_OPTS=$SERVICE_JAVA_OPTS"
echo "peer:    $peer_name on Node $(node --version), logging $peer_logging"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); drivers and stand-ins share them"

# Starts the service or the peer ($1) with extra environment assignments ($2...), as the current set-up
# ($setup: burst or sustained) runs it; sets pid, log and healthy_s (launch to the first 200 on /health,
# polled every 50 ms).
launch() {
  local kind=$1; shift
  local dir
  dir=$(mktemp -d "$work/$kind.XXXX")
  log=$dir/$kind.log
  local started port
  started=$(now_ns)
  if [ "$kind" = service ] && [ "$setup" = sustained ]; then
    # the image's ENTRYPOINT (Dockerfile): its options and logging flags, the default H2 file database
    # (./data under the working directory), no access token: replies go to the sandbox outbox
    port=$service_port
    ( cd "$dir" && exec env -u OPENAI_API_KEY -u OPENAI_BASE_URL -u MEM0_API_KEY -u HANDOFF_WEBHOOK_URL \
        -u DATABASE_URL -u WHATSAPP_ACCESS_TOKEN -u WHATSAPP_API_BASE_URL \
        WEBHOOK_PORT=$service_port MANAGEMENT_PORT=$management_port WHATSAPP_APP_SECRET="$secret" \
        MALLOC_ARENA_MAX=2 "$@" \
        "$JAVA_HOME/bin/java" "${aot[@]}" $SERVICE_JAVA_OPTS -Xlog:disable -Xlog:all=error:stderr \
        -jar "$app_jar" > "$log" 2>&1 ) &
  elif [ "$kind" = service ]; then
    port=$service_port
    ( cd "$dir" && exec env -u OPENAI_API_KEY -u OPENAI_BASE_URL -u MEM0_API_KEY -u HANDOFF_WEBHOOK_URL \
        WEBHOOK_PORT=$service_port MANAGEMENT_PORT=$management_port WHATSAPP_APP_SECRET="$secret" \
        DATABASE_URL="jdbc:h2:file:$dir/assistant;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        WHATSAPP_ACCESS_TOKEN=x WHATSAPP_API_BASE_URL="http://127.0.0.1:$cloud_port" MALLOC_ARENA_MAX=2 "$@" \
        "$JAVA_HOME/bin/java" "${aot[@]}" $SERVICE_JAVA_OPTS -jar "$app_jar" > "$log" 2>&1 ) &
  elif [ "$setup" = sustained ]; then
    # without its outbound work: no key, so its agent fails before any network call; no token, nothing sent
    port=$peer_port
    ( cd "$work/peer" && exec env -u SEED_QUIET -u OPENAI_API_KEY -u WHATSAPP_ACCESS_TOKEN \
        ${SEED_QUIET:+SEED_QUIET=$SEED_QUIET} WEBHOOK_PORT=$peer_port "$@" node server.js > "$log" 2>&1 ) &
  else
    port=$peer_port
    ( cd "$work/peer" && exec env -u SEED_QUIET ${SEED_QUIET:+SEED_QUIET=$SEED_QUIET} WEBHOOK_PORT=$peer_port \
        WHATSAPP_ACCESS_TOKEN=x WHATSAPP_PHONE_NUMBER_ID=106540352242922 WHATSAPP_API_BASE_URL="http://127.0.0.1:$cloud_port" \
        OPENAI_API_KEY=x OPENAI_BASE_URL="http://127.0.0.1:$model_port/v1" "$@" node server.js > "$log" 2>&1 ) &
  fi
  pid=$!
  pids+=("$pid")
  while [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health" || true)" != 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $(( $(now_ns) - started )) -gt 180000000000 ]; then
      tail -30 "$log"; fail "the $kind did not start"; exit 1
    fi
    sleep 0.05
  done
  healthy_s=$(awk -v ns=$(( $(now_ns) - started )) 'BEGIN {printf "%.2f", ns / 1e9}')
}

stop() { kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }

# Ack run with driver $3 (wrk, or raw: bench/RawDriver.java) against the process just launched on port $2;
# appends its row, labelled $1, to $work/$setup.$3.rows. In the burst set-up the replies that reached the
# Cloud API stand-in are counted meanwhile; in the sustained one there is no stand-in ("-").
ack_run() {
  local label=$1 port=$2 driver=$3
  local name=$setup.$driver.$label
  local r=$work/$name.run.txt cpu wall texts=-
  if [ "$driver" = raw ]; then
    # warm-up and measured run in one driver process, which reads the server's CPU time at the switch
    "$JAVA_HOME/bin/java" bench/RawDriver.java 127.0.0.1 "$port" "$secret" "$raw_connections" "$warmup" "$seconds" \
        "$label$RANDOM" "$pid" > "$r" || fail "the raw driver against the $label"
    cpu=$(awk '/^cpu ticks:/ {print $3}' "$r"); wall=$(awk '/^measured ns:/ {print $3}' "$r")
    grep -E '^(connection|some connections)' "$r" | sed 's/^/  raw driver: /' || true
    awk -v label="$label" '/^reconnects:/ && $2 > 0 {
      printf "  note: the %s closed keep-alive connections %d times during the measured raw run; the driver reconnected\n", label, $2}' "$r"
  else
    export CALLBACKS="$work/callbacks.tsv"
    wrk -t2 -c16 -d"${warmup}s" -s bench/ingress.lua "http://127.0.0.1:$port" > "$work/$name.warmup.txt"
    [ "$setup" = burst ] && standin POST /_reset > /dev/null
    local cpu0 t0 cpu1 t1
    cpu0=$(cpu_ticks "$pid"); t0=$(now_ns)
    CALLBACKS_FROM=$(awk '/^requests:/ {print $2}' "$work/$name.warmup.txt") \
      wrk -t2 -c16 -d"${seconds}s" -s bench/ingress.lua "http://127.0.0.1:$port" > "$r"
    cpu1=$(cpu_ticks "$pid"); t1=$(now_ns)
    cpu=$((cpu1 - cpu0)); wall=$((t1 - t0))
    [ "$setup" = burst ] && texts=$(standin GET /_stats | sed 's/.*texts=\([0-9]*\).*/\1/')
    local posted=$(( 2 * $(awk '/^requests:/ {print $2}' "$work/$name.warmup.txt") + $(awk '/^requests:/ {print $2}' "$r") ))
    [ "$posted" -le "$callback_count" ] \
      || echo "  note: the $label got more requests than the $callback_count distinct callbacks, some twice (CALLBACK_COUNT)"
  fi
  kill -0 "$pid" 2>/dev/null || fail "the $label died during the ack run"
  awk -v label="$label" -v cpu="${cpu:-0}" -v tck="$ticks" -v wall="${wall:-1}" -v hwm="$(hwm_mib "$pid" 2>/dev/null || echo -)" \
      -v healthy="$healthy_s" -v texts="$texts" '
    /^acknowledged per second:/ {acks = $4}
    /^not acknowledged:/ {nacks = $3}
    /^latency p50 / {p50 = $3}
    /^latency p99 / {p99 = $3}
    /^latency max:/ {max = $3}
    END {
      s = wall / 1e9
      if (acks == "") acks = p50 = p99 = max = "-"
      printf "%s %s %s %s %s %.1f %.0f %s %s %s %s\n", label, acks, p50, p99, max,
         cpu / tck, 100 * cpu / tck / s, hwm, healthy, texts == "-" ? "-" : sprintf("%.0f", texts / s), nacks + 0
    }' \
      "$r" >> "$work/$setup.$driver.rows"
  [ "$(awk '/^acknowledged \(200\)/ {print $3}' "$r")" -gt 0 ] 2>/dev/null || fail "no callback acknowledged by the $label"
}

# Ack runs with driver $1 (wrk or raw): the service, then the peer, each launched afresh for its run.
ack_runs() {
  launch service
  echo "  service healthy after ${healthy_s} s, measuring"
  ack_run service "$service_port" "$1"
  stop
  launch peer
  echo "  peer healthy after ${healthy_s} s, measuring"
  ack_run peer "$peer_port" "$1"
  stop
}

# Reply-latency runs against the process just launched on port $1, one per model delay.
reply_runs() {
  local label=$1 port=$2 run=$3 delay line
  for delay in $model_delays; do
    standin POST "/_delay?ms=$delay" > /dev/null
    standin POST /_reset > /dev/null
    line=$("$JAVA_HOME/bin/java" bench/PacedCallbacks.java "http://127.0.0.1:$port/webhooks/whatsapp" "$secret" \
        "$reply_rate" "$warmup" "$seconds" "http://127.0.0.1:$cloud_port" "$run" $(( 15 + delay / 1000 * 2 )))
    echo "$label $delay $line" >> "$work/reply.rows"
    run=$((run + 1))
    kill -0 "$pid" 2>/dev/null || fail "the $label died during the reply run"
  done
}

# The table of one ack set-up ($1: its rows), headed $2, the replies column when $3 is 1: service, peer and
# the service/peer ratio of each figure.
ack_table() {
  local columns=9
  [ "$3" = 1 ] && columns=10
  printf '%-14s %9s %8s %8s %8s %7s %6s %8s %10s' "$2" acks/s "p50 ms" "p99 ms" "max ms" "CPU s" "CPU %" "HWM MiB" "healthy s"
  [ "$3" = 1 ] && printf ' %10s' replies/s
  printf '\n'
  awk -v last="$columns" '
    {for (i = 2; i <= 10; i++) v[$1, i] = $i; if ($11 > 0) nack[$1] = $11}
    END {
      split("0 9 8 8 8 7 6 8 10 10", width, " ")
      for (k = 0; k < 2; k++) {
        who = k == 0 ? "service" : "peer"
        printf "%-14s", who
        for (i = 2; i <= last; i++) printf " %" width[i] "s", v[who, i]
        printf "\n"
      }
      printf "%-14s", "service/peer"
      for (i = 2; i <= last; i++) {
        printf " %" width[i] "s", (v["peer", i] > 0 ? sprintf("%.2f", v["service", i] / v["peer", i]) : "-")
      }
      printf "\n"
      for (who in nack) printf "  %s: %d requests not acknowledged with 200\n", who, nack[who]
    }' "$1"
}

if [ "$mode" != sustained ]; then
  setup=burst warmup=$burst_warmup seconds=$burst_seconds
  echo
  echo "BURST SET-UP: the peer with its outbound work (stand-in model at 0 ms, stand-in Cloud API), the service"
  echo "on an H2 file database sending to the stand-in Cloud API, offline agent"
  echo "ack run: wrk -t2 -c16, distinct signed guest questions, ${warmup} s warm-up + ${seconds} s measured"
  ack_runs wrk

  echo "reply latency: $reply_rate callbacks/s from distinct guests, ${warmup} s warm-up + ${seconds} s measured," \
       "model delays: $model_delays ms"
  launch service OPENAI_API_KEY=x OPENAI_BASE_URL="http://127.0.0.1:$model_port/v1"
  echo "  service (model path) healthy after ${healthy_s} s, measuring"
  reply_runs service "$service_port" 1
  stop
  launch peer
  echo "  peer healthy after ${healthy_s} s, measuring"
  reply_runs peer "$peer_port" 5
  stop

  echo
  echo "burst set-up, ack run: wrk -t2 -c16, ${warmup} s warm-up + ${seconds} s measured"
  ack_table "$work/burst.wrk.rows" "ACK RUN" 1

  echo
  echo "burst set-up, reply latency: $reply_rate callbacks/s, ${warmup} s warm-up + ${seconds} s measured"
  echo "REPLY LATENCY  model ms   p50 ms   p95 ms   p99 ms   max ms    replies"
  sort -k2,2n -k1,1r "$work/reply.rows" | awk '
    {
      for (i = 3; i <= NF; i++) {split($i, kv, "="); f[kv[1]] = kv[2]}
      printf "%-14s %8s %8s %8s %8s %8s %10s\n", $1, $2, f["p50"], f["p95"], f["p99"], f["max"], f["replies"] "/" f["callbacks"]
      if (f["acked"] + 0 < f["callbacks"] + 0) printf "  %s at %s ms: %d of %d callbacks acknowledged\n", $1, $2, f["acked"], f["callbacks"]
      if (f["replies"] + 0 < f["callbacks"] + 0) lost = 1
      if ($1 == "service") {
        goal = $2 + 50
        verdict = verdict sprintf("  goal, service p95 <= model + 50 ms, at %s ms: %s ms %s\n", $2, f["p95"],
            f["p95"] + 0 <= goal && f["p95"] != "NaN" ? "<= " goal ", met" : "> " goal ", short by " sprintf("%.0f", f["p95"] - goal) " ms")
      }
    }
    END {printf "%s", verdict; exit lost}' || fail "replies lost (fewer replies than callbacks)"
fi

if [ "$mode" != burst ]; then
  setup=sustained warmup=$sustained_warmup seconds=$sustained_seconds
  echo
  echo "SUSTAINED SET-UP: the peer without its outbound work (no OPENAI_API_KEY, no access token), the service"
  echo "as the image starts it on its default H2 file database, no access token (sandbox outbox), offline agent"
  echo "raw ack run: bench/RawDriver.java, $raw_connections keep-alive connections, not pipelined," \
       "${warmup} s warm-up + ${seconds} s measured"
  ack_runs raw
  echo "wrk ack run: wrk -t2 -c16, ${warmup} s warm-up + ${seconds} s measured, each process launched afresh"
  ack_runs wrk

  echo
  echo "sustained set-up, raw driver: $raw_connections keep-alive connections, ${warmup} s warm-up + ${seconds} s measured"
  ack_table "$work/sustained.raw.rows" "SUSTAINED RAW" 0
  echo
  echo "sustained set-up, wrk -t2 -c16: ${warmup} s warm-up + ${seconds} s measured"
  ack_table "$work/sustained.wrk.rows" "SUSTAINED WRK" 0
fi

exit $broken
