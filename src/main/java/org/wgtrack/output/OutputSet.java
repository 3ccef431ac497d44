package org.wgtrack.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The running outputs. The daemon starts with {@code OutputSet.empty().reconfigure(plan)},
 * calls {@link #writeAll} at the end of every cycle, and on SIGHUP validates the new sections
 * ({@link OutputFactory#validate}) and only then calls {@link #reconfigure}. An output whose
 * spec did not change is carried over as it is (a Prometheus server keeps running, scrapes go
 * on, re-reading its web config); the others are closed before any new one binds or writes.
 */
public final class OutputSet implements AutoCloseable {

    /**
     * In the plan's order. A list searched with equals rather than a map keyed by spec: a config
     * has a handful of outputs, and a record's first hashCode is built by the JDK from method
     * handles, classes it spins at run time. The empty set's reconfigure at start-up now calls
     * neither hashCode nor equals (README, "Start-up": with fping's group below, 20-30 ms).
     */
    private final List<Running> outputs;

    private record Running(OutputSpec spec, Output output) {
    }

    private OutputSet(List<Running> outputs) {
        this.outputs = outputs;
    }

    public static OutputSet empty() {
        return new OutputSet(new ArrayList<>());
    }

    /** One write failure, for the daemon's log: {@code output influx: cannot write …}. */
    public record Failure(String outputName, IOException error) {
        @Override
        public String toString() {
            return "output " + outputName + ": " + error.getMessage();
        }
    }

    /**
     * The set for {@code plan}; this set must not be used afterwards. Outputs with an unchanged
     * spec move over; the rest are closed here, before the new ones bind on their first write.
     */
    public OutputSet reconfigure(OutputPlan plan) {
        List<Running> next = new ArrayList<>();
        List<Running> old = new ArrayList<>(outputs);
        for (OutputSpec spec : plan.specs()) {
            Output kept = takeRunning(old, spec);
            if (kept != null) {
                kept.reload();
            }
            next.add(new Running(spec, kept != null ? kept : spec.open()));
        }
        old.forEach(running -> running.output().close());
        outputs.clear();
        return new OutputSet(next);
    }

    /** The running output of an equal spec, taken out of {@code old}; null if there is none. */
    private static Output takeRunning(List<Running> old, OutputSpec spec) {
        for (int i = 0; i < old.size(); i++) {
            if (old.get(i).spec().equals(spec)) {
                return old.remove(i).output();
            }
        }
        return null;
    }

    public List<Output> outputs() {
        List<Output> list = new ArrayList<>(outputs.size());
        for (Running running : outputs) {
            list.add(running.output());
        }
        return Collections.unmodifiableList(list);
    }

    /** Writes the snapshot to every output; one failing never keeps the others from being written. */
    public List<Failure> writeAll(Snapshot snapshot) {
        List<Failure> failures = new ArrayList<>();
        for (Running running : outputs) {
            Output output = running.output();
            try {
                output.write(snapshot);
            } catch (IOException e) {
                failures.add(new Failure(output.name(), e));
            } catch (RuntimeException e) {
                // A bug in one output must not take the others (or the cycle) down with it.
                failures.add(new Failure(output.name(), new IOException("unexpected " + e, e)));
            }
        }
        return failures;
    }

    @Override
    public void close() {
        outputs.forEach(running -> running.output().close());
        outputs.clear();
    }
}
