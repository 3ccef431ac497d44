# shellcheck shell=bash
# wgtrack-lab: keys, wg-quick files and wireguard-go interfaces of the hub and the peers.
# wireguard-go's control sockets live in the root namespace (/var/run/wireguard/IFNAME.sock),
# whichever namespace its interface is in. Sourced by bin/wgtrack-lab; reads LAB_ID, LAB_DIR
# and PEERS.

key_file() { echo "$LAB_DIR/keys/$1.key"; }

# A new private key NAME in DIR/keys, readable by root only.
make_key() {
    (umask 077 && wg genkey >"$(key_file "$1")")
}

public_key_of() {
    wg pubkey <"$(key_file "$1")"
}

# The hub's wg-quick file: what wgtrack reads (wireguard_config_dir = DIR/wireguard). It knows
# every peer by hostname.
write_hub_config() {
    local i
    (
        umask 077
        echo "# wgtrack lab $LAB_ID: hub"
        echo "[Interface]"
        echo "PrivateKey = $(cat "$(key_file hub)")"
        echo "ListenPort = $WG_PORT"
        echo "Address = $HUB_TUNNEL/16"
        for ((i = 1; i <= PEERS; i++)); do
            echo
            echo "[Peer]"
            echo "# Name = peer$i"
            echo "PublicKey = $(env_get "PEER${i}_PUBLIC_KEY")"
            echo "AllowedIPs = $(peer_tunnel "$i")/32"
            echo "Endpoint = $(peer_host "$i"):$WG_PORT"
        done
    ) >"$LAB_DIR/wireguard/$(hub_if).conf"
}

# Peer I's wg-quick file, dial-in style: no endpoint for the hub, no keepalive.
write_peer_config() {
    local i=$1
    (
        umask 077
        echo "# wgtrack lab $LAB_ID: peer$i"
        echo "[Interface]"
        echo "PrivateKey = $(cat "$(key_file "peer$i")")"
        echo "ListenPort = $WG_PORT"
        echo "Address = $(peer_tunnel "$i")/16"
        echo
        echo "[Peer]"
        echo "# Name = hub"
        echo "PublicKey = $(env_get HUB_PUBLIC_KEY)"
        echo "AllowedIPs = 10.10.0.0/16"
    ) >"$LAB_DIR/peers/$(peer_if "$i").conf"
}

start_wireguard() {
    local ns=$1 ifname=$2 pid i
    [[ -e /var/run/wireguard/$ifname.sock ]] && die "/var/run/wireguard/$ifname.sock exists: another wireguard-go owns $ifname"
    record WG_IF "$ifname"
    pid=$(spawn WG_PID "$ns" "$LAB_DIR/log/$ifname.log" env LOG_LEVEL=error wireguard-go -f "$ifname")
    for ((i = 0; i < 100; i++)); do
        if [[ -S /var/run/wireguard/$ifname.sock ]] && ip -n "$ns" link show "$ifname" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || die "wireguard-go $ifname did not start: $(cat "$LAB_DIR/log/$ifname.log")"
        sleep 0.1
    done
    die "wireguard-go $ifname did not come up"
}

# The wg(8) part of a wg-quick file: drops the keys only wg-quick knows.
strip_wg_quick() {
    grep -viE '^[[:space:]]*(Address|DNS|MTU|Table|PreUp|PostUp|PreDown|PostDown|SaveConfig)[[:space:]]*=' "$1"
}

# A wireguard-go interface IFNAME in namespace NS, configured from wg-quick file CONF, with
# tunnel address ADDR, up. wg setconf runs in NS, so it resolves hostnames as NS does.
create_interface() {
    local ns=$1 ifname=$2 conf=$3 addr=$4
    start_wireguard "$ns" "$ifname"
    in_ns "$ns" wg setconf "$ifname" <(strip_wg_quick "$conf")
    ip -n "$ns" addr add "$addr" dev "$ifname"
    ip -n "$ns" link set "$ifname" up
}

# The hub's interface; its wg setconf resolves the peers' hostnames through the lab's dnsmasq.
create_hub_interface() {
    create_interface "$(hub_ns)" "$(hub_if)" "$LAB_DIR/wireguard/$(hub_if).conf" "$HUB_TUNNEL/16"
}

create_peer_interface() {
    local i=$1
    create_interface "$(peer_ns "$i")" "$(peer_if "$i")" "$LAB_DIR/peers/$(peer_if "$i").conf" "$(peer_tunnel "$i")/16"
}

# Deletes the hub's interface if it still exists; wireguard-go ends, and removes its socket,
# when its TUN device is deleted.
delete_hub_interface() {
    local ifname i
    ifname=$(hub_if)
    if ip -n "$(hub_ns)" link show "$ifname" >/dev/null 2>&1; then
        ip -n "$(hub_ns)" link del "$ifname"
    fi
    for ((i = 0; i < 50; i++)); do
        [[ -e /var/run/wireguard/$ifname.sock ]] || break
        sleep 0.1
    done
    [[ ! -e /var/run/wireguard/$ifname.sock ]] || die "recreate-hub: wireguard-go of $ifname did not exit"
}

remove_socket() {
    local ifname=$1
    rm -f -- "/var/run/wireguard/${ifname:?}.sock" "/var/run/wireguard/${ifname:?}.name"
    rmdir /var/run/wireguard 2>/dev/null || true
}

# True when the hub pings TARGET through its interface; ten tries, because the first pings
# also do the handshake.
ping_through_tunnel() {
    local target=$1 i
    for ((i = 0; i < 10; i++)); do
        if in_ns "$(hub_ns)" ping -n -q -c1 -W1 -I "$(hub_if)" "$target" >/dev/null 2>&1; then
            return 0
        fi
    done
    return 1
}
