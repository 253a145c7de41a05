# Shared by scripts/docklab, scripts/test and scripts/bench: host checks and package installs.
# Source it; it defines functions only.

docklab_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd
}

# need_root WHAT: stop with a clear message unless running as root.
need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "docklab: $1 needs root (it mounts filesystems and runs containers). Run: sudo $0 $*" >&2
    exit 1
  fi
}

# ensure_packages PKG...: apt-get install the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "docklab: please install these packages with your package manager: ${missing[*]}" >&2
    exit 1
  fi
  echo "docklab: installing ${missing[*]} (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || true
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
    echo "docklab: could not install ${missing[*]}; install them by hand (apt-get install ${missing[*]}) and retry" >&2
    exit 1
  }
}

# The packages the engine uses at run time (curl, which the lessons use to fetch a published page, and
# debootstrap, with which `docklab images add` makes the debian image from a Debian mirror).
RUNTIME_PACKAGES=(runc conmon busybox-static containernetworking-plugins iptables iproute2
  golang-github-containers-common curl debootstrap tini)

# ensure_toolchain: a JDK (17 or newer) and Maven to build docklab.
ensure_toolchain() {
  command -v javac >/dev/null || ensure_packages openjdk-17-jdk-headless
  command -v mvn >/dev/null || ensure_packages maven
}

# build_if_stale ROOT: (re)build the runnable jars (docklab's and the benchmarks') when a source or pom
# is newer than one of them.
build_if_stale() {
  local root=$1 jar stale=
  for jar in "$root/shell/target/docklab.jar" "$root/bench/target/docklab-bench.jar"; do
    if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/engine" "$root/lessons" "$root/daemon" "$root/shell" "$root/bench" -newer "$jar" \
         \( -name '*.java' -o -name '*.properties' -o -name '*.yaml' -o -name '*.list' -o -name pom.xml \) -not -path '*/target/*' -print -quit)" ]; then
      stale=1
    fi
  done
  if [ -n "$stale" ]; then
    echo "docklab: building (mvn package)..." >&2
    (cd "$root" && mvn -q -B -DskipTests package >&2) || { echo "docklab: the build failed" >&2; exit 1; }
  fi
}

# The JVM options that start docklab from a class-data archive of its own classes (AppCDS): made once
# per build by a short run that opens no engine (help, and explain docker run), it lets the JVM map
# those classes instead of loading them from the jar, so the prompt comes about a fifth sooner.
# Prints nothing when the archive cannot be made.
class_archive_opts() {
  local root=$1 jar="$1/shell/target/docklab.jar" jsa="$1/shell/target/docklab.jsa"
  local quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
    local scratch
    scratch=$(mktemp -d /tmp/docklab-cds-XXXXXX)
    rm -f "$jsa"
    java -XX:ArchiveClassesAtExit="$jsa" $quiet -jar "$jar" --data-root "$scratch" \
      -c 'help; explain docker run -d busybox' >/dev/null 2>&1 || rm -f "$jsa"
    rm -rf "$scratch"
  fi
  if [ -f "$jsa" ]; then
    echo "-XX:SharedArchiveFile=$jsa $quiet"
  fi
}
