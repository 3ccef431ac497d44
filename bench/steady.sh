#!/bin/bash
# Steady-state CPU per cycle of the daemon, through bin/wgtrack (the shipped JVM flags;
# WGTRACK_JAVA_OPTS adds flags). A static fake wg serves a PEERS-peer dump; ping_interval = 0.
# For each peer count and each output set: start the daemon with cycle_time = 1 s (CYCLE_TIME), let it warm
# up, then count the daemon's CPU time (user + system, all its threads; the wg child is not
# counted) over a fixed window and divide by the cycles run in that window.
#
#   bench/steady.sh [PEERS...]          default 100 1000 10000
#   WARMUP=15 WINDOW=30 OUTPUTS="influx all" bench/steady.sh 100
#
# CPU is read twice: as clock ticks from /proc/<pid>/stat (10 ms resolution over the whole
# window, threads that ended included) and as nanoseconds summed over
# /proc/<pid>/task/*/schedstat (exact; a thread that started in the window counts whole, one
# that ended there makes it n/a: the JVM starts and ends a second compiler thread as its queue
# asks). Resident memory (VmRSS) is read at the end of the window.
set -eu
cycle_time=${CYCLE_TIME:-1}
warmup=${WARMUP:-15}
window=${WINDOW:-30}
outputs=${OUTPUTS:-influx all}
[ $# -gt 0 ] || set -- 100 1000 10000
. "$(dirname -- "$0")/common.sh"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tasks() { for task in /proc/"$1"/task/*; do printf '%s ' "${task##*/}"; done; }
# One line per thread: id, name (spaces as _), CPU nanoseconds so far.
thread_nanos() {
    for task in /proc/"$1"/task/*; do
        printf '%s %s %s\n' "${task##*/}" "$(tr ' ' _ < "$task/comm")" "$(awk '{print $1}' "$task/schedstat")"
    done 2>/dev/null | sort
}
cycles_run() { wc -l < "$work/cycles"; }

for peers in "$@"; do
    make_setup "$peers" "$cycle_time"
    for set in $outputs; do
        run_conf="$work/wgtrack-$set.conf"
        case "$set" in
            influx) influx_only "$conf" "$run_conf" ;;
            all) cp "$conf" "$run_conf" ;;
            *) echo "$0: OUTPUTS: influx or all, not $set" >&2; exit 2 ;;
        esac
        : > "$work/cycles"
        "$root/bin/wgtrack" --config "$run_conf" >/dev/null 2>"$work/log" &
        pid=$!
        sleep "$warmup"
        kill -0 "$pid" 2>/dev/null || { echo "wgtrack died:"; cat "$work/log"; exit 1; }
        from_cycle=$(cycles_run); from_ticks=$(cpu_ticks "$pid"); thread_nanos "$pid" > "$work/threads.before"
        sleep "$window"
        to_cycle=$(cycles_run); to_ticks=$(cpu_ticks "$pid"); to_tasks=$(tasks "$pid"); thread_nanos "$pid" > "$work/threads.after"
        rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
        threads=$(echo "$to_tasks" | wc -w)
        kill -TERM "$pid"
        wait "$pid" || true
        cycles=$((to_cycle - from_cycle))
        ticks_ms=$(echo "scale=2; ($to_ticks - $from_ticks) * 1000 / $hz / $cycles" | bc)
        exact_ms=$(awk -v c="$cycles" '
            FNR == NR { before[$1] = $3; next }
            { seen[$1] = 1; sum += $3 - ($1 in before ? before[$1] : 0) }
            END {
                for (t in before) if (!(t in seen)) { print "n/a (a thread ended)"; exit }
                printf "%.2f\n", sum / 1e6 / c
            }' "$work/threads.before" "$work/threads.after")
        printf '%6d peers, %-6s outputs: %s ms per cycle (ticks), %s ms (schedstat), %d cycles, VmRSS %s MiB, %d threads\n' \
            "$peers" "$set" "$ticks_ms" "$exact_ms" "$cycles" "$rss" "$threads"
        # The busiest threads: "java" is the cycle thread, "VM Thread" runs the serial collector.
        join "$work/threads.before" "$work/threads.after" | awk -v c="$cycles" '
            { d[$2] += ($5 - $3) / 1e6 / c }
            END { for (t in d) if (d[t] >= 0.01) printf "%.2f %s\n", d[t], t }' | sort -rn | head -4 |
            awk '{ printf "%s%s %s ms", (NR > 1 ? ", " : "        by thread: "), $2, $1 } END { print "" }'
        if grep -q "WARNING\|ERROR\|<[0-4]>" "$work/log"; then
            echo "warnings/errors logged:"
            grep "WARNING\|ERROR\|<[0-4]>" "$work/log" | head -5
        fi
    done
done
