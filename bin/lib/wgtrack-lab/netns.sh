# shellcheck shell=bash
# wgtrack-lab: network namespaces and the underlay, a bridge br0 in ID-net with one veth per
# host (named ul0 inside the host). Sourced by bin/wgtrack-lab; reads LAB_ID and IPV6.

ns_exists() {
    ip netns list | awk '{ print $1 }' | grep -qxF "$1"
}

in_ns() {
    local ns=$1
    shift
    ip netns exec "$ns" "$@"
}

make_ns() {
    local ns=$1
    ns_exists "$ns" && die "namespace $ns exists but is not recorded in $(env_file); run down --id $LAB_ID"
    ip netns add "$ns"
    record NS "$ns"
    ip -n "$ns" link set lo up
    # the lab routes nothing and accepts no router advertisements from anyone
    in_ns "$ns" sysctl -qw net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0 \
        net.ipv6.conf.all.keep_addr_on_down=1 >/dev/null 2>&1 || true
}

# The underlay switch: a bridge in a namespace of its own, without addresses.
make_underlay_switch() {
    make_ns "$(net_ns)"
    ip -n "$(net_ns)" link add br0 type bridge
    ip -n "$(net_ns)" link set br0 up
}

# A veth from namespace NS (named ul0 there) to the underlay bridge (named PORT there).
plug() {
    local ns=$1 port=$2
    ip -n "$(net_ns)" link add "$port" type veth peer name ul0 netns "$ns"
    ip -n "$(net_ns)" link set "$port" master br0 up
    ip -n "$ns" link set ul0 up
}

add_underlay_addr() {
    local ns=$1 v4=$2 v6=$3
    ip -n "$ns" addr replace "$v4/16" dev ul0
    if ((IPV6)); then
        ip -n "$ns" -6 addr replace "$v6/64" dev ul0 nodad
    fi
}

# A new namespace NS on the underlay, switch port PORT, with addresses V4 (and V6 with --ipv6).
add_underlay_host() {
    local ns=$1 port=$2 v4=$3 v6=$4
    make_ns "$ns"
    plug "$ns" "$port"
    add_underlay_addr "$ns" "$v4" "$v6"
}

# Kills whatever still runs inside a lab namespace: only lab processes live there.
stop_ns_pids() {
    local ns=$1 pid
    ns_exists "$ns" || return 0
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
        kill -CONT "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    local i
    for ((i = 0; i < 30; i++)); do
        [[ -z $(ip netns pids "$ns" 2>/dev/null) ]] && return 0
        sleep 0.1
    done
    for pid in $(ip netns pids "$ns" 2>/dev/null); do
        kill -KILL "$pid" 2>/dev/null || true
    done
}

remove_ns() {
    local ns=$1
    stop_ns_pids "$ns"
    if ns_exists "$ns"; then
        ip netns delete "$ns" || log "could not delete namespace $ns"
    fi
    # only ever a directory named after one of our namespaces
    if [[ -d /etc/netns/$ns ]]; then
        rm -rf -- "/etc/netns/${ns:?}"
    fi
    rmdir /etc/netns 2>/dev/null || true
}

# The names among stdin that a lab with this id would give its namespaces.
lab_ns_names() {
    grep -E "^${LAB_ID}-(hub|net|dns|p[0-9]+)\$" || true
}

# Namespaces of this lab id whose record was lost (lab.env deleted by hand): those that
# exist, then those that only left their /etc/netns overlay behind.
remove_unrecorded_namespaces() {
    local ns
    while read -r ns; do
        remove_ns "$ns"
    done < <(ip netns list | awk '{ print $1 }' | lab_ns_names)
    while read -r ns; do
        remove_ns "$ns"
    done < <(find /etc/netns -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | lab_ns_names)
}
