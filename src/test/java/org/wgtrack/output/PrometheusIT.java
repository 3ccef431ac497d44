package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.TestKeys;

/**
 * A real Prometheus (Debian's prometheus) scrapes the prometheus output every second: every
 * metric arrives with its labels, the target is healthy, the alert rules load and evaluate,
 * every dashboard expression is a valid query, and a peer removed from the snapshot vanishes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {

    private static final Path RULES = Path.of("monitoring/wgtrack-alerts.yml").toAbsolutePath();
    private static final Path DASHBOARD = Path.of("monitoring/grafana-dashboard.json").toAbsolutePath();

    @TempDir
    static Path dir;

    private static PrometheusOutput output;
    private static ExternalServer prometheus;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        Path binary = ExternalServer.requireBinary("prometheus", "prometheus");
        output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0, Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER)));
        output.write(TestSnapshots.threePeers());
        int target = output.boundPort().orElseThrow();
        int port = ExternalServer.freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + RULES,
                "scrape_configs:",
                "  - job_name: wgtrack",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + target + "']",
                ""));
        prometheus = ExternalServer.start("prometheus", dir, List.of(binary.toString(),
                "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.path=" + dir.resolve("tsdb")));
        api = "http://127.0.0.1:" + port + "/api/v1";
        prometheus.await("a successful scrape of wgtrack", Duration.ofSeconds(60),
                () -> !result("wgtrack_live_state_read_success").isEmpty());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    /** The result vector of an instant query; empty when Prometheus does not answer yet. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> result(String query) {
        try {
            Map<String, Object> answer = ExternalServer.json(ExternalServer.get(api + "/query?query=" + ExternalServer.encode(query)).body());
            if (!"success".equals(answer.get("status"))) {
                return List.of();
            }
            return (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("result");
        } catch (Exception e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> sample) {
        return (Map<String, String>) sample.get("metric");
    }

    private static double value(Map<String, Object> sample) {
        return Double.parseDouble(String.valueOf(((List<?>) sample.get("value")).get(1)));
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void targetIsHealthy() throws Exception {
        Map<String, Object> data = (Map<String, Object>) ExternalServer.json(ExternalServer.get(api + "/targets").body()).get("data");
        List<Map<String, Object>> active = (List<Map<String, Object>>) data.get("activeTargets");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("health")).isEqualTo("up");
        assertThat(active.get(0).get("lastError")).isEqualTo("");
    }

    @Test
    @Order(2)
    void everyMetricArrivesWithItsLabels() {
        String laptop = TestKeys.repeating(1).base64();
        String awkward = TestSnapshots.downAwkwardName().name().orElseThrow();
        Set<String> peerLabels = Set.of("__name__", "instance", "job", "interface", "public_key", "name");
        for (String metric : List.of("wireguard_peer_receive_bytes_total", "wireguard_peer_transmit_bytes_total",
                "wireguard_peer_last_handshake_seconds", "wgtrack_peer_up", "wgtrack_peer_endpoint_updates_total")) {
            List<Map<String, Object>> samples = result(metric);
            assertThat(samples).as(metric).hasSize(3);
            // Prometheus stores an empty label as no label: the unnamed peer has no name (and name="" matches it).
            assertThat(samples).as(metric).extracting(s -> labels(s).keySet().containsAll(peerLabels))
                    .containsExactlyInAnyOrder(true, true, false);
            assertThat(result(metric + "{name=\"\"}")).singleElement()
                    .satisfies(s -> assertThat(labels(s)).containsEntry("interface", "wg1").doesNotContainKey("name"));
        }
        assertThat(result("wgtrack_peer_handshake_age_seconds")).hasSize(2);
        assertThat(result("wgtrack_peer_ping_rtt_seconds")).singleElement()
                .satisfies(s -> assertThat(value(s)).isEqualTo(0.00125));
        assertThat(result("wireguard_peer_receive_bytes_total{name=\"" + awkward.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"))
                .singleElement().satisfies(s -> assertThat(value(s)).isEqualTo(5e9));
        assertThat(result("wireguard_peer_transmit_bytes_total{public_key=\"" + laptop + "\",interface=\"wg0\",name=\"laptop\"}"))
                .singleElement().satisfies(s -> assertThat(value(s)).isEqualTo(2048));
        assertThat(result("wgtrack_peer_state")).hasSize(3 * 8);
        assertThat(result("wgtrack_peer_state == 1")).extracting(s -> labels(s).get("state"))
                .containsExactlyInAnyOrder("up:ok", "down:backingoff", "disabled");
        assertThat(result("wgtrack_peer_info{public_key=\"" + laptop + "\"}")).singleElement().satisfies(s -> {
            assertThat(labels(s)).containsEntry("endpoint", "192.0.2.1:51820")
                    .containsEntry("config_endpoint", "vpn.example.org:51820")
                    .containsKey("allowed_ips");
            assertThat(value(s)).isEqualTo(1);
        });
        assertThat(result("wgtrack_cycle_duration_seconds")).singleElement().satisfies(s -> assertThat(value(s)).isEqualTo(0.012));
        assertThat(result("wgtrack_live_state_read_success")).singleElement().satisfies(s -> assertThat(value(s)).isEqualTo(1));
        assertThat(result("wgtrack_resolutions_total")).extracting(s -> labels(s).get("result") + "=" + value(s))
                .containsExactlyInAnyOrder("changed=1.0", "failed=2.0", "unchanged=3.0");
        assertThat(result("wgtrack_peers")).hasSize(2 * 8);
        // compatible_with = prometheus_wireguard_exporter: the Rust exporter's families with its labels
        assertThat(result("wireguard_sent_bytes_total{friendly_name=\"laptop\"}")).singleElement().satisfies(s -> {
            assertThat(labels(s)).containsOnlyKeys("__name__", "instance", "job", "interface", "public_key", "allowed_ips", "friendly_name")
                    .containsEntry("allowed_ips", "10.10.0.2/32,fd00::2/128");
            assertThat(value(s)).isEqualTo(2048);
        });
        assertThat(result("wireguard_received_bytes_total")).hasSize(3);
        assertThat(result("wireguard_latest_handshake_seconds{allowed_ips=\"(none)\"}")).singleElement()
                .satisfies(s -> assertThat(labels(s)).doesNotContainKey("friendly_name"));
        assertThat(result("wgtrack_build_info")).singleElement().satisfies(s -> {
            assertThat(labels(s)).containsKeys("version", "revision", "java_version");
            assertThat(value(s)).isEqualTo(1);
        });
        assertThat(result("sum(wgtrack_peers)")).singleElement().satisfies(s -> assertThat(value(s)).isEqualTo(3));
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void alertRulesLoadAndEvaluate() throws Exception {
        ExternalServer.requireBinary("promtool", "prometheus");
        Process check = new ProcessBuilder("promtool", "check", "rules", RULES.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS: 6 rules found");

        prometheus.await("the alert rules to be evaluated", Duration.ofSeconds(30), () -> {
            try {
                Map<String, Object> data = (Map<String, Object>) ExternalServer.json(ExternalServer.get(api + "/rules").body()).get("data");
                List<Map<String, Object>> rules = new ArrayList<>();
                ((List<Map<String, Object>>) data.get("groups")).forEach(g -> rules.addAll((List<Map<String, Object>>) g.get("rules")));
                return rules.size() == 6 && rules.stream().allMatch(r -> "ok".equals(r.get("health")));
            } catch (Exception e) {
                return false;
            }
        });
        // wg1's disabled peer and wg0's backing-off peer are down; only the backing-off one has a
        // configured endpoint, so the rule turns pending for it alone at its first evaluation
        // after a scrape (rule health is "ok" already before that).
        prometheus.await("WireGuardPeerDown pending for the down peer with an endpoint", Duration.ofSeconds(30),
                () -> result("ALERTS{alertname=\"WireGuardPeerDown\",alertstate=\"pending\"}").size() == 1);
        assertThat(result("ALERTS{alertname=\"WireGuardPeerDown\"}")).singleElement()
                .satisfies(s -> assertThat(labels(s)).containsEntry("interface", "wg0")
                        .containsEntry("public_key", TestKeys.repeating(2).base64()));
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void everyDashboardExpressionIsAValidQuery() throws Exception {
        List<String> expressions = new ArrayList<>();
        collectExpressions(JSON.std.anyFrom(Files.readString(DASHBOARD)), expressions);
        assertThat(expressions).hasSizeGreaterThan(10);
        for (String expression : new TreeSet<>(expressions)) {
            String query = expression.replace("$__rate_interval", "1m").replace("$interval", "1m")
                    .replace("$job", ".+").replace("$instance", ".+").replace("$interface", ".+");
            Map<String, Object> answer = ExternalServer.json(ExternalServer.get(api + "/query?query=" + ExternalServer.encode(query)).body());
            assertThat(answer.get("status")).as("%s: %s", query, answer).isEqualTo("success");
        }
        Map<String, Object> answer = ExternalServer.json(ExternalServer.get(api + "/label/interface/values").body());
        assertThat((List<String>) answer.get("data")).contains("wg0", "wg1");
    }

    @SuppressWarnings("unchecked")
    private static void collectExpressions(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (("expr".equals(k) || "definition".equals(k)) && v instanceof String s && !s.startsWith("label_values")) {
                    out.add(s);
                } else {
                    collectExpressions(v, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectExpressions(item, out));
        }
    }

    @Test
    @Order(5)
    void removedPeerAndFailedLiveStateVanishFromPrometheus() throws Exception {
        String gone = TestKeys.repeating(2).base64();
        assertThat(result("wgtrack_peer_up{public_key=\"" + gone + "\"}")).hasSize(1);
        output.write(new Snapshot(TestSnapshots.TAKEN_AT.plusSeconds(30), Optional.empty(),
                List.of(TestSnapshots.up(), TestSnapshots.neverSeen()), Optional.empty(), Map.of()));
        // Prometheus marks a series stale in the first scrape without it: instant queries stop returning it.
        prometheus.await("the removed peer to vanish", Duration.ofSeconds(30),
                () -> result("wgtrack_peer_up{public_key=\"" + gone + "\"}").isEmpty());
        assertThat(result("wgtrack_peer_up")).hasSize(2);
        assertThat(result("wgtrack_peer_state")).hasSize(2 * 8);

        output.write(TestSnapshots.liveStateFailed());
        prometheus.await("peer metrics to vanish after a failed live-state read", Duration.ofSeconds(30),
                () -> result("wgtrack_peer_up").isEmpty() && result("wgtrack_live_state_read_success == 0").size() == 1);
        assertThat(result("{__name__=~\"wireguard_.*|wgtrack_peer_.*|wgtrack_peers\"}")).isEmpty();
    }
}
