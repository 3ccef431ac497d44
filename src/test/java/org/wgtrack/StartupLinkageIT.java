package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;

/**
 * Start-up assembles none of wgtrack's records' methods from method handles. The JDK builds a
 * record's generated equals, hashCode and toString that way on their first call, spinning classes
 * the class-data-sharing archive cannot hold: four records hashed at start-up cost 20-30 ms of
 * its CPU (README, "Start-up"). The JDK's linkage trace names every call site the daemon
 * bootstraps, here from its start with all outputs through its first cycles.
 */
class StartupLinkageIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    @TempDir
    Path dir;

    @Test
    void noRecordOfWgtracksIsBootstrappedFromStartThroughTheFirstCycles() throws Exception {
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.1:51820");
        wg.serve(FakeWg.row("wg0", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", HUB_KEY, 51820, "off")
                + FakeWg.row("wg0", KEY, "(none)", "@ENDPOINT@", "10.10.0.2/32", "@NOW-3@", 1000, 2000, "off"));
        Path config = LargeHubIT.config(dir, wg.command(), 0.2, LargeHubIT.freePort()); // all three outputs, pings off
        Map<String, String> trace = Map.of("WGTRACK_JAVA_OPTS", "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true");
        Path status = dir.resolve("status.json");
        try (DaemonProcess daemon = DaemonProcess.start(dir, trace, "-c", config.toString())) {
            Await wait = Await.atMost(Duration.ofSeconds(20)).describing(() -> "; log:\n" + daemon.log());
            wait.until("the first cycle's status document", () -> takenAt(status) != null);
            String first = takenAt(status);
            wait.until("a later cycle's status document", () -> !first.equals(takenAt(status)));
            List<String> linked = daemon.log().lines().filter(l -> l.startsWith("linkCallSite ")).toList();
            // The trace works: the JDK's own call sites (its lambdas, its string concatenation) are in it.
            assertThat(linked).as("the JDK's linkage trace").isNotEmpty();
            List<String> records = linked.stream()
                    .filter(l -> l.startsWith("linkCallSite org.wgtrack") && l.contains("ObjectMethods"))
                    .toList();
            assertThat(records).as("record methods of wgtrack's bootstrapped at start-up").isEmpty();
        }
    }

    /** The document's taken_at line; null before the first one is written. */
    private static String takenAt(Path status) throws Exception {
        if (!Files.exists(status)) {
            return null;
        }
        return Files.readString(status).lines().filter(l -> l.contains("\"taken_at\"")).findFirst().orElse(null);
    }
}
