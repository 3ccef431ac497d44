# shellcheck shell=bash
# Shared by the bench/ scripts (startup, footprint, steady, idle, profile): a scratch directory
# with a static fake wg(8) that prints a generated N-peer dump, and a wgtrack.conf that uses it.
# Sourced; needs python3. Sets $work (removed on exit), $conf, $influx.

root=$(cd -- "$(dirname -- "$0")/.." && pwd)
jar="$root/target/wgtrack.jar"
[ -f "$jar" ] || { echo "$0: $jar missing: run mvn -B -o -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/wgtrack-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
conf="$work/wgtrack.conf"
influx="$work/influx.out"

# influx_only CONF OUT: CONF without its [output:json] and [output:prometheus] sections (they
# come after [output:influx] in make_setup's file).
influx_only() {
    awk '/^\[output:json\]/ {skip = 1} /^\[output:prometheus\]/ {skip = 1} !skip' "$1" > "$2"
}

# make_setup PEERS CYCLE_TIME: wg0 with PEERS peers (fresh handshakes, literal endpoints,
# one allowed ip each, a wg-quick file naming them); ping_interval = 0 so nothing is pinged;
# influx, json and prometheus (127.0.0.1, a free port) outputs.
make_setup() {
    python3 - "$work" "$1" <<'PY'
import base64, os, random, sys, time
work, peers = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
key = lambda: base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(32))).decode()
now = int(time.time())
dump = ["wg0\t%s\t%s\t51820\toff" % (key(), key())]
conf = ["[Interface]", "Address = 10.0.0.1/16", ""]
def addresses(i):
    if i < 63750:  # the first 63,750 as they always were, so figures stay comparable
        return "10.%d.%d.2" % (1 + i // 250, i % 250), "198.51.%d.%d" % (i // 250, i % 250)
    j = i - 63750
    return ("172.%d.%d.%d" % (16 + j // 62500, j // 250 % 250, 1 + j % 250),
            "198.%d.%d.%d" % (52 + j // 62500, j // 250 % 250, 1 + j % 250))
for i in range(peers):
    k = key()
    ip, endpoint = addresses(i)
    dump.append("wg0\t%s\t(none)\t%s:51820\t%s/32\t%d\t%d\t%d\t25"
                % (k, endpoint, ip, now, 1 << 30, 1 << 20))
    conf += ["[Peer]", "# Name = peer %d" % i, "PublicKey = " + k, "AllowedIPs = %s/32" % ip,
             "Endpoint = %s:51820" % endpoint, ""]
open(os.path.join(work, "dump"), "w").write("\n".join(dump) + "\n")
open(os.path.join(work, "wg0.conf"), "w").write("\n".join(conf))
PY
    # One line appended per dump: footprint.sh counts cycles with it.
    cat > "$work/wg" <<EOF2
#!/bin/sh
[ "\$1 \$2 \$3" = "show all dump" ] || exit 1
echo >> "$work/cycles"
exec cat "$work/dump"
EOF2
    chmod +x "$work/wg"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat > "$conf" <<EOF2
[general]
cycle_time = $2
wireguard_config_dir = $work
wg_command = $work/wg
ping_interval = 0

[output:influx]
filename = $influx

[output:json]
filename = $work/status.json

[output:prometheus]
listen = 127.0.0.1
port = $port
EOF2
}
