#!/usr/bin/env bash
# Builds the benchmarks jar with the Maven wrapper and runs the codec benchmarks in one JMH run
# with the GC profiler. Results go to flowodm-bench/results/<date-time>/:
#   jmh-result.json  JMH's results (-rf json)
#   report.md        the time and allocation tables with FlowODM's ratios
#   jmh.log          the console output
# Extra arguments go to JMH, e.g. a quick smoke run:
#   flowodm-bench/run.sh -f 1 -wi 1 -i 1 -w 1s -r 1s
# Run it on a quiet machine: nothing else building, no browser, laptop on mains power.
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -B -q package -pl flowodm-bench -am \
  -Dtest='io.flowodm.bench.**.*Test' -Dsurefire.failIfNoSpecifiedTests=false

# The JDK the wrapper builds with (JAVA_HOME, else the java on PATH if >= 21, else a JDK it finds).
. ./.mvn/select-jdk.sh
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

out="flowodm-bench/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -srm), $(nproc 2>/dev/null || echo '?') CPUs"
  "$java" -version 2>&1
} >"$out/jmh.log"
"$java" -cp flowodm-bench/target/benchmarks.jar io.flowodm.bench.BenchmarkReport \
  -rf json -rff "$out/jmh-result.json" --report "$out/report.md" "$@" 2>&1 | tee -a "$out/jmh.log"
echo "Results in $out"
