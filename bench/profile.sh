#!/bin/bash
# Where the daemon's CPU and allocation go, from a JDK Flight Recording of the daemon run
# through bin/wgtrack (the shipped JVM flags; WGTRACK_JAVA_OPTS adds flags). A static fake wg
# serves a PEERS-peer dump; influx, json and prometheus outputs (OUTPUTS=influx: influx only); ping_interval = 0.
#
#   bench/profile.sh [PEERS] [CYCLE_TIME] [SECONDS]     default 100 peers, 0.05 s, 60 s
#   OUTPUTS=influx bench/profile.sh 10000               the influx output only
#
# Records for SECONDS after a 15 s warm-up and prints the methods most often on top of the
# stack in jdk.ExecutionSample (CPU in Java code; time in the JVM itself, the kernel or
# another process is not sampled) and the allocating methods by sampled weight
# (jdk.ObjectAllocationSample). A short CYCLE_TIME gives more samples of the same cycle.
set -eu
peers=${1:-100}
cycle_time=${2:-0.05}
seconds=${3:-60}
. "$(dirname -- "$0")/common.sh"
make_setup "$peers" "$cycle_time"
if [ "${OUTPUTS:-all}" = influx ]; then
    influx_only "$conf" "$conf.influx" && mv "$conf.influx" "$conf"
fi
recording="$work/wgtrack.jfr"
WGTRACK_JAVA_OPTS="${WGTRACK_JAVA_OPTS:-} -XX:StartFlightRecording=delay=15s,duration=${seconds}s,settings=profile,filename=$recording" \
    "$root/bin/wgtrack" --config "$conf" >/dev/null 2>"$work/log" &
pid=$!
sleep $((15 + seconds + 3))
kill -TERM "$pid"
wait "$pid" || true
[ -s "$recording" ] || { echo "no recording:"; cat "$work/log"; exit 1; }
jfr print --events jdk.ExecutionSample "$recording" > "$work/cpu.txt"
jfr print --events jdk.ObjectAllocationSample "$recording" > "$work/alloc.txt"
python3 - "$work/cpu.txt" "$work/alloc.txt" "$peers" <<'PY'
import collections, re, sys
cpu_file, alloc_file, peers = sys.argv[1], sys.argv[2], sys.argv[3]

def events(path):
    """Each event as (its text before the stack, its frames, top first)."""
    event, frames, in_stack = [], [], False
    for line in open(path):
        line = line.rstrip()
        if line.startswith("jdk."):
            if event:
                yield "\n".join(event), frames
            event, frames, in_stack = [], [], False
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
        elif in_stack and line.strip() and line.strip() != "...":
            frames.append(re.sub(r"\s+line:.*", "", line.strip()))
        else:
            event.append(line)
    if event:
        yield "\n".join(event), frames

def own_frame(frames):
    """The first frame in wgtrack's own code: which of our methods the time or memory is for."""
    return next((f for f in frames if f.startswith("org.wgtrack.")), "(outside org.wgtrack)")

top, ours, total = collections.Counter(), collections.Counter(), 0
for _, frames in events(cpu_file):
    if frames:
        total += 1
        top[frames[0]] += 1
        ours[own_frame(frames)] += 1
print("%s peers: %d CPU samples" % (peers, total))
print("top of stack:")
for frame, n in top.most_common(15):
    print("  %5.1f %%  %s" % (100.0 * n / total, frame))
print("by wgtrack method calling it:")
for frame, n in ours.most_common(10):
    print("  %5.1f %%  %s" % (100.0 * n / total, frame))

weights, classes, alloc_total = collections.Counter(), collections.Counter(), 0
for text, frames in events(alloc_file):
    m = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", text)
    c = re.search(r"objectClass = (\S+)", text)
    if not m or not frames:
        continue
    w = float(m.group(1)) * {"bytes": 1, "kB": 1024, "MB": 1 << 20, "GB": 1 << 30}[m.group(2)]
    alloc_total += w
    weights[own_frame(frames)] += w
    if c:
        classes[c.group(1)] += w
print("allocation, by wgtrack method (sampled weight):")
for frame, w in weights.most_common(10):
    print("  %5.1f %%  %s" % (100.0 * w / alloc_total, frame))
print("allocation, by class:")
for cls, w in classes.most_common(8):
    print("  %5.1f %%  %s" % (100.0 * w / alloc_total, cls))
PY
