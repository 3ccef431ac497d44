package org.wgtrack.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running outputs. The daemon starts with {@code OutputSet.empty().reconfigure(plan)},
 * calls {@link #writeAll} at the end of every cycle, and on SIGHUP validates the new sections
 * ({@link OutputFactory#validate}) and only then calls {@link #reconfigure}. An output whose
 * spec did not change is carried over as it is (a Prometheus server keeps running, scrapes go
 * on, re-reading its web config); the others are closed before any new one binds or writes.
 */
public final class OutputSet implements AutoCloseable {

    private final Map<OutputSpec, Output> outputs;

    private OutputSet(Map<OutputSpec, Output> outputs) {
        this.outputs = outputs;
    }

    public static OutputSet empty() {
        return new OutputSet(new LinkedHashMap<>());
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
        Map<OutputSpec, Output> next = new LinkedHashMap<>();
        Map<OutputSpec, Output> old = new HashMap<>(outputs);
        for (OutputSpec spec : plan.specs()) {
            Output kept = old.remove(spec);
            if (kept != null) {
                kept.reload();
            }
            next.put(spec, kept != null ? kept : spec.open());
        }
        old.values().forEach(Output::close);
        outputs.clear();
        return new OutputSet(next);
    }

    public List<Output> outputs() {
        return List.copyOf(outputs.values());
    }

    /** Writes the snapshot to every output; one failing never keeps the others from being written. */
    public List<Failure> writeAll(Snapshot snapshot) {
        List<Failure> failures = new ArrayList<>();
        for (Output output : outputs.values()) {
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
        outputs.values().forEach(Output::close);
        outputs.clear();
    }
}
