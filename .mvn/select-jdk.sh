# Sourced by ./mvnw: makes sure Maven runs on a JDK >= 21.
#
# FlowODM targets Java 21. When JAVA_HOME (or the java on PATH) is older, this
# looks for an installed JDK >= 21 in the usual places and exports JAVA_HOME so
# that the build, the tests and `exec:java` all run on it. It prefers the
# oldest suitable JDK (21 before 25), so the build stays close to its target.
# Set JAVA_HOME to a JDK >= 21 yourself to choose another one.

flowodm_jdk_major() {
  # Prints the major version of the java launcher $1 (8 for 1.8), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

flowodm_quiet_new_jdk() {
  # JDK 24+ warns about Maven's own use of sun.misc.Unsafe and JNI; allow them for Maven's JVM.
  if [ "$1" -ge 24 ]; then
    MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
    export MAVEN_OPTS
  fi
}

flowodm_select_jdk() {
  flowodm_min=21
  flowodm_current=""
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    flowodm_current="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    flowodm_current="$(command -v java)"
  fi
  if [ -n "$flowodm_current" ]; then
    flowodm_v="$(flowodm_jdk_major "$flowodm_current")"
    if [ -n "$flowodm_v" ] && [ "$flowodm_v" -ge "$flowodm_min" ]; then
      flowodm_quiet_new_jdk "$flowodm_v"
      return 0
    fi
  fi
  flowodm_best=""
  flowodm_best_v=""
  # Globbing is off in mvnw (set -f); switch it on just for the search.
  set +f
  for flowodm_home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* "${HOME-}"/.asdf/installs/java/*; do
    [ -x "$flowodm_home/bin/java" ] && [ -x "$flowodm_home/bin/javac" ] || continue
    flowodm_v="$(flowodm_jdk_major "$flowodm_home/bin/java")"
    [ -n "$flowodm_v" ] && [ "$flowodm_v" -ge "$flowodm_min" ] || continue
    if [ -z "$flowodm_best_v" ] || [ "$flowodm_v" -lt "$flowodm_best_v" ]; then
      flowodm_best="$flowodm_home"
      flowodm_best_v="$flowodm_v"
    fi
  done
  set -f
  if [ -n "$flowodm_best" ]; then
    JAVA_HOME="$flowodm_best"
    export JAVA_HOME
    flowodm_quiet_new_jdk "$flowodm_best_v"
    [ "${MVNW_VERBOSE-}" != true ] || echo "mvnw: using JDK $flowodm_best_v at $JAVA_HOME" >&2
  else
    echo "mvnw: FlowODM needs a JDK >= $flowodm_min, and none was found (java on PATH is ${flowodm_v:-unknown})." >&2
    echo "mvnw: install one (e.g. Temurin 21) or point JAVA_HOME at it." >&2
    exit 1
  fi
}

flowodm_select_jdk
