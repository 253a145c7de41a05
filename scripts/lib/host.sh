# Shared by scripts/docklab, scripts/test and scripts/bench: host checks and package installs.
# Source it; it defines functions only.

# docklab_root [VAR]: the project's root, printed, or put in VAR without starting a process (scripts/docklab
# does so: each process costs milliseconds of a start).
docklab_root() {
  local here=$PWD dir
  CDPATH='' cd "${BASH_SOURCE[0]%/*}/../.." || return
  dir=$PWD
  CDPATH='' cd "$here" || return
  if [ -n "${1:-}" ]; then printf -v "$1" '%s' "$dir"; else echo "$dir"; fi
}

# need_root WHAT: stop with a clear message unless running as root.
need_root() {
  if [ "$EUID" != 0 ]; then
    echo "docklab: $1 needs root (it mounts filesystems and runs containers). Run: sudo $0 $*" >&2
    exit 1
  fi
}

# ensure_packages PKG...: apt-get install the Debian packages that are not installed yet. A list once
# found installed is remembered (a stamp per list, under /var/cache/docklab) until dpkg's status file
# changes, so that a start asks dpkg nothing: each dpkg-query reads its whole database (0.15-0.9 s here).
ensure_packages() {
  local missing=() p list="$*"
  local stamp=/var/cache/docklab/packages-${list// /+}
  if [ -f "$stamp" ] && [ ! /var/lib/dpkg/status -nt "$stamp" ]; then
    return 0
  fi
  local installed
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null | awk '/ install ok installed$/ {print $1}')
  for p in "$@"; do
    grep -qxF -- "$p" <<<"$installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    mkdir -p /var/cache/docklab 2>/dev/null && touch "$stamp" 2>/dev/null
    return 0
  fi
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
# is newer than the older of them (one walk of the sources; the target directories, which hold a whole
# data root for the class-data archive, are not walked).
build_if_stale() {
  local root=$1 app="$1/shell/target/docklab.jar" bench="$1/bench/target/docklab-bench.jar" older stale=
  if [ ! -f "$app" ] || [ ! -f "$bench" ]; then
    stale=1
  else
    older=$app
    [ "$app" -nt "$bench" ] && older=$bench
    # what goes into the jars: the poms, each module's src/main and the bundled course (tests do not)
    [ -n "$(find "$root/pom.xml" "$root"/{engine,lessons,daemon,shell,bench}/{pom.xml,src/main} "$root/lessons/course" \
      -newer "$older" \( -name '*.java' -o -name '*.properties' -o -name '*.yaml' \
      -o -name '*.list' -o -name pom.xml \) -print -quit 2>/dev/null)" ] && stale=1
  fi
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
# - the archives mapped where they were made (ArchiveRelocationMode=0, when the JVM knows the option): JDK
#   17.0.15 maps them at a random address by default and then rewrites every pointer in them, which
#   dirties about 20 MB of pages at each start; a fresh page costs about 55 us on these machines (a
#   first touch of 200 MB takes 2.7-3.1 s), so the relocation alone cost about a quarter of a second;
# - JLine's and JNA's native libraries, unpacked beside it, so that neither is unpacked to a temporary
#   file at every start;
# - the JIT's second tier (C2) kept for code ten times hotter than by default: at the start it competes
#   with the prompt for the two cores, on short-lived code (the prompt in tmux: 1.47 x java -version
#   instead of 2.16); the loops of a pull or a push still reach it within milliseconds.
# Prints nothing of what cannot be made. class_archive_opts ROOT [VAR]: printed, or put in VAR.
class_archive_opts() {
  local root=$1 jar="$1/shell/target/docklab.jar" jsa="$1/shell/target/docklab.jsa"
  local native="$1/shell/target/native" jna_dir opts=
  local quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  local fixed="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  case "$HOSTTYPE" in # uname -m, without a process
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
    rm -f "$jsa" "$jsa.opts"
    if java $fixed -version >/dev/null 2>&1; then
      echo "$fixed" >"$jsa.opts.tmp" && mv "$jsa.opts.tmp" "$jsa.opts"
    else
      fixed=
    fi
    if command -v script >/dev/null; then
      mkdir -p "$root/shell/target/cds-data"
      printf 'exit\n' | TERM=xterm-256color script -qec "java -XX:ArchiveClassesAtExit=$jsa $fixed $quiet $opts -jar $jar \
        --data-root $root/shell/target/cds-data --lang en" /dev/null >/dev/null 2>&1 || rm -f "$jsa"
    else
      local scratch
      scratch=$(mktemp -d /tmp/docklab-cds-XXXXXX)
      java -XX:ArchiveClassesAtExit="$jsa" $fixed $quiet $opts -jar "$jar" --data-root "$scratch" \
        -c 'help; explain docker run -d busybox' >/dev/null 2>&1 || rm -f "$jsa"
      rm -rf "$scratch"
    fi
  fi
  if [ -f "$jsa" ]; then
    fixed=
    [ -f "$jsa.opts" ] && read -r fixed <"$jsa.opts"
    opts="-XX:SharedArchiveFile=$jsa $fixed $quiet $opts"
  fi
  opts="$opts -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
  opts="$opts -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
  if [ -n "${2:-}" ]; then printf -v "$2" '%s' "$opts"; else echo "$opts"; fi
}
