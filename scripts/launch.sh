# shellcheck shell=bash
# Sourced by ./kiln and ./kiln-oci: what they do between being started and exec'ing java.
# When everything is built this is a handful of stat calls in bash and no other process, so a
# command's start is the JVM's start (docs/performance.md, "Cold start"):
#   - the JDK found on first use is remembered in .kiln/java-home;
#   - an AOT cache (JDK 25, -XX:AOTCache) holds the classes a command's start path loads, parsed
#     and linked; a training run makes it when it is missing or older than the jars or the JDK.

KILN_STATE="$KILN_HOME/.kiln"

# Sets KILN_JAVA_HOME to the remembered JDK and succeeds if it is still there. A JDK that went
# away (uninstalled, upgraded to another directory) is said once, and the caller looks again.
kiln_remembered_jdk() {
  local file="$KILN_STATE/java-home" home=""
  [ -f "$file" ] || return 1
  read -r home <"$file" || true
  if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
    KILN_JAVA_HOME=$home
    return 0
  fi
  printf 'kiln: the JDK remembered in %s (%s) is gone; looking for a JDK 25 again\n' "$file" "${home:-empty}" >&2
  rm -f "$file"
  return 1
}

# After kiln_bootstrap: remember the JDK it found.
kiln_remember_jdk() {
  mkdir -p "$KILN_STATE"
  printf '%s\n' "$KILN_JAVA_HOME" >"$KILN_STATE/java-home.$$" && mv -f "$KILN_STATE/java-home.$$" "$KILN_STATE/java-home"
}

# kiln_aot_options NAME CLASSPATH MAIN "TRAINING ARGS" JAR... -- JAVA_OPTION...
# Sets KILN_AOT_OPTS to the options that use the cache .kiln/NAME.aot, after (re)making it with a
# training run (`MAIN TRAINING ARGS`, words without quoting; its output discarded) when it is missing or older than one of
# the JARs, the remembered JDK or that JDK's release file. The run's JAVA_OPTIONs must be the
# training's: the JVM checks a cache against its options, class path and jars, and one that does
# not match is ignored, silently (-Xlog:aot=off, -Xlog:cds=off): the command starts without it,
# as fast as before the cache existed. Concurrent starts train once (flock); the others go on
# without waiting.
kiln_aot_options() {
  local cp=$2 main=$3 verb=$4 aot="$KILN_STATE/$1.aot" made stale="" f
  shift 4
  local inputs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do inputs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  # What the last training left: the cache, or the mark of a training that failed (so that a
  # JVM that cannot make caches does not pay a training run at every start).
  made=$aot
  [ -f "$made" ] || made=$aot.failed
  if [ ! -f "$made" ]; then
    stale=1
  else
    for f in "${inputs[@]}" "$KILN_STATE/java-home" "$KILN_JAVA_HOME/release"; do
      if [ "$f" -nt "$made" ]; then stale=1; break; fi
    done
  fi
  if [ -n "$stale" ]; then kiln_aot_train "$aot" "$cp" "$main" "$verb" "$@"; fi
  # shellcheck disable=SC2034 # read by the launcher that sources this file
  if [ -f "$aot" ]; then
    KILN_AOT_OPTS=("-XX:AOTCache=$aot" -Xlog:aot=off -Xlog:cds=off)
  else
    KILN_AOT_OPTS=(-Xshare:auto)
  fi
}

# The training run: into a temporary file, renamed into place only when the JVM made it whole.
kiln_aot_train() {
  local aot=$1 cp=$2 main=$3 verb=$4
  shift 4
  mkdir -p "$KILN_STATE" 2>/dev/null || return 0
  (
    command -v flock >/dev/null 2>&1 && { flock -n 9 || exit 0; }
    # shellcheck disable=SC2086 # the training's arguments are words
    if "$KILN_JAVA_HOME/bin/java" "$@" "-XX:AOTCacheOutput=$aot.tmp.$$" -cp "$cp" "$main" $verb \
        </dev/null >/dev/null 2>&1 && [ -s "$aot.tmp.$$" ]; then
      mv -f "$aot.tmp.$$" "$aot" && rm -f "$aot.failed"
    else
      # A cache that cannot be made is no error: the command starts without one. An old cache
      # goes, so that it is not used against jars it was not made from.
      rm -f "$aot.tmp.$$" "$aot"
      : >"$aot.failed"
    fi
  ) 9>"$aot.lock"
}
