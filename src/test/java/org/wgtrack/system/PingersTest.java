package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.FakeProcessRunner;

class PingersTest {

    private static final ProcessResult FPING_VERSION = new ProcessResult(0, "fping: Version 5.1\n", "");
    private static final ProcessResult PING_VERSION = new ProcessResult(0,
            "ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n", "");
    private static final List<String> PROBE = List.of("fping", "-C", "1", "-q", "-r", "0", "-t", "500", "-i", "1", "-I", "lo", "127.0.0.1");

    @Test
    void choosesFpingWhenItPassesATestPing() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> switch (c.get(0) + " " + c.get(1)) {
            case "fping -v" -> FPING_VERSION;
            case "fping -C" -> new ProcessResult(0, "", "127.0.0.1 : 0.03\n");
            default -> throw new AssertionError(c);
        });

        DetectedPinger detected = Pingers.detect(runner);

        assertThat(detected.pinger()).isInstanceOf(FpingPinger.class);
        assertThat(detected.description()).isEqualTo("pinging with fping 5.1");
        assertThat(runner.commands()).containsExactly(List.of("fping", "-v"), PROBE);
    }

    @Test
    void aLoopbackThatDoesNotAnswerStillCountsAsWorking() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> c.contains("-v") ? FPING_VERSION
                : new ProcessResult(1, "", "127.0.0.1 : -\n"));

        assertThat(Pingers.detect(runner).description()).isEqualTo("pinging with fping 5.1");
    }

    @Test
    void fallsBackToPingWhenFpingIsNotInstalled() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            if (c.get(0).equals("fping")) {
                throw new IOException("Cannot run program \"fping\": error=2, No such file or directory");
            }
            return PING_VERSION;
        });

        DetectedPinger detected = Pingers.detect(runner);

        assertThat(detected.pinger()).isInstanceOf(IputilsPinger.class);
        assertThat(detected.description()).isEqualTo("pinging with ping from iputils 20221126 (fping not installed)");
        assertThat(runner.commands()).containsExactly(List.of("fping", "-v"), List.of("ping", "-V"));
    }

    @Test
    void fallsBackToPingWhenFpingsTestPingFails() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> switch (c.get(0) + " " + c.get(1)) {
            case "fping -v" -> FPING_VERSION;
            case "fping -C" -> new ProcessResult(4, "", "fping: can't create socket (must run as root?)\n");
            default -> PING_VERSION;
        });

        DetectedPinger detected = Pingers.detect(runner);

        assertThat(detected.pinger()).isInstanceOf(IputilsPinger.class);
        assertThat(detected.description()).isEqualTo("pinging with ping from iputils 20221126 "
                + "(fping failed a test ping of 127.0.0.1 through lo: fping: can't create socket (must run as root?))");
    }

    @Test
    void fallsBackToPingWhenFpingCannotSayItsVersion() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> c.get(0).equals("fping")
                ? new ProcessResult(2, "", "") : PING_VERSION);

        assertThat(Pingers.detect(runner).description())
                .isEqualTo("pinging with ping from iputils 20221126 (fping -v exited with status 2)");
    }

    /** Run through a wrapper such as nsenter, a missing program is exit status 127, not an IOException. */
    @Test
    void status127FromAWrapperMeansNotInstalled() throws Exception {
        FakeProcessRunner fpingMissing = new FakeProcessRunner(c -> c.get(0).equals("fping")
                ? new ProcessResult(127, "", "nsenter: failed to execute fping: No such file or directory\n") : PING_VERSION);
        FakeProcessRunner bothMissing = new FakeProcessRunner(c -> new ProcessResult(127, "", ""));

        assertThat(Pingers.detect(fpingMissing).description())
                .isEqualTo("pinging with ping from iputils 20221126 (fping not installed)");
        assertThat(Pingers.detect(bothMissing).pinger()).isInstanceOf(NoPingProgram.class);
    }

    @Test
    void saysSoWhenNeitherToolIsThere() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            throw new IOException("Cannot run program \"" + c.get(0) + "\": error=2, No such file or directory");
        });

        DetectedPinger detected = Pingers.detect(runner);

        assertThat(detected.pinger()).isInstanceOf(NoPingProgram.class);
        assertThat(detected.description()).isEqualTo("no ping program (install fping or iputils-ping)");
        assertThat(detected.pinger().unavailable()).contains("no ping program (install fping or iputils-ping)");
    }

    @Test
    void aPingThatCannotSayItsVersionIsStillUsed() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            if (c.get(0).equals("fping")) {
                throw new IOException("Cannot run program \"fping\": error=2, No such file or directory");
            }
            return new ProcessResult(2, "", "ping: invalid option -- 'V'\n");
        });

        DetectedPinger detected = Pingers.detect(runner);

        assertThat(detected.pinger()).isInstanceOf(IputilsPinger.class);
        assertThat(detected.pinger().unavailable()).isEmpty();
        assertThat(detected.description()).isEqualTo("pinging with ping of unknown version (fping not installed)");
    }
}
