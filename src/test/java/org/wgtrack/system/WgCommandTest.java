package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.FakeProcessRunner;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PublicKey;

class WgCommandTest {

    private static final PublicKey PEER = new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=");
    private static final String PRIVATE = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    private final List<String> warnings = new ArrayList<>();

    @Test
    void dumpRunsWgShowAllDumpAndParsesIt() throws Exception {
        String dump = "wg0\t" + PRIVATE + "\tHIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=\t51820\toff\n"
                + "wg0\t" + PEER.base64() + "\t(none)\t192.0.2.1:51820\t10.10.0.2/32\t1700000000\t10\t20\toff\n"
                + "wg0\tgarbage\n";
        FakeProcessRunner runner = new FakeProcessRunner(command -> new ProcessResult(0, dump, ""));

        LiveState state = new WgCommand("/usr/bin/wg", runner, warnings::add).dump();

        assertThat(runner.commands()).containsExactly(List.of("/usr/bin/wg", "show", "all", "dump"));
        assertThat(state.interfaces().get(0).peers()).hasSize(1);
        assertThat(warnings).hasSize(1);
        assertThat(String.join("\n", warnings)).doesNotContain(PRIVATE);
        assertThat(state.toString()).doesNotContain(PRIVATE);
    }

    @Test
    void setEndpointBracketsIpv6AndNeverUsesAShell() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(command -> new ProcessResult(0, "", ""));
        WgCommand wg = new WgCommand("wg", runner, warnings::add);

        wg.setEndpoint("wg0", PEER, new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:2"), 51820));
        wg.setEndpoint("wg0", PEER, new InetSocketAddress(InetAddress.getByName("192.0.2.9"), 51821));

        assertThat(runner.commands()).containsExactly(
                List.of("wg", "set", "wg0", "peer", PEER.base64(), "endpoint", "[2001:db8::2]:51820"),
                List.of("wg", "set", "wg0", "peer", PEER.base64(), "endpoint", "192.0.2.9:51821"));
    }

    @Test
    void missingWgNamesTheCommandAndThePackage() {
        FakeProcessRunner runner = new FakeProcessRunner(command -> {
            throw new IOException("Cannot run program \"wg\": error=2, No such file or directory",
                    new IOException("error=2, No such file or directory"));
        });

        assertThatThrownBy(() -> new WgCommand("wg", runner, warnings::add).dump())
                .isInstanceOf(WgException.class)
                .hasMessage("cannot run wg (error=2, No such file or directory); is wireguard-tools installed, or is wg_command wrong?");
    }

    @Test
    void failingWgReportsItsExitStatusAndFirstStderrLine() {
        FakeProcessRunner runner = new FakeProcessRunner(command ->
                new ProcessResult(1, "", "Unable to access interface: Operation not permitted\nmore\n"));

        assertThatThrownBy(() -> new WgCommand("wg", runner, warnings::add).dump())
                .isInstanceOf(WgException.class)
                .hasMessage("wg show all failed with exit status 1: Unable to access interface: Operation not permitted");
    }

    @Test
    void hangingWgIsReportedAsATimeout() {
        FakeProcessRunner runner = new FakeProcessRunner(command -> {
            throw new TimeoutException("wg did not finish");
        });

        assertThatThrownBy(() -> new WgCommand("wg", runner, warnings::add).dump())
                .isInstanceOf(WgException.class)
                .hasMessage("wg show all did not finish within 10 s");
    }

    @Test
    void aDumpBeyondTheStdoutCapIsReportedWithTheCap() {
        FakeProcessRunner runner = new FakeProcessRunner(command -> {
            throw new OutputTooLargeException("wg", OsProcessRunner.MAX_STDOUT_BYTES);
        });

        assertThatThrownBy(() -> new WgCommand("wg", runner, warnings::add).dump())
                .isInstanceOf(WgException.class)
                .hasMessage("wg show all dump printed more than 32 MiB; killed it and dropped its output"
                        + " (wgtrack reads at most that much, about 250,000 peers)");
    }
}
