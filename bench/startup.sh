#!/bin/bash
# Start-up time of the daemon: from the launcher's exec to the first influx file written,
# through bin/wgtrack (the shipped JVM flags; WGTRACK_JAVA_OPTS adds flags as usual).
#
#   bench/startup.sh [RUNS] [PEERS]        default 10 runs, 10 peers
#   WGTRACK_JAVA_OPTS=-XX:SharedArchiveFile=/tmp/wgtrack.jsa bench/startup.sh
#
# Prints every run and the medians: wall time, and the CPU time (user + system, all threads,
# from /proc/<pid>/stat; the launcher execs java, so it is one process) the daemon had used
# when the file appeared. The targets: wall time ≤ 1.5 s, CPU ≤ 0.4 s at 100 peers.
set -eu
runs=${1:-10}
peers=${2:-10}
. "$(dirname -- "$0")/common.sh"
make_setup "$peers" 30
python3 - "$root/bin/wgtrack" "$conf" "$influx" "$runs" <<'PY'
import os, signal, statistics, subprocess, sys, time
launcher, conf, influx, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
times, cpus = [], []
ticks = os.sysconf("SC_CLK_TCK")
def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks
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
    cpu = cpu_seconds(proc.pid) * 1000
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    times.append(took)
    cpus.append(cpu)
    print("run %2d: %4.0f ms, CPU %4.0f ms" % (run + 1, took, cpu))
print("start-up to first influx file, %d runs: median %.0f ms, min %.0f ms, max %.0f ms"
      % (runs, statistics.median(times), min(times), max(times)))
print("CPU used by then: median %.0f ms, min %.0f ms, max %.0f ms"
      % (statistics.median(cpus), min(cpus), max(cpus)))
PY
