package org.wgtrack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboard (monitoring/grafana-dashboard.json) works for a fleet and under
 * file provisioning: no {@code __inputs} (a provisioned dashboard never gets them filled in),
 * every panel and query on the {@code $datasource} variable, and every metric selector of
 * every query filtered by {@code $job} and {@code $instance}. PrometheusIT runs its queries.
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("monitoring/grafana-dashboard.json");
    /** A metric name in a query: wgtrack's own, the exporters' and Prometheus's up. */
    private static final Pattern METRIC = Pattern.compile("\\b(wgtrack_[a-z_]+|wireguard_[a-z_]+|up)\\b(\\{[^}]*})?");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard() throws Exception {
        return (Map<String, Object>) JSON.std.anyFrom(Files.readString(DASHBOARD));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> panels() throws Exception {
        return (List<Map<String, Object>>) dashboard().get("panels");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> panel) {
        return (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variables() throws Exception {
        return (List<Map<String, Object>>) ((Map<String, Object>) dashboard().get("templating")).get("list");
    }

    @Test
    void hasNoInputsSoFileProvisioningWorks() throws Exception {
        assertThat(dashboard()).doesNotContainKey("__inputs");
        assertThat(Files.readString(DASHBOARD)).doesNotContain("${DS_");
    }

    @Test
    void hasDatasourceJobInstanceAndInterfaceVariables() throws Exception {
        assertThat(variables()).extracting(v -> v.get("name") + ":" + v.get("type"))
                .containsExactly("datasource:datasource", "job:query", "instance:query", "interface:query");
        assertThat(variables().get(0)).containsEntry("query", "prometheus");
        assertThat(variables().subList(1, 4)).allSatisfy(v -> assertThat(v)
                .containsEntry("datasource", Map.of("type", "prometheus", "uid", "${datasource}"))
                .containsEntry("multi", true).containsEntry("includeAll", true));
    }

    @Test
    void everyPanelAndQueryUsesTheDatasourceVariable() throws Exception {
        Map<String, Object> variable = Map.of("type", "prometheus", "uid", "${datasource}");
        assertThat(panels()).hasSizeGreaterThan(8).allSatisfy(p -> {
            assertThat(p.get("datasource")).as("%s", p.get("title")).isEqualTo(variable);
            assertThat(targets(p)).as("%s", p.get("title")).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.get("datasource")).isEqualTo(variable));
        });
    }

    @Test
    void everyMetricInEveryQueryIsFilteredByJobAndInstance() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> panel : panels()) {
            for (Map<String, Object> target : targets(panel)) {
                String expr = (String) target.get("expr");
                Matcher m = METRIC.matcher(expr);
                int found = 0;
                while (m.find()) {
                    found++;
                    assertThat(m.group(2)).as("%s: %s in %s", panel.get("title"), m.group(1), expr)
                            .contains("instance=~\"$instance\"").contains("job=~\"$job\"");
                    checked.add(m.group(1));
                }
                assertThat(found).as("%s: a metric in %s", panel.get("title"), expr).isPositive();
            }
        }
        assertThat(checked).contains("up", "wgtrack_peer_state", "wireguard_peer_receive_bytes_total");
    }

    /**
     * The three wireguard_peer_* families carry the Go exporter's labels (device, no name) under
     * compatible_with = wireguard_exporter: a query of one must not select by interface or name,
     * and must map device to interface. PrometheusFleetIT runs them both ways.
     */
    @Test
    void queriesOfWireguardPeerFamiliesReadTheGoExportersFormToo() throws Exception {
        Pattern family = Pattern.compile("\\bwireguard_peer_(receive_bytes_total|transmit_bytes_total|last_handshake_seconds)(\\{[^}]*})");
        int found = 0;
        for (Map<String, Object> panel : panels()) {
            for (Map<String, Object> target : targets(panel)) {
                String expr = (String) target.get("expr");
                Matcher m = family.matcher(expr);
                while (m.find()) {
                    found++;
                    assertThat(m.group(2)).as("%s: %s", panel.get("title"), expr).doesNotContain("interface").doesNotContain("name");
                    assertThat(expr).as("%s", panel.get("title")).contains("\"interface\", \"$1\", \"device\", \"(.+)\"");
                }
            }
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void hasADaemonHealthPanelPerHostAndAStateTimelinePerPeer() throws Exception {
        assertThat(panels()).filteredOn(p -> "instance".equals(p.get("repeat")))
                .singleElement().satisfies(p -> assertThat(p.get("title")).isEqualTo("wgtrack on $instance"));
        assertThat(panels()).filteredOn(p -> "state-timeline".equals(p.get("type"))).singleElement()
                .satisfies(p -> assertThat(targets(p)).singleElement().satisfies(t -> {
                    assertThat((String) t.get("expr")).contains("wgtrack_peer_state");
                    assertThat(t.get("legendFormat")).isEqualTo("{{instance}} {{interface}} {{peer}}");
                }));
    }

    @Test
    void peerLegendsFallBackToTheShortPublicKey() throws Exception {
        for (Map<String, Object> panel : panels()) {
            for (Map<String, Object> target : targets(panel)) {
                String legend = (String) target.get("legendFormat");
                String expr = (String) target.get("expr");
                assertThat(legend).as("%s", panel.get("title")).doesNotContain("{{name}}");
                if (legend.contains("{{peer}}") || "table".equals(panel.get("type")) && !expr.contains("wgtrack_resolutions_total")) {
                    assertThat(expr).as("%s", panel.get("title"))
                            .startsWith("label_replace(label_replace(")
                            .endsWith(", \"peer\", \"$1…\", \"public_key\", \"(.{8}).*\"), \"peer\", \"$1\", \"name\", \"(.+)\")");
                }
            }
        }
    }
}
