#!/usr/bin/env bash
# `scripts/bench daemon`: the real docker CLI against `docklab daemon` and against Debian's dockerd
# (docker.io, installed and started here only, stopped at the end): `docker ps` and
# `docker run --rm busybox echo hello`, medians of RUNS taken by turns after WARMUP; then the memory
# (RSS and PSS) of each daemon with COUNT idle containers (busybox sleep): docklab's JVM + one conmon
# per container, against dockerd + containerd + one shim per container.
# dockerd runs with a data root, exec root and socket of its own in a temp dir, no iptables rules and
# its own bridge (BIP), so that nothing of docklab's or of other runs on this machine is touched.
# Usage: bench_daemon.sh ROOT DATA RUNS WARMUP COUNT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/host.sh"
root=$1 data=$2 runs=$3 warmup=$4 count=$5
cli=/usr/local/bin/docker
[ -x "$cli" ] || cli=$(command -v docker)
bip=${BIP:-192.168.213.1/24}
dl_sock=$data/docklab.sock dk_sock=$data/docker.sock
mkdir -p "$data/dl" "$data/docker" "$data/dx" "$data/config"
echo '{}' > "$data/docker-daemon.json"
dl() { "$cli" --config "$data/config" -H "unix://$dl_sock" "$@"; }
dk() { "$cli" --config "$data/config" -H "unix://$dk_sock" "$@"; }
dl_pid= dk_pid=

stop_all() {
  set +e
  [ -S "$dl_sock" ] && dl rm -f $(dl ps -aq) >/dev/null 2>&1
  [ -S "$dk_sock" ] && dk rm -f $(dk ps -aq) >/dev/null 2>&1
  [ -n "$dk_pid" ] && kill "$dk_pid" 2>/dev/null && wait "$dk_pid" 2>/dev/null
  [ -n "$dl_pid" ] && kill "$dl_pid" 2>/dev/null && wait "$dl_pid" 2>/dev/null
  ip link show docker0 >/dev/null 2>&1 && ip link delete docker0
  grep -F " $data/" /proc/mounts | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m"; done
  rm -rf "$data"
}
trap stop_all EXIT

wait_socket() { # SOCKET NAME: until /_ping answers
  for _ in $(seq 600); do
    curl -sf --unix-socket "$1" http://x/_ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "$2 did not answer on $1" >&2; exit 1
}

# docker.io without starting its service (policy-rc.d denies service starts while it installs)
if ! command -v dockerd >/dev/null; then
  made_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  ensure_packages docker.io
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
fi

echo "starting docklab daemon on $dl_sock ..." >&2
java $(class_archive_opts "$root") -jar "$root/shell/target/docklab.jar" --data-root "$data/dl" --lang en \
  daemon -H "unix://$dl_sock" >"$data/docklab-daemon.log" 2>&1 &
dl_pid=$!
wait_socket "$dl_sock" "docklab daemon"

echo "starting dockerd $(dockerd --version | awk '{print $3}' | tr -d ,) on $dk_sock ..." >&2
dockerd --config-file "$data/docker-daemon.json" --data-root "$data/docker" --exec-root "$data/dx" \
  --pidfile "$data/dockerd.pid" -H "unix://$dk_sock" --iptables=false --ip-masq=false --bip "$bip" \
  >"$data/dockerd.log" 2>&1 &
dk_pid=$!
wait_socket "$dk_sock" "dockerd (its log: $data/dockerd.log)" || { tail -20 "$data/dockerd.log" >&2; exit 1; }

echo "loading busybox into dockerd from docklab's docker save ..." >&2
dl save -o "$data/busybox.tar" busybox:latest
dk load -i "$data/busybox.tar" >/dev/null

ms() { # COMMAND...: milliseconds it took
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; print m}'; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
api() { # SOCKET: milliseconds of GET /containers/json alone, as curl times it (no CLI start)
  curl -s -o /dev/null -w '%{time_total}\n' --unix-socket "$1" http://x/v1.41/containers/json | awk '{printf "%.1f", $1 * 1000}'
}
declare -A t
for i in $(seq $((warmup + runs))); do
  for side in dl dk; do
    sock=$([ $side = dl ] && echo "$dl_sock" || echo "$dk_sock")
    v=$(api "$sock")
    [ "$i" -gt "$warmup" ] && t[api-$side]+="$v "
  done
done
for what in ps run; do
  for i in $(seq $((warmup + runs))); do
    for side in dl dk; do
      if [ "$what" = ps ]; then v=$(ms $side ps); else v=$(ms $side run --rm busybox echo hello); fi
      [ "$i" -gt "$warmup" ] && t[$what-$side]+="$v "
    done
  done
done
for what in api ps run; do
  a=$(tr ' ' '\n' <<<"${t[$what-dl]}" | grep . | median); b=$(tr ' ' '\n' <<<"${t[$what-dk]}" | grep . | median)
  case $what in
    api) label="GET /containers/json by curl (the daemon alone)" ;;
    ps) label="docker ps" ;;
    *) label="docker run --rm busybox echo hello" ;;
  esac
  echo "$label: docklab daemon median ${a} ms, dockerd median ${b} ms, ratio $(awk -v a="$a" -v b="$b" \
    'BEGIN {printf "%.2f", a / b}') ($runs runs each, by turns, after $warmup)"
done

echo "starting $count idle containers on each ..." >&2
for i in $(seq "$count"); do
  dl run -d busybox sleep 3600 >/dev/null
  dk run -d busybox sleep 3600 >/dev/null
done
sleep 5
kb() { # FIELD PID...: the sum of a /proc field over the PIDs (VmRSS from status, Pss from smaps_rollup)
  local field=$1; shift
  local sum=0 p v
  for p in "$@"; do
    if [ "$field" = Pss ]; then v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
    else v=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null); fi
    sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}
children_named() { # PATTERN NAME: PIDs of processes called NAME (at most 15 characters, as the kernel keeps
  # a name) whose command line mentions PATTERN
  for p in $(pgrep -x "$2"); do
    if { tr '\0' ' ' <"/proc/$p/cmdline"; } 2>/dev/null | grep -qF -- "$1"; then echo "$p"; fi
  done
}
monitors=$(children_named "$data/dl" conmon | tr '\n' ' ')
containerd=$(children_named "$data/dx" containerd | tr '\n' ' ')
shims=$(children_named "$data/dx" containerd-shim | tr '\n' ' ') # containerd-shim-runc-v2, cut to 15
n_mon=$(wc -w <<<"$monitors"); n_shim=$(wc -w <<<"$shims")
for f in VmRSS Pss; do
  d=$(kb $f "$dl_pid"); m=$(kb $f $monitors)
  k=$(kb $f "$dk_pid"); c=$(kb $f $containerd); s=$(kb $f $shims)
  echo "$f with $count idle containers: docklab daemon ${d} kB + ${n_mon} conmon ${m} kB = $((d + m)) kB;" \
    "dockerd ${k} kB + containerd ${c} kB + ${n_shim} shims ${s} kB = $((k + c + s)) kB"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
