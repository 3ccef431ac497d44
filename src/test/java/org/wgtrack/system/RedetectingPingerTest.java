package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.FakeProcessRunner;

class RedetectingPingerTest {

    private static final ProcessResult PING_VERSION = new ProcessResult(0, "ping from iputils 20221126\n", "");

    @Test
    void aReloadFindsAPingProgramInstalledMeanwhileAndAnnouncesEachDetection() throws Exception {
        AtomicBoolean pingInstalled = new AtomicBoolean(false);
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            if (c.get(0).equals("ping") && pingInstalled.get()) {
                return PING_VERSION;
            }
            throw new IOException("Cannot run program \"" + c.get(0) + "\": error=2, No such file or directory");
        });
        List<String> announced = new ArrayList<>();
        RedetectingPinger pinger = new RedetectingPinger(runner,
                (previous, next) -> announced.add(previous.description() + " → " + next.description()));

        assertThat(pinger.unavailable()).contains(NoPingProgram.REASON);
        pinger.redetect();
        assertThat(pinger.unavailable()).contains(NoPingProgram.REASON);

        pingInstalled.set(true);
        pinger.redetect();

        assertThat(pinger.unavailable()).isEmpty();
        assertThat(pinger.detected().pinger()).isInstanceOf(IputilsPinger.class);
        assertThat(announced).containsExactly(
                "no ping program (install fping or iputils-ping) → no ping program (install fping or iputils-ping)",
                "no ping program (install fping or iputils-ping) → pinging with ping from iputils 20221126 (fping not installed)");
    }

    @Test
    void anUnchangedDetectionKeepsTheRunningPinger() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            if (c.get(0).equals("ping")) {
                return PING_VERSION;
            }
            throw new IOException("Cannot run program \"fping\": error=2, No such file or directory");
        });
        RedetectingPinger pinger = new RedetectingPinger(runner, (previous, next) -> { });
        Pinger first = pinger.detected().pinger();

        pinger.redetect();

        assertThat(pinger.detected().pinger()).isSameAs(first);
    }
}
