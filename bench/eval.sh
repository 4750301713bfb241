#!/usr/bin/env bash
# The evaluation (eval/README.md): the packaged service on the evaluation's world, every scenario of
# eval/scenarios played through the real signed webhook, judged from what reached the stand-in Cloud API and
# the world's ground truth; prints the scorecard and writes it as markdown, JSON and SVG.
#   bench/eval.sh                                   the offline agent, k = 1, into target/eval/
#   bench/eval.sh --out docs/eval --name offline    the published scorecard
#   OPENAI_BASE_URL=… OPENAI_MODEL=… OPENAI_API_KEY=… bench/eval.sh [--k 4]   an OpenAI-compatible model
# Options: --k N, --out folder, --name file name, --parallel N, --scenarios folder, --jar path.
# Cost estimate: EVAL_PRICE_INPUT / EVAL_PRICE_OUTPUT (USD per million tokens), EVAL_PRICE_MESSAGE (USD per
# billable message). Builds the jar first when target/ has none.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/java-home.sh
if ! ls target/whatsapp-assistant-*.jar > /dev/null 2>&1; then
  echo "building the jar"
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B -DskipTests test-compile
classpath_file=target/eval-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" > /dev/null
exec "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:$(cat "$classpath_file")" org.holidaydesk.assistant.eval.EvalMain "$@"
