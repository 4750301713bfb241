# Sourced (bash) by the benchmarks that start the service as its image does (bench/compare.sh,
# bench/jvm-options.sh, bench/startup.sh), after .mvn/java-home.sh, from the project's root: the packaged jar,
# extracted as the Dockerfile extracts it, the Dockerfile's AOT training run, and what those benchmarks share
# around the processes they start (free ports, clean-up on exit).

# The packaged jar under target/, built first when there is none.
service_jar() {
  local jar
  jar=$(ls target/whatsapp-assistant-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ]; then
    echo "building the jar" >&2
    ./mvnw -q -B -DskipTests package >&2
    jar=$(ls target/whatsapp-assistant-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# extract_jar <jar> <destination>: the jar extracted with its libraries beside it (java -Djarmode=tools);
# prints the extracted jar's path.
extract_jar() {
  [ -d "$2" ] || "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$1" extract --destination "$2" > /dev/null
  echo "$2/$(basename "$1")"
}

# Whether this JDK makes AOT caches (-XX:AOTCacheOutput, Java 25 and newer).
aot_supported() {
  [ "$(java_major "$JAVA_HOME")" -ge 25 ]
}

# train_aot_cache <extracted jar> <cache> <log> <port> <management port> <JVM options...>: the Dockerfile's
# training run, with the options the service will run with (a cache holds only for them): the service on an
# in-memory database posts 300 signed guest questions through its whole pipeline and exits. Fails with the
# run's status; its output is in <log>.
train_aot_cache() {
  local app_jar=$1 cache=$2 log=$3 port=$4 management_port=$5
  shift 5
  (cd "$(dirname "$cache")" \
    && DATABASE_URL='jdbc:h2:mem:training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH' \
      WHATSAPP_APP_SECRET=aot-training WEBHOOK_PORT=$port MANAGEMENT_PORT=$management_port \
      "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$cache" "$@" -Dassistant.aot-training.callbacks=300 \
      -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -jar "$app_jar" > "$log" 2>&1)
}

# ports_free <port...>: fails, naming the port, when something already answers on one of them (it would be
# measured instead of the process the benchmark starts).
ports_free() {
  local port
  for port in "$@"; do
    ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "port $port is taken (set BENCH_PORT)"; return 1; }
  done
}

# clean_up_on_exit: for a benchmark that runs one service process at a time, $pid, in its work folder, $work.
# On exit (an interrupt included) the process is killed and the folder removed, or kept with KEEP=1.
clean_up_on_exit() {
  trap kill_process_and_clean_up EXIT
  trap 'exit 130' INT TERM
}

kill_process_and_clean_up() {
  [ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "logs kept in $work"; fi
}
