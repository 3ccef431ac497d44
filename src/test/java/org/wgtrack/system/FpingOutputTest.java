package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wgtrack.system.RecordedRuns.recorded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FpingOutputTest {

    @Test
    void readsRepliesAndSilencesOfBothFamilies() {
        List<String> targets = List.of("10.98.0.1", "10.98.0.2", "fd98:0:0:0:0:0:0:1", "fd98:0:0:0:0:0:0:2");

        Map<String, PingResult> results = FpingOutput.parse(recorded("fping/mixed", 1), targets);

        assertThat(results).containsExactly(
                Map.entry("10.98.0.1", PingResult.succeeded(Duration.ofNanos(34_000))),
                Map.entry("10.98.0.2", PingResult.failed()),
                Map.entry("fd98:0:0:0:0:0:0:1", PingResult.succeeded(Duration.ofNanos(29_000))),
                Map.entry("fd98:0:0:0:0:0:0:2", PingResult.failed()));
    }

    @Test
    void allAnswering() {
        assertThat(FpingOutput.parse(recorded("fping/all-answer", 0), List.of("10.98.0.1")))
                .containsExactly(Map.entry("10.98.0.1", PingResult.succeeded(Duration.ofNanos(31_000))));
    }

    @Test
    void aDownInterfaceIsSilenceNotAnError() {
        assertThat(FpingOutput.parse(recorded("fping/interface-down", 1), List.of("10.98.0.1", "10.98.0.2")))
                .containsOnly(Map.entry("10.98.0.1", PingResult.failed()), Map.entry("10.98.0.2", PingResult.failed()));
    }

    @Test
    void anUnknownInterfaceFailsEveryTargetWithFpingsMessage() {
        PingResult expected = PingResult.failed("fping: binding to specific interface (SO_BINTODEVICE): No such device");

        assertThat(FpingOutput.parse(recorded("fping/unknown-interface", 1), List.of("10.98.0.1", "10.98.0.2")))
                .containsExactly(Map.entry("10.98.0.1", expected), Map.entry("10.98.0.2", expected));
    }

    @Test
    void aRefusedOptionFailsEveryTargetWithFpingsMessage() {
        assertThat(FpingOutput.parse(recorded("fping/bad-option", 1), List.of("10.98.0.1")))
                .containsExactly(Map.entry("10.98.0.1", PingResult.failed("fping: invalid option -- 'no-such-option'")));
    }

    @Test
    void aSilentExitNamesTheStatus() {
        assertThat(FpingOutput.parse(new ProcessResult(4, "", ""), List.of("10.0.0.2")))
                .containsExactly(Map.entry("10.0.0.2",
                        PingResult.failed("fping exited with status 4 without a result for this target")));
    }

    @Test
    void aSendErrorBelongsToItsTarget() {
        String stderr = """
                10.0.0.3: error while sending ping: No buffer space available
                10.0.0.2 : 0.10
                10.0.0.3 : -
                """;

        assertThat(FpingOutput.parse(new ProcessResult(1, "", stderr), List.of("10.0.0.2", "10.0.0.3")))
                .containsExactly(
                        Map.entry("10.0.0.2", PingResult.succeeded(Duration.ofNanos(100_000))),
                        Map.entry("10.0.0.3", PingResult.failed("fping: error while sending ping: No buffer space available")));
    }

    @Test
    void anUnreadableValueIsAnError() {
        assertThat(FpingOutput.parse(new ProcessResult(0, "", "10.0.0.2 : fast\n"), List.of("10.0.0.2")))
                .containsExactly(Map.entry("10.0.0.2",
                        PingResult.failed("fping: unreadable result for 10.0.0.2 (expected milliseconds or -, got fast)")));
    }

    @Test
    void unreachableNoticesAreNotErrors() {
        String stderr = """
                ICMP Host Unreachable from 10.0.0.1 for ICMP Echo sent to 10.0.0.2
                10.0.0.2 : -
                """;

        assertThat(FpingOutput.parse(new ProcessResult(1, "", stderr), List.of("10.0.0.2")))
                .containsExactly(Map.entry("10.0.0.2", PingResult.failed()));
    }
}
