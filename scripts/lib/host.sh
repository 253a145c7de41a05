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

# The JVM options that start docklab quickly, made once per build (a change of the jar remakes them):
# - a class-data archive of the classes a terminal start loads (AppCDS: JLine's terminal and reader, the
#   builtins, the engine's open), which the JVM maps instead of loading them from the jar. It is made by
#   the REPL itself, run in a pseudo terminal (util-linux's script) on a data root of its own
#   (shell/target/cds-data, whose base images are made the first time), typing exit; without script,
#   by a run that opens no engine (help, and explain docker run);
# - JLine's and JNA's native libraries, unpacked beside it, so that neither is unpacked to a temporary
#   file at every start;
# - the JIT's second tier (C2) kept for code ten times hotter than by default: at the start it competes
#   with the prompt for the two cores, on short-lived code (the prompt in tmux: 1.47 x java -version
#   instead of 2.16); the loops of a pull or a push still reach it within milliseconds.
# Prints nothing of what cannot be made.
class_archive_opts() {
  local root=$1 jar="$1/shell/target/docklab.jar" jsa="$1/shell/target/docklab.jsa"
  local native="$1/shell/target/native" jna_dir opts
  local quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  case "$(uname -m)" in
    x86_64) jna_dir=linux-x86-64 ;;
    aarch64) jna_dir=linux-aarch64 ;;
    *) jna_dir= ;;
  esac
  if [ ! -d "$native" ] || [ "$jar" -nt "$native" ]; then
    rm -rf "$native" "$native.tmp" && mkdir -p "$native.tmp"
    # shellcheck disable=SC2086 # no JNA directory on an unknown machine
    if (cd "$native.tmp" && jar xf "$jar" org/jline/nativ ${jna_dir:+com/sun/jna/$jna_dir}); then
      mv "$native.tmp" "$native"
    else
      rm -rf "$native.tmp"
    fi
  fi
  if [ -d "$native" ]; then
    opts="-Dlibrary.jline.path=$native/org/jline/nativ"
    [ -n "$jna_dir" ] && [ -d "$native/com/sun/jna/$jna_dir" ] && opts="$opts -Djna.boot.library.path=$native/com/sun/jna/$jna_dir"
  fi
  if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
    rm -f "$jsa"
    if command -v script >/dev/null; then
      mkdir -p "$root/shell/target/cds-data"
      printf 'exit\n' | TERM=xterm-256color script -qec "java -XX:ArchiveClassesAtExit=$jsa $quiet $opts -jar $jar \
        --data-root $root/shell/target/cds-data --lang en" /dev/null >/dev/null 2>&1 || rm -f "$jsa"
    else
      local scratch
      scratch=$(mktemp -d /tmp/docklab-cds-XXXXXX)
      java -XX:ArchiveClassesAtExit="$jsa" $quiet $opts -jar "$jar" --data-root "$scratch" \
        -c 'help; explain docker run -d busybox' >/dev/null 2>&1 || rm -f "$jsa"
      rm -rf "$scratch"
    fi
  fi
  if [ -f "$jsa" ]; then
    opts="-XX:SharedArchiveFile=$jsa $quiet $opts"
  fi
  echo "$opts -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000" \
    "-XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
}
