package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {

    @TempDir
    Path dir;

    @Test
    void failingOutputIsReportedByNameAndTheOthersAreStillWritten() throws Exception {
        InfluxSpec broken = new InfluxSpec("influx-broken", dir.resolve("missing/x.out"), CounterType.INTEGER);
        JsonSpec json = new JsonSpec("json", dir.resolve("status.json"));
        try (OutputSet set = OutputSet.empty().reconfigure(new OutputPlan(List.of(broken, json), List.of()))) {
            List<OutputSet.Failure> failures = set.writeAll(TestSnapshots.threePeers());
            assertThat(failures).extracting(OutputSet.Failure::toString).containsExactly(
                    "output influx-broken: cannot write " + broken.filename() + ": directory " + dir.resolve("missing") + " does not exist");
            assertThat(StatusDocument.parse(Files.readString(json.filename()))).isEqualTo(TestSnapshots.threePeers());
            // fixed on disk: the next cycle succeeds without a reload
            Files.createDirectory(dir.resolve("missing"));
            assertThat(set.writeAll(TestSnapshots.threePeers())).isEmpty();
            assertThat(broken.filename()).content().startsWith("wgtrack,interface=wg0,name=laptop,");
        }
    }

    @Test
    void reloadKeepsAnUnchangedServerRunningAndClosesRemovedOutputs() throws Exception {
        PrometheusSpec prom = new PrometheusSpec("prometheus", "127.0.0.1", 0);
        PrometheusSpec other = new PrometheusSpec("prom-2", "127.0.0.1", 0);
        OutputSet first = OutputSet.empty().reconfigure(new OutputPlan(List.of(prom, other), List.of()));
        assertThat(first.writeAll(TestSnapshots.threePeers())).isEmpty();
        PrometheusOutput kept = (PrometheusOutput) first.outputs().get(0);
        PrometheusOutput dropped = (PrometheusOutput) first.outputs().get(1);
        int port = kept.boundPort().orElseThrow();

        OutputSet second = first.reconfigure(new OutputPlan(
                List.of(prom, new JsonSpec("json", dir.resolve("s.json"))), List.of()));
        assertThat(second.outputs().get(0)).isSameAs(kept);
        assertThat(kept.boundPort()).hasValue(port);
        assertThat(dropped.boundPort()).isEmpty();
        assertThat(second.outputs()).extracting(Output::name).containsExactly("prometheus", "json");

        second.close();
        assertThat(kept.boundPort()).isEmpty();
    }

    @Test
    void bugInOneOutputDoesNotStopTheOthers() throws Exception {
        Output buggy = new Output() {
            @Override
            public String name() {
                return "buggy";
            }

            @Override
            public void write(Snapshot snapshot) {
                throw new IllegalStateException("oops");
            }
        };
        assertThat(buggy.name()).isEqualTo("buggy");
        JsonSpec json = new JsonSpec("json", dir.resolve("s.json"));
        try (OutputSet set = OutputSet.empty().reconfigure(new OutputPlan(List.of(json), List.of()))) {
            assertThat(set.writeAll(TestSnapshots.threePeers())).isEmpty();
        }
        assertThat(json.filename()).exists();
    }
}
