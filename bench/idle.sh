#!/bin/bash
# What wakes the daemon between cycles, through bin/wgtrack (the shipped JVM flags;
# WGTRACK_JAVA_OPTS adds flags). A static fake wg serves a PEERS-peer dump; influx, json and
# prometheus outputs (OUTPUTS=influx: influx only); ping_interval = 0; cycle_time = 120 s, so a
# window that starts 10 s after the first cycle holds no cycle at all.
#
#   bench/idle.sh [PEERS] [WINDOW]          default 100 peers, 30 s
#   OUTPUTS=influx bench/idle.sh            without the Prometheus server
#
# Counts, per thread, the context switches (voluntary and not, from /proc/<pid>/task/*/status)
# over the window: each is one wake-up of that thread. Threads that never woke are not listed.
set -eu
peers=${1:-100}
window=${2:-30}
. "$(dirname -- "$0")/common.sh"
make_setup "$peers" 120
outputs=${OUTPUTS:-all}
case "$outputs" in
    influx) influx_only "$conf" "$conf.influx" && mv "$conf.influx" "$conf" ;;
    all) ;;
    *) echo "$0: OUTPUTS: influx or all, not $outputs" >&2; exit 2 ;;
esac
: > "$work/cycles"
"$root/bin/wgtrack" --config "$conf" >/dev/null 2>"$work/log" &
pid=$!
sleep 10
switches() {
    for task in /proc/"$pid"/task/*; do
        printf '%s\t%s\t%s\n' "${task##*/}" "$(cat "$task/comm")" \
            "$(awk '/^(voluntary|nonvoluntary)_ctxt_switches/ {s += $2} END {print s}' "$task/status")"
    done | sort
}
switches > "$work/before"
from_cycle=$(wc -l < "$work/cycles")
sleep "$window"
switches > "$work/after"
to_cycle=$(wc -l < "$work/cycles")
kill -TERM "$pid"
wait "$pid" || true
echo "$peers peers, $outputs outputs, $window s between cycles ($((to_cycle - from_cycle)) cycles in the window):"
join -t "$(printf '\t')" "$work/before" "$work/after" | awk -F'\t' -v w="$window" '
    { d = $5 - $3; total += d; if (d > 0) printf "  %5d wake-ups (%.2f/s)  %s\n", d, d / w, $2 }
    END { printf "  %5d wake-ups in all (%.2f/s)\n", total, total / w }'
