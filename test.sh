#!/usr/bin/env bash
# Installs what the test suite needs (as root, through apt) and runs the whole suite:
# every shell script through shellcheck (scripts/shellcheck.sh), then unit tests (Surefire,
# *Test) and integration tests against a real userspace WireGuard, InfluxDB, Prometheus and
# dnsmasq in network namespaces (Failsafe, *IT).
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" -eq 0 ]; then
    scripts/install-test-deps.sh
else
    echo "test.sh: not root: not installing test dependencies; integration tests that need root will be skipped" >&2
fi
if command -v shellcheck >/dev/null; then
    scripts/shellcheck.sh
elif [ "$(id -u)" -eq 0 ] || [ "${CI:-}" = true ]; then
    # root has just installed it; and CI must not pass with a check unrun
    echo "test.sh: shellcheck is missing (scripts/install-test-deps.sh installs it)" >&2
    exit 1
else
    echo "test.sh: not root and no shellcheck: the shell scripts are not checked" >&2
fi
exec mvn -B verify "$@"
