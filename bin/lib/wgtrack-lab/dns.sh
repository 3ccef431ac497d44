# shellcheck shell=bash
# wgtrack-lab: the lab's DNS, a dnsmasq in ID-dns that answers peerI.lab.test from
# DIR/dns/hosts, and the hub's resolver pointed at it. Sourced by bin/wgtrack-lab; reads
# LAB_ID, LAB_DIR, PEERS and IPV6.

# DIR/dns/hosts from the peers' addresses in lab.env, replaced in one rename so that dnsmasq
# never reads half a file.
write_hosts() {
    local i tmp
    tmp=$LAB_DIR/dns/hosts.tmp
    : >"$tmp"
    for ((i = 1; i <= PEERS; i++)); do
        echo "$(env_get "PEER${i}_V4") $(peer_host "$i")" >>"$tmp"
        if ((IPV6)); then
            echo "$(env_get "PEER${i}_V6") $(peer_host "$i")" >>"$tmp"
        fi
    done
    mv -f "$tmp" "$LAB_DIR/dns/hosts"
}

start_dnsmasq() {
    local pid
    : >>"$LAB_DIR/dns/dnsmasq.log"
    local listen=(--listen-address="$DNS_V4")
    ((IPV6)) && listen+=(--listen-address="$DNS_V6")
    # --conf-file=/dev/null: no system config; --user=root: the lab dir may be unreadable for
    # nobody, and dnsmasq re-reads the hosts file on SIGHUP after dropping privileges.
    pid=$(spawn DNSMASQ_PID "$(dns_ns)" "$LAB_DIR/dns/dnsmasq.stderr" \
        dnsmasq --keep-in-foreground --conf-file=/dev/null --user=root --group=root \
        --no-resolv --no-hosts --bind-interfaces "${listen[@]}" \
        --addn-hosts="$LAB_DIR/dns/hosts" --local="/${LAB_DOMAIN}/" --local-ttl=0 \
        --log-queries --log-facility="$LAB_DIR/dns/dnsmasq.log" \
        --pid-file="$LAB_DIR/dns/dnsmasq.pid")
    local i
    for ((i = 0; i < 50; i++)); do
        if in_ns "$(dns_ns)" ss -Hlnu "sport = :53" 2>/dev/null | grep -q .; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || die "dnsmasq did not start: $(cat "$LAB_DIR/dns/dnsmasq.stderr")"
        sleep 0.1
    done
    die "dnsmasq does not listen on $DNS_V4:53"
}

# The hub's /etc/netns overlay (`ip netns exec` mounts it over /etc): the lab's dnsmasq is its
# only resolver, and its hosts file knows nothing but localhost.
point_hub_at_lab_dns() {
    mkdir -p "/etc/netns/$(hub_ns)"
    {
        echo "# wgtrack lab $LAB_ID: the lab's dnsmasq only"
        echo "nameserver $DNS_V4"
        echo "options timeout:2 attempts:1"
    } >"/etc/netns/$(hub_ns)/resolv.conf"
    {
        echo "127.0.0.1 localhost"
        echo "::1 localhost ip6-localhost ip6-loopback"
    } >"/etc/netns/$(hub_ns)/hosts"
}

# Rewrites DIR/dns/hosts from lab.env and has dnsmasq re-read it.
reload_dns_hosts() {
    local pid
    write_hosts
    pid=$(env_get DNSMASQ_PID)
    if pid_is "$pid" dnsmasq; then
        kill -HUP "$pid"
    fi
}

# Delays dnsmasq (PID) by 3 s; without netem in the kernel, freezes it instead.
make_dns_slow() {
    local pid=$1
    if tc -n "$(dns_ns)" qdisc replace dev ul0 root netem delay 3000ms 2>/dev/null; then
        record DNS_SLOW netem
        log "dns slow: replies delayed 3 s (netem)"
    else
        pid_is "$pid" dnsmasq || die "dns slow: dnsmasq is not running"
        kill -STOP "$pid"
        record DNS_SLOW stopped
        log "dns slow: no netem in this kernel; dnsmasq frozen (SIGSTOP), queries time out until dns fast"
    fi
}

# Undoes make_dns_slow, whichever way it went.
make_dns_fast() {
    local pid=$1
    tc -n "$(dns_ns)" qdisc del dev ul0 root 2>/dev/null || true
    if pid_is "$pid" dnsmasq; then
        kill -CONT "$pid"
    fi
    record DNS_SLOW ""
}
