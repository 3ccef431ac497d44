package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wgtrack.system.IputilsPingerTest.request;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.testing.FakeProcessRunner;

class FpingPingerTest {

    /** Answers like fping: the first target of each run replied in 0.05 ms, the others stayed silent. */
    private static ProcessResult firstAnswers(List<String> command) {
        List<String> targets = command.subList(command.indexOf("-I") + 2, command.size());
        String lines = targets.stream()
                .map(t -> t + " : " + (t.equals(targets.get(0)) ? "0.05" : "-"))
                .collect(Collectors.joining("\n", "", "\n"));
        return new ProcessResult(targets.size() > 1 ? 1 : 0, "", lines);
    }

    @Test
    void runsOneFpingPerInterfaceAndTimeout() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(FpingPingerTest::firstAnswers);

        new FpingPinger(runner).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000),
                request("wg1", "10.1.0.2", 1000),
                request("wg0", "fd00::3", 1000),
                request("wg0", "10.0.0.4", 500)));

        assertThat(runner.commands()).containsExactlyInAnyOrder(
                List.of("fping", "-C", "1", "-q", "-r", "0", "-t", "1000", "-i", "1", "-I", "wg0", "10.0.0.2", "fd00:0:0:0:0:0:0:3"),
                List.of("fping", "-C", "1", "-q", "-r", "0", "-t", "1000", "-i", "1", "-I", "wg1", "10.1.0.2"),
                List.of("fping", "-C", "1", "-q", "-r", "0", "-t", "500", "-i", "1", "-I", "wg0", "10.0.0.4"));
    }

    @Test
    void resultsComeBackInRequestOrderAcrossGroups() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(FpingPingerTest::firstAnswers);

        List<PingResult> results = new FpingPinger(runner).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000),
                request("wg1", "10.1.0.2", 1000),
                request("wg0", "fd00::3", 1000)));

        PingResult replied = PingResult.succeeded(Duration.ofNanos(50_000));
        assertThat(results).containsExactly(replied, replied, PingResult.failed());
    }

    @Test
    void aTargetAskedForTwiceIsPingedOnceAndAnswersBoth() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(FpingPingerTest::firstAnswers);

        List<PingResult> results = new FpingPinger(runner).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000), request("wg0", "10.0.0.2", 1000)));

        assertThat(runner.commands()).singleElement().satisfies(c -> assertThat(c).endsWith("wg0", "10.0.0.2"));
        assertThat(results).containsExactly(
                PingResult.succeeded(Duration.ofNanos(50_000)), PingResult.succeeded(Duration.ofNanos(50_000)));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "50, 1", "100, 0.5", "1000, 0.05", "3000, 0.016", "100000, 0"})
    void spacesPacketsSoAGroupIsSentWithinTheBudget(int targets, String interval) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            addresses.add("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }

        List<String> command = FpingPinger.command("wg0", Duration.ofSeconds(1), addresses);

        assertThat(command.get(command.indexOf("-i") + 1)).isEqualTo(interval);
    }

    @Test
    void theTimeLimitCoversTimeoutSendingAndGrace() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(FpingPingerTest::firstAnswers);
        List<PingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(request("wg0", "10.0." + (i / 250) + "." + (i % 250 + 1), 1000));
        }

        new FpingPinger(runner).pingAll(requests);

        assertThat(runner.timeouts()).containsExactly(Duration.ofMillis(1000 + 50).plus(FpingPinger.GRACE));
    }

    @Test
    void aMissingFpingFailsEveryTargetWithTheReason() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            throw new IOException("Cannot run program \"fping\": error=2, No such file or directory");
        });

        List<PingResult> results = new FpingPinger(runner).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000), request("wg1", "10.1.0.2", 1000)));

        assertThat(results).containsOnly(PingResult.failed(
                "fping could not be started: Cannot run program \"fping\": error=2, No such file or directory"));
    }

    @Test
    void anFpingThatOverrunsIsReportedAsKilled() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            throw new TimeoutException("fping did not finish");
        });

        List<PingResult> results = new FpingPinger(runner).pingAll(List.of(request("wg0", "10.0.0.2", 1000)));

        assertThat(results).containsExactly(PingResult.failed("fping did not exit within 3001 ms and was killed"));
    }

    @Test
    void anEmptyBatchRunsNothing() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(FpingPingerTest::firstAnswers);

        assertThat(new FpingPinger(runner).pingAll(List.of())).isEmpty();
        assertThat(runner.commands()).isEmpty();
    }
}
