#!/usr/bin/env bash
# Builds the benchmarks jar with the Maven wrapper and runs the loop harness
# (io.flowodm.bench.loop.LoopHarness): AsyncConsumerLoop against Confluent Parallel Consumer and a
# bare virtual-thread consumer (a handler that sleeps 5 ms), AsyncConsumerLoop and ConsumerLoop
# against a raw KafkaConsumer and Spring Kafka's KafkaMessageListenerContainer (a no-op handler),
# allocation per record, and the heap after a million distinct keys; one embedded broker and
# schema registry in the same JVM for all. Results go to flowodm-bench/results/loops-<date-time>/:
#   report.md    the machine note, the tables (medians, ratios, goals) and the heap check
#   harness.log  the console output, one line per run
# Arguments go to the harness: --records N (200000), --keys K (1000), --partitions P (500),
# --sleep-ms MS (5), --in-flight N (500), --noop-records N (1000000), --heap-keys N (1000000),
# --rounds R (3), --warmup W (1), --scenarios slow,noop,heap. A smoke run that only proves it works:
#   flowodm-bench/run-loops.sh --records 5000 --keys 100 --partitions 20 --noop-records 20000 --heap-keys 20000 --rounds 1 --warmup 0
# Extra JVM options in JAVA_OPTS. Run it on a quiet machine.
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

out="flowodm-bench/results/loops-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$java" "${flags[@]}" ${JAVA_OPTS:-} -cp flowodm-bench/target/benchmarks.jar \
  io.flowodm.bench.loop.LoopHarness --report "$out/report.md" "$@" 2>&1 | tee "$out/harness.log"
echo "Results in $out"
