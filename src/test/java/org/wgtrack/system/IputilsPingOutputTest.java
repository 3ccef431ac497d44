package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wgtrack.system.RecordedRuns.recorded;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IputilsPingOutputTest {

    @Test
    void aReplyGivesItsRoundTrip() {
        assertThat(IputilsPingOutput.parse(recorded("iputils/reply-ipv4", 0)))
                .isEqualTo(PingResult.succeeded(Duration.ofNanos(27_000)));
    }

    @Test
    void anIpv6ReplyGivesItsRoundTrip() {
        assertThat(IputilsPingOutput.parse(recorded("iputils/reply-ipv6", 0)))
                .isEqualTo(PingResult.succeeded(Duration.ofNanos(40_000)));
    }

    @ParameterizedTest
    @CsvSource({"iputils/no-reply-ipv4", "iputils/no-reply-ipv6", "iputils/warning-no-reply"})
    void noReplyIsAFailureWithoutError(String run) {
        assertThat(IputilsPingOutput.parse(recorded(run, 1))).isEqualTo(PingResult.failed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iputils/unknown-interface   | ping: SO_BINDTODEVICE nosuch0: No such device",
        "iputils/interface-down      | ping: connect: Network is unreachable",
        "iputils/interface-down-ipv6 | ping: connect: Network is unreachable",
    })
    void aPingThatCannotRunFailsWithWhatPingSaid(String run, String error) {
        assertThat(IputilsPingOutput.parse(recorded(run, 2))).isEqualTo(PingResult.failed(error));
    }

    @Test
    void aSilentErrorExitNamesTheStatus() {
        assertThat(IputilsPingOutput.parse(new ProcessResult(2, "", "")))
                .isEqualTo(PingResult.failed("ping exited with status 2"));
    }

    @Test
    void anErrorPrintedWithExitStatusOneIsKept() {
        assertThat(IputilsPingOutput.parse(new ProcessResult(1, "", "ping: sendmsg: No buffer space available\n")))
                .isEqualTo(PingResult.failed("ping: sendmsg: No buffer space available"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.188 ms  | 188000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=1.23 ms   | 1230000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=12.3 ms   | 12300000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=123 ms    | 123000000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time<1 ms      | 1000000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.188ms   | 188000",
        "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0,188 ms  | 188000",
        "64 bytes from 10.0.0.2: seq=0 ttl=64 time=0.188 ms       | 188000",
        "rtt min/avg/max/mdev = 0.100/0.250/0.400/0.150 ms        | 250000",
        "round-trip min/avg/max = 0.100/0.250/0.400 ms            | 250000",
    })
    void everyRoundTripFormatIsRead(String line, long nanos) {
        assertThat(IputilsPingOutput.roundTrip("PING 10.0.0.2 (10.0.0.2): 56 data bytes\n" + line + "\n"))
                .contains(Duration.ofNanos(nanos));
    }

    @Test
    void aReplyWithoutATimeIsStillASuccess() {
        assertThat(IputilsPingOutput.parse(new ProcessResult(0, "PING 10.0.0.2\n", "")))
                .isEqualTo(new PingResult(true, Optional.empty(), Optional.empty()));
    }
}
