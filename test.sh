#!/usr/bin/env bash
# Installs what the test suite needs (as root, through apt) and runs the whole suite:
# unit tests (Surefire, *Test) and integration tests against a real userspace WireGuard,
# InfluxDB, Prometheus and dnsmasq in network namespaces (Failsafe, *IT).
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" -eq 0 ]; then
    scripts/install-test-deps.sh
else
    echo "test.sh: not root: not installing test dependencies; integration tests that need root will be skipped" >&2
fi
exec mvn -B verify "$@"
