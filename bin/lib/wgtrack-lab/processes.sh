# shellcheck shell=bash
# wgtrack-lab: the long-running programs of a lab (wireguard-go, dnsmasq, the demo's wgtrack),
# started detached in a namespace and stopped by their recorded PID. Sourced by bin/wgtrack-lab.

# Starts a long-running program in a namespace, detached (own session, no terminal), and
# records its PID under KEY. `ip netns exec` and setsid both exec in place, so $! is the
# program's own PID.
spawn() {
    local key=$1 ns=$2 logfile=$3
    shift 3
    setsid ip netns exec "$ns" "$@" </dev/null >>"$logfile" 2>&1 &
    local pid=$!
    record "$key" "$pid"
    echo "$pid"
}

# True when PID is alive and its command line contains WORD (guards against PID reuse).
pid_is() {
    local pid=$1 word=$2
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$word"
}

stop_pid() {
    local pid=$1 word=$2 i
    pid_is "$pid" "$word" || return 0
    kill -CONT "$pid" 2>/dev/null || true # a frozen dnsmasq (dns slow) cannot act on TERM
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        pid_is "$pid" "$word" || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
        pid_is "$pid" "$word" || return 0
        sleep 0.1
    done
    log "process $pid ($word) did not exit"
}
