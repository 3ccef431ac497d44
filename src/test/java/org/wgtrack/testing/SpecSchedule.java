package org.wgtrack.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent, plain reading of SPEC §3 for a continuous outage starting at cycle 0:
 * list the resolution cycles phase by phase, then label each cycle. A phase's label runs
 * up to and including its last resolution; the next phase's label starts the cycle after.
 * The state machine's tests hold it against the machine, the lab test against the lookups
 * the real daemon makes.
 *
 * @param resolutions the cycles (below {@code cycles}) that re-resolve the endpoint
 * @param labels      the state label of each cycle
 */
public record SpecSchedule(List<Integer> resolutions, List<String> labels) {

    public static SpecSchedule of(int wait, int checking, int checkPeriod, int slowPeriod, int cycles) {
        int period = Math.min(checkPeriod, slowPeriod); // no interval is longer than the slow period
        List<Integer> resolutions = new ArrayList<>();
        String[] labels = new String[cycles];

        int cycle = wait;
        for (int i = 0; i < checking; i++) {
            resolutions.add(cycle);
            if (i < checking - 1) {
                cycle += period;
            }
        }
        int lastChecking = cycle;

        int interval = 2 * period;
        int lastBackoff = lastChecking;
        while (interval < slowPeriod) {
            cycle += interval;
            resolutions.add(cycle);
            lastBackoff = cycle;
            interval *= 2;
        }
        while (cycle < cycles) {
            cycle += slowPeriod;
            resolutions.add(cycle);
        }

        for (int c = 0; c < cycles; c++) {
            labels[c] = c < wait ? "down:waiting"
                    : c <= lastChecking ? "down:checking"
                    : c <= lastBackoff ? "down:backingoff"
                    : "down:slowchecking";
        }
        return new SpecSchedule(resolutions.stream().filter(c -> c < cycles).toList(), List.of(labels));
    }

    public boolean resolvesAt(int cycle) {
        return resolutions.contains(cycle);
    }
}
