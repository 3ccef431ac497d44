#!/bin/bash
# Start-up time of the daemon: from the launcher's exec to the first influx file written,
# through bin/wgtrack (the shipped JVM flags; WGTRACK_JAVA_OPTS adds flags as usual).
#
#   bench/startup.sh [RUNS] [PEERS]        default 10 runs, 10 peers
#   WGTRACK_JAVA_OPTS=-XX:SharedArchiveFile=/tmp/wgtrack.jsa bench/startup.sh
#
# Prints every run and the median in ms. The issue's target: median ≤ 1.5 s.
set -eu
runs=${1:-10}
peers=${2:-10}
. "$(dirname -- "$0")/common.sh"
make_setup "$peers" 30
python3 - "$root/bin/wgtrack" "$conf" "$influx" "$runs" <<'PY'
import os, signal, statistics, subprocess, sys, time
launcher, conf, influx, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
times = []
for run in range(runs):
    if os.path.exists(influx):
        os.remove(influx)
    start = time.monotonic()
    proc = subprocess.Popen([launcher, "--config", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not os.path.exists(influx):
        if proc.poll() is not None:
            sys.exit("wgtrack exited with status %d before writing %s" % (proc.returncode, influx))
        if time.monotonic() - start > 30:
            proc.kill()
            sys.exit("no influx output within 30 s")
        time.sleep(0.001)
    took = (time.monotonic() - start) * 1000
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    times.append(took)
    print("run %2d: %4.0f ms" % (run + 1, took))
print("start-up to first influx file, %d runs: median %.0f ms, min %.0f ms, max %.0f ms"
      % (runs, statistics.median(times), min(times), max(times)))
PY
