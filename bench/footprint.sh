#!/bin/bash
# Resident memory of the daemon after many cycles, through bin/wgtrack (the shipped JVM flags;
# WGTRACK_JAVA_OPTS adds flags, other environment such as MALLOC_ARENA_MAX passes through).
# A static fake wg serves a PEERS-peer dump; influx, json and prometheus outputs are on;
# ping_interval = 0 (no real pings).
#
#   bench/footprint.sh [CYCLES] [PEERS] [CYCLE_TIME]     default 1000 cycles, 1000 peers, 0.05 s
#   WGTRACK_JAVA_OPTS=-XX:NativeMemoryTracking=summary bench/footprint.sh 300    (adds a breakdown)
#
# Prints VmRSS (and its anonymous / file parts, VmHWM) at 10 %, 50 % and 100 % of the cycles,
# read from /proc/<pid>/status, and the daemon's CPU time per cycle (/proc/<pid>/stat, whole process:
# reading wg's output, parsing, judging, outputs, GC; the wg process itself is not counted). The targets
# (README, "Performance"): VmRSS ≤ 42 MiB at 1,000 peers and ≤ 55 MiB at 10,000 after 1,000 cycles.
set -eu
cycles=${1:-1000}
peers=${2:-1000}
cycle_time=${3:-0.05}
. "$(dirname -- "$0")/common.sh"
make_setup "$peers" "$cycle_time"
"$root/bin/wgtrack" --config "$conf" >/dev/null 2>"$work/log" &
pid=$!
: > "$work/cycles"
report() {
    awk -v at="$1" '/^(VmRSS|RssAnon|RssFile|VmHWM):/ {v[$1]=$2}
        END {printf "after %5d cycles: VmRSS %6.1f MiB (anon %.1f, file %.1f), VmHWM %.1f MiB\n", at,
             v["VmRSS:"]/1024, v["RssAnon:"]/1024, v["RssFile:"]/1024, v["VmHWM:"]/1024}' "/proc/$pid/status"
}
start=$(date +%s.%N)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
first=1
for mark in $((cycles / 10)) $((cycles / 2)) "$cycles"; do
    while [ "$(wc -l < "$work/cycles")" -lt "$mark" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "wgtrack died:"; cat "$work/log"; exit 1; }
        sleep 0.2
    done
    report "$mark"
    if [ "$first" = 1 ]; then first=0; from_cycle=$(wc -l < "$work/cycles"); from_ticks=$(cpu_ticks); fi
done
to_cycle=$(wc -l < "$work/cycles")
to_ticks=$(cpu_ticks)
hz=$(getconf CLK_TCK)
end=$(date +%s.%N)
threads=$(find "/proc/$pid/task" -mindepth 1 -maxdepth 1 | wc -l)
# With WGTRACK_JAVA_OPTS=-XX:NativeMemoryTracking=summary, show where the memory went.
case "${WGTRACK_JAVA_OPTS:-}" in *NativeMemoryTracking*) jcmd "$pid" VM.native_memory summary | grep -E "committed" | head -20 ;; esac
kill -TERM "$pid"
wait "$pid" || true
echo "$peers peers, cycle_time $cycle_time s, $cycles cycles in $(echo "$end - $start" | bc) s, $threads threads at the end"
echo "daemon CPU (user+system, all threads) after the first 10 %: $(echo "scale=2; ($to_ticks - $from_ticks) * 1000 / $hz / ($to_cycle - $from_cycle)" | bc) ms per cycle"
if grep -q "WARNING\|ERROR\|<[0-4]>" "$work/log"; then
    echo "warnings/errors logged:"
    grep "WARNING\|ERROR\|<[0-4]>" "$work/log" | head -5
fi
