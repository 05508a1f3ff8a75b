#!/usr/bin/env bash
# Builds the benchmarks jar with the Maven wrapper and runs the throughput harness
# (io.flowodm.bench.throughput.ThroughputHarness): ModelProducer and ModelConsumer against the raw
# Kafka clients, on an embedded broker and schema registry in the same JVM. Takes about two
# minutes on 2 cores. Results go to flowodm-bench/results/throughput-<date-time>/:
#   report.md    the machine note, the table (medians, ours/raw) and the client settings
#   harness.log  the console output, one line per run
# Arguments go to the harness: --records N (500000), --consume-records N (2000000), --rounds R (5),
# --warmup W (3),
# --phase produce|consume|both. Extra JVM options in JAVA_OPTS, e.g. a JFR recording:
#   JAVA_OPTS='-XX:StartFlightRecording=filename=harness.jfr,settings=profile' flowodm-bench/run-throughput.sh
# Run it on a quiet machine: nothing else building, no browser, laptop on mains power.
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -B -q package -pl flowodm-bench -am \
  -Dtest='io.flowodm.bench.**.*Test' -Dsurefire.failIfNoSpecifiedTests=false

# The JDK the wrapper builds with (JAVA_HOME, else the java on PATH if >= 21, else a JDK it finds).
. ./.mvn/select-jdk.sh
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
flags=(-Xms2g -Xmx2g)
major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
if [ "${major:-0}" -ge 24 ]; then
  # Kafka's broker uses JNI and sun.misc.Unsafe; JDK 24+ warns about both unless allowed.
  flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi

out="flowodm-bench/results/throughput-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$java" "${flags[@]}" ${JAVA_OPTS:-} -cp flowodm-bench/target/benchmarks.jar \
  io.flowodm.bench.throughput.ThroughputHarness --report "$out/report.md" "$@" 2>&1 | tee "$out/harness.log"
echo "Results in $out"
