package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.testing.SpecSchedule;

/** The re-resolution schedule of a continuous outage, cycle by cycle (SPEC §3 timeline). */
class ScheduleTimelineTest {

    private static final int CYCLES = 100;

    /** A peer that was up, then loses its handshake at cycle 0 for good; states and resolutions of cycles 0..n-1. */
    private static List<Step> lostLink(TrackingParams params, int cycles) {
        PeerSim peer = new PeerSim(params);
        peer.up(EndpointKind.HOSTNAME);
        return IntStream.range(0, cycles).mapToObj(c -> peer.dead(EndpointKind.HOSTNAME)).toList();
    }

    /** As {@link #lostLink}, but the handshake stays fresh and the pings fail; cycle 0 is the failure that decides. */
    private static List<Step> lostPings(TrackingParams params, int cycles) {
        PeerSim peer = new PeerSim(params);
        peer.up(EndpointKind.HOSTNAME);
        for (int i = 1; i < params.pingFailAfterNum(); i++) {
            peer.cycle(HandshakeStatus.OK, false, EndpointKind.HOSTNAME);
        }
        return IntStream.range(0, cycles).mapToObj(c -> peer.cycle(HandshakeStatus.OK, false, EndpointKind.HOSTNAME))
                .toList();
    }

    private static List<Integer> resolutionCycles(List<Step> steps) {
        return IntStream.range(0, steps.size()).filter(c -> steps.get(c).resolveNow()).boxed().toList();
    }

    private static List<String> labels(List<Step> steps) {
        return steps.stream().map(s -> s.state().label()).toList();
    }

    @Test
    void defaultTimelineMatchesTheSpec() {
        List<Step> steps = lostLink(TrackingParams.DEFAULTS, CYCLES);

        assertThat(resolutionCycles(steps)).containsExactly(2, 4, 6, 8, 12, 20, 36, 56, 76, 96);
        List<String> expected = new ArrayList<>();
        IntStream.range(0, CYCLES).forEach(c -> expected.add(
                c <= 1 ? "down:waiting"
                : c <= 8 ? "down:checking"
                : c <= 36 ? "down:backingoff"
                : "down:slowchecking"));
        assertThat(labels(steps)).isEqualTo(expected);
    }

    @Test
    void defaultTimelineWithFailingPingsIsTheSame() {
        List<Step> steps = lostPings(TrackingParams.DEFAULTS, CYCLES);

        assertThat(resolutionCycles(steps)).containsExactly(2, 4, 6, 8, 12, 20, 36, 56, 76, 96);
        assertThat(labels(steps)).isEqualTo(labels(lostLink(TrackingParams.DEFAULTS, CYCLES)));
    }

    @Test
    void defaultTimelineStateChangesHappenOnTheCycleAfterAPhasesLastResolution() {
        List<Step> steps = lostLink(TrackingParams.DEFAULTS, CYCLES);

        assertThat(IntStream.range(0, CYCLES).filter(c -> steps.get(c).transition().isPresent()).boxed())
                .containsExactly(0, 2, 9, 37);
    }

    @ParameterizedTest(name = "cycles_wait {0}, cycles_checking {1}, cycles_checkperiod {2}, cycles_slowcheckingperiod {3}")
    @CsvSource({
        "2, 4, 2, 20",
        "0, 4, 2, 20",
        "1, 2, 1, 5",
        "0, 1, 1, 1",
        "3, 3, 3, 7",
        "2, 4, 5, 20",
        "2, 4, 10, 20",
        "2, 4, 11, 20",
        "5, 1, 4, 100",
        "1, 6, 1, 3",
        "0, 2, 1, 2",
        "4, 1, 1, 64",
        "2, 4, 30, 20",
    })
    void timelineMatchesTheReference(int wait, int checking, int checkPeriod, int slowPeriod) {
        TrackingParams params = PeerSim.schedule(wait, checking, checkPeriod, slowPeriod);
        SpecSchedule reference = SpecSchedule.of(wait, checking, checkPeriod, slowPeriod, CYCLES);

        for (List<Step> steps : List.of(lostLink(params, CYCLES), lostPings(params, CYCLES))) {
            assertThat(resolutionCycles(steps)).isEqualTo(reference.resolutions());
            assertThat(labels(steps)).isEqualTo(reference.labels());
        }
    }

    @ParameterizedTest(name = "cycles_checking {0}, cycles_checkperiod {1}, cycles_slowcheckingperiod {2}")
    @CsvSource({"4, 2, 20", "1, 1, 5", "3, 3, 7", "2, 10, 20"})
    void startUpTimelineIsTheReferenceWithoutWaiting(int checking, int checkPeriod, int slowPeriod) {
        PeerSim peer = new PeerSim(PeerSim.schedule(2, checking, checkPeriod, slowPeriod));
        List<Step> steps = IntStream.range(0, CYCLES).mapToObj(c -> peer.dead(EndpointKind.HOSTNAME)).toList();
        SpecSchedule reference = SpecSchedule.of(0, checking, checkPeriod, slowPeriod, CYCLES);

        assertThat(resolutionCycles(steps)).isEqualTo(reference.resolutions());
        assertThat(labels(steps)).isEqualTo(reference.labels());
    }

    @Test
    void referenceAgreesWithTheSpecTimeline() {
        SpecSchedule reference = SpecSchedule.of(2, 4, 2, 20, CYCLES);
        assertThat(reference.resolutions()).containsExactly(2, 4, 6, 8, 12, 20, 36, 56, 76, 96);
    }
}
