package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.wgtrack.text.PlainDecimal;

/**
 * Pings with fping, one process for all targets that share an interface and a timeout:
 * <pre>
 * fping -C 1 -q -r 0 -t 1000 -i 0.05 -I wg0 10.0.0.2 10.0.0.3 …
 * </pre>
 * One echo request per target ({@code -C 1}, no retries), results as in {@link FpingOutput}.
 * fping spaces its packets {@code -i} ms apart, 10 ms by default: 1,000 targets would take
 * 10 s just to send. The interval is chosen so that a whole group is sent within
 * {@link #SEND_BUDGET_MICROS} and never closer than needed: 1 ms for up to 50 targets,
 * 0.05 ms for 1,000. fping 4.0 and later accept intervals under 1 ms from any user unless
 * built with {@code --enable-safe-limits}, which reserves them for root; wgtrack runs as root.
 * Why not {@code -i 0}: it sends 1,000 packets in about 10 ms, and the replies of a fast
 * network then arrive as one burst that can overflow fping's receive buffer.
 */
public final class FpingPinger implements Pinger {

    /** How long sending one group may take: 1,000 silent targets with a 1 s timeout took 1.2 s in all (PingerIT). */
    static final long SEND_BUDGET_MICROS = 50_000;
    private static final long MAX_INTERVAL_MICROS = 1_000;
    /** Time fping gets beyond timeout and sending before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final ProcessRunner runner;
    private final ExecutorService groups = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fping");
        thread.setDaemon(true);
        return thread;
    });

    public FpingPinger(ProcessRunner runner) {
        this.runner = runner;
    }

    private record Group(String interfaceName, Duration timeout) {
        // Written out: the generated ones are built from method handles on their first call, and
        // the start-up probe of fping hashes a group (README, "Start-up": with OutputSet, 20-30 ms).
        @Override
        public boolean equals(Object other) {
            if (!Group.class.isInstance(other)) {
                return false;
            }
            Group group = (Group) other;
            return interfaceName.equals(group.interfaceName) && timeout.equals(group.timeout);
        }

        @Override
        public int hashCode() {
            return 31 * interfaceName.hashCode() + timeout.hashCode();
        }
    }

    static long intervalMicros(int targets) {
        return Math.min(MAX_INTERVAL_MICROS, SEND_BUDGET_MICROS / Math.max(1, targets));
    }

    static List<String> command(String interfaceName, Duration timeout, List<String> targets) {
        List<String> command = new ArrayList<>(targets.size() + 12);
        command.addAll(List.of("fping", "-C", "1", "-q", "-r", "0",
                "-t", Long.toString(PingTargets.millis(timeout)),
                "-i", PlainDecimal.toString(intervalMicros(targets.size()), 3),
                "-I", interfaceName));
        command.addAll(targets);
        return command;
    }

    @Override
    public List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException {
        Map<Group, LinkedHashSet<String>> targetsByGroup = new LinkedHashMap<>();
        for (PingRequest request : requests) {
            targetsByGroup.computeIfAbsent(new Group(request.interfaceName(), request.timeout()), g -> new LinkedHashSet<>())
                    .add(PingTargets.literal(request.target()));
        }
        Map<Group, Future<Map<String, PingResult>>> pending = new LinkedHashMap<>();
        boolean done = false;
        try {
            targetsByGroup.forEach((group, targets) ->
                    pending.put(group, groups.submit(() -> pingGroup(group, List.copyOf(targets)))));
            Map<Group, Map<String, PingResult>> resultsByGroup = new LinkedHashMap<>();
            for (Map.Entry<Group, Future<Map<String, PingResult>>> entry : pending.entrySet()) {
                resultsByGroup.put(entry.getKey(), entry.getValue().get());
            }
            done = true;
            return requests.stream()
                    .map(r -> resultsByGroup.get(new Group(r.interfaceName(), r.timeout())).get(PingTargets.literal(r.target())))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fping worker failed", e.getCause());
        } finally {
            if (!done) {
                pending.values().forEach(future -> future.cancel(true));
            }
        }
    }

    private Map<String, PingResult> pingGroup(Group group, List<String> targets) throws InterruptedException {
        Duration limit = group.timeout()
                .plusNanos(intervalMicros(targets.size()) * 1_000 * targets.size())
                .plus(GRACE);
        try {
            return FpingOutput.parse(runner.run(command(group.interfaceName(), group.timeout(), targets), limit), targets);
        } catch (IOException e) {
            return allFailed(targets, "fping could not be started: " + e.getMessage());
        } catch (TimeoutException e) {
            return allFailed(targets, "fping did not exit within " + limit.toMillis() + " ms and was killed");
        }
    }

    private static Map<String, PingResult> allFailed(List<String> targets, String error) {
        Map<String, PingResult> results = new LinkedHashMap<>();
        targets.forEach(target -> results.put(target, PingResult.failed(error)));
        return results;
    }
}
