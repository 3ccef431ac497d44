#!/bin/bash
# Installs the Debian packages wgtrack's integration tests (*IT) need. Idempotent; run as root.
# Services that these packages would start on install (prometheus, influxd with its usage
# reporting) are kept from starting by a temporary policy-rc.d that answers 101 ("action
# forbidden"); a policy-rc.d that was already there is left as it was.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" -ne 0 ]; then
    echo "install-test-deps.sh: must run as root" >&2
    exit 1
fi

packages=(
    # --- outputs (org.wgtrack.output ITs): real consumers of the influx and prometheus outputs ---
    influxdb      # /usr/bin/influxd (InfluxDB 1.x) for InfluxDbIT
    prometheus    # /usr/bin/prometheus and /usr/bin/promtool for PrometheusIT, PrometheusFleetIT and AlertRulesTest
    # --- end outputs ---
    # --- lab (network namespace ITs) ---
    wireguard-tools
    wireguard-go
    dnsmasq-base
    iputils-ping
    iproute2
    fping         # the pinger wgtrack prefers; PingerIT measures it
    curl          # DaemonLabIT reads /metrics inside the hub namespace; WebConfigIT scrapes over https; the demo shows it
    # --- end lab ---
    python3       # reference configparser for IniReaderConfigparserTest
    openssl       # throw-away certificates for WebConfigReaderTest, WebConfigFuzzTest, WebConfigIT, PrometheusTlsIT
    shellcheck    # test.sh runs scripts/shellcheck.sh on every shell script before mvn
    systemd       # systemd-analyze for UnitFileIT
    lintian       # LintianIT: the .deb must have no lintian error or warning
    man-db        # DebPackageIT reads the installed wgtrack(8) and wgtrack.conf(5) with man
    bash-completion  # DebPackageIT completes `wgtrack st<TAB>` through bash-completion's loader
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-test-deps.sh: all packages already installed"
    exit 0
fi

policy=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    created_policy=yes
fi
cleanup() {
    if [ "$created_policy" = yes ]; then
        rm -f "$policy"
    fi
}
trap cleanup EXIT

apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"

# Belt and braces: without systemd (containers) a maintainer script may still have started a
# daemon; the tests start their own on 127.0.0.1 and nothing else may be left running.
for daemon in prometheus influxd; do
    for pid in $(pgrep -x "$daemon" || true); do
        echo "install-test-deps.sh: stopping $daemon (pid $pid) started by the package" >&2
        kill "$pid" || true
    done
done
