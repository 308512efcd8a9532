# Sourced by ./kiln and ./run-tests: finds a JDK 25, installs missing Debian
# packages, and (re)builds Kiln's jars and C guests when their sources changed.
# Progress goes to stderr so that `kiln run`'s stdout is the guest's console alone.

KILN_HOME=${KILN_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
KILN_STATE="$KILN_HOME/.kiln"

kiln_say() { printf 'kiln: %s\n' "$*" >&2; }
kiln_die() { printf 'kiln: error: %s\n' "$*" >&2; exit 1; }

# Kiln's cache outside any clone (as the jvm flavor's kernels: KilnCache.java).
KILN_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/kiln"

# java -version prints 'version "25.0.1"' (or "25" alone); take the feature number.
kiln_java_feature_probe() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# What identifies an installed JDK's build: its release file (JAVA_VERSION, ...) and its java
# binary, by size, change time and inode. An upgrade rewrites both, so it is noticed.
kiln_jdk_key() {
  stat -L -c '%s.%Z.%i' "$1/release" "$1/bin/java" 2>/dev/null | tr '\n' '-'
}

# The feature version of the JDK at $1, remembered per JDK in $KILN_CACHE/jdks (lines of
# "path<TAB>key<TAB>feature"): `java -version` costs a JVM start, so each build of a JDK runs it once.
kiln_java_feature() {
  local jdk=$1 key cache="$KILN_CACHE/jdks" feature=""
  key=$(kiln_jdk_key "$jdk")
  if [ -n "$key" ] && [ -f "$cache" ]; then
    feature=$(awk -F '\t' -v p="$jdk" -v k="$key" '$1 == p && $2 == k { print $3; exit }' "$cache")
    if [ -n "$feature" ]; then echo "$feature"; return 0; fi
  fi
  feature=$(kiln_java_feature_probe "$jdk")
  if [ -n "$key" ] && [ -n "$feature" ] && mkdir -p "$KILN_CACHE" 2>/dev/null; then
    # This JDK's line replaces any older one (another key: another build of it); write, then rename.
    if { [ ! -f "$cache" ] || awk -F '\t' -v p="$jdk" '$1 != p' "$cache"; printf '%s\t%s\t%s\n' "$jdk" "$key" "$feature"; } \
        >"$cache.$$" 2>/dev/null; then
      mv -f "$cache.$$" "$cache"
    else
      rm -f "$cache.$$"
    fi
  fi
  echo "$feature"
}

kiln_find_jdk() {
  local candidate feature
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    feature=$(kiln_java_feature "$JAVA_HOME")
    if [ "${feature:-0}" -ge 25 ]; then KILN_JAVA_HOME=$JAVA_HOME; return 0; fi
    kiln_say "JAVA_HOME=$JAVA_HOME is JDK ${feature:-?}; looking for JDK 25 in /usr/lib/jvm"
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    feature=$(kiln_java_feature "$candidate")
    if [ "${feature:-0}" -ge 25 ]; then KILN_JAVA_HOME=$candidate; return 0; fi
  done
  kiln_die "Kiln needs a JDK 25 or newer (for the FFM API) and found none.
  Set JAVA_HOME to one, or install one under /usr/lib/jvm (for example Temurin 25)."
}

# Installs Debian packages: only what they depend on (--no-install-recommends), apt's own output
# in $KILN_STATE/apt.log (shown if it fails), one progress line of ours on stderr.
kiln_apt_install() {
  [ $# -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || kiln_die "missing packages ($*) and no apt-get to install them"
  [ "$(id -u)" -eq 0 ] || kiln_die "missing packages: $*; install them (apt-get install $*) or run as root"
  mkdir -p "$KILN_STATE"
  local log="$KILN_STATE/apt.log"
  kiln_say "installing Debian packages: $* ..."
  if [ -z "${KILN_APT_UPDATED:-}" ]; then
    if ! apt-get update -qq >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      kiln_die "apt-get update failed; full log in $log"
    fi
    KILN_APT_UPDATED=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    kiln_die "apt-get install $* failed; full log in $log"
  fi
  kiln_say "installed $*."
}

# Commands Kiln needs, and the Debian package that brings each.
kiln_need_packages() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # One package may bring several commands (iproute2: ip and tc): install it once.
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
  kiln_apt_install "${missing[@]}"
}

# A content hash of everything that goes into the jars, so a pull or an edit triggers a rebuild.
kiln_java_sources_hash() {
  (cd "$KILN_HOME" && find . -path ./.git -prune -o -path '*/target' -prune -o -path ./.kiln -prune -o \
     \( -name pom.xml -o -path '*/src/main/*' \) -type f -print | LC_ALL=C sort | xargs sha256sum) \
    | sha256sum | cut -d' ' -f1
}

kiln_build_jars() {
  local want have=""
  want=$(kiln_java_sources_hash)
  [ -f "$KILN_STATE/jars.hash" ] && have=$(cat "$KILN_STATE/jars.hash")
  if [ "$want" = "$have" ] && [ -f "$KILN_HOME/cli/target/kiln-cli.jar" ]; then return 0; fi
  kiln_say "building Kiln (maven, first run downloads dependencies; about a minute)..."
  mkdir -p "$KILN_STATE"
  if ! (cd "$KILN_HOME" && JAVA_HOME=$KILN_JAVA_HOME mvn -B -q -ntp -DskipTests -Dexec.skip=true install \
          >"$KILN_STATE/build.log" 2>&1); then
    tail -n 40 "$KILN_STATE/build.log" >&2
    kiln_die "the build failed; full log in $KILN_STATE/build.log"
  fi
  echo "$want" >"$KILN_STATE/jars.hash"
  # kiln-oci's AOT cache, trained now rather than by the first container start that finds the
  # jar newer than the cache (a training run takes seconds; a shim may be waiting on that create).
  echo "$KILN_JAVA_HOME" >"$KILN_STATE/java-home"
  if ! "$KILN_HOME/kiln-oci" features >/dev/null 2>&1; then
    kiln_say "warning: kiln-oci features failed; its AOT cache will be made at its first use"
  fi
  kiln_say "built."
}

kiln_build_guests() {
  make -s -C "$KILN_HOME/guest" >&2 || kiln_die "building the C guest runtime failed (make -C guest)"
}

# musl's static libc.a (pure objects: libm, strings, formatting) goes into every native image.
kiln_need_musl() {
  [ -f /usr/lib/x86_64-linux-musl/libc.a ] && return 0
  kiln_need_packages musl-gcc-absent-marker:musl-dev   # no command to look for: a name that never exists installs it
}

kiln_bootstrap() {
  kiln_need_packages gcc:gcc make:make mvn:maven
  kiln_need_musl
  kiln_find_jdk
  # The guests first: kiln-oci's AOT training, run once the jars are built, makes a VM of the C
  # hello guest (without it the monitor's classes would be left out of that cache until the next build).
  kiln_build_guests
  kiln_build_jars
}

# The jvm flavor: QEMU to run images, Debian's kernel sources and the tools to build Kiln's kernel,
# curl for its HTTP test. Packages without a command to look for are checked with dpkg.
kiln_need_jvm_flavor() {
  kiln_need_packages qemu-system-x86_64:qemu-system-x86 curl:curl flex:flex bison:bison bc:bc xz:xz-utils
  local pkgs=() p
  for p in linux-source-6.1 libelf-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || pkgs+=("$p")
  done
  kiln_apt_install "${pkgs[@]}"
}

# The network stack's tests talk to the real Linux stack inside a namespace they create:
# ping, curl and a python3 peer, dnsmasq for DHCP, nftables for loss where the kernel has no netem;
# the services' tests add dig, wrk (also kiln bench http) and ethtool (checksum offload off on a veth);
# the metrics tests a Prometheus server they start themselves, and its promtool (both in prometheus);
# kiln bench http and dns compare with nginx and NSD, loaded by dnsperf;
# the dashboard's test a headless chromium it drives through the DevTools protocol.
kiln_need_net_test_tools() {
  kiln_need_packages ip:iproute2 tc:iproute2 ping:iputils-ping curl:curl python3:python3 \
    dnsmasq:dnsmasq-base nft:nftables dig:dnsutils wrk:wrk ethtool:ethtool prometheus:prometheus promtool:prometheus \
    nginx:nginx-light nsd:nsd dnsperf:dnsperf chromium:chromium passt:passt
}

# The OCI tests drive real engines against kiln-oci: podman (with conmon, and crun or runc
# as its own runtime), Debian's containerd with its ctr and the CRI, runc for the pods' pause
# containers (catatonit, static, is that pause), skopeo and docker-registry for the registry,
# containernetworking-plugins for podman's and the CRI's bridge networks (no command on PATH:
# dpkg), and iptables, which podman's default network (CNI's firewall and portmap) calls.
kiln_need_oci_test_tools() {
  kiln_need_packages podman:podman conmon:conmon runc:runc containerd:containerd ctr:containerd \
    skopeo:skopeo docker-registry:docker-registry catatonit:catatonit nsenter:util-linux curl:curl \
    iptables:iptables
  dpkg-query -W -f='${Status}' containernetworking-plugins 2>/dev/null | grep -q 'install ok installed' \
    || kiln_apt_install containernetworking-plugins
}
