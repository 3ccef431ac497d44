package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scraping two wgtrack instances (two prometheus outputs on 127.0.0.1) under
 * one job, as a fleet of hubs is scraped: every query of the shipped dashboard, with its job,
 * instance and interface variables set as Grafana sets them, returns data from both instances
 * with the labels its legend names, and the state timeline shows each peer's state under its
 * name or short key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusFleetIT {

    private static final Path RULES = Path.of("monitoring/wgtrack-alerts.yml").toAbsolutePath();
    private static final Path DASHBOARD = Path.of("monitoring/grafana-dashboard.json").toAbsolutePath();

    @TempDir
    static Path dir;

    private static final List<PrometheusOutput> outputs = new ArrayList<>();
    private static final List<String> instances = new ArrayList<>();
    private static ExternalServer prometheus;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        Path binary = ExternalServer.requireBinary("prometheus", "prometheus");
        for (int i = 0; i < 2; i++) {
            PrometheusOutput output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0));
            outputs.add(output);
            output.write(TestSnapshots.threePeers());
            instances.add("127.0.0.1:" + output.boundPort().orElseThrow());
        }
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
                "      - targets: ['" + instances.get(0) + "', '" + instances.get(1) + "']",
                ""));
        prometheus = ExternalServer.start("prometheus", dir, List.of(binary.toString(),
                "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.path=" + dir.resolve("tsdb")));
        api = "http://127.0.0.1:" + port + "/api/v1";
        // rate() needs two samples of each target in its window
        prometheus.await("three scrapes of both instances", Duration.ofSeconds(60),
                () -> result("count_over_time(up{job=\"wgtrack\"}[1m]) >= 3").size() == 2);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            for (PrometheusOutput output : outputs) {
                output.close();
            }
        }
    }

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

    /** Each panel query with the variables as Grafana interpolates "All" (job) and a pick of both instances. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> queries() throws Exception {
        Map<String, String> queries = new TreeMap<>();
        Map<String, Object> dashboard = (Map<String, Object>) JSON.std.anyFrom(Files.readString(DASHBOARD));
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                String query = ((String) target.get("expr"))
                        .replace("$__rate_interval", "1m")
                        .replace("$job", ".+")
                        .replace("$instance", "(" + String.join("|", instances) + ")")
                        .replace("$interface", ".+");
                queries.put(query, panel.get("title") + " / " + target.get("legendFormat"));
            }
        }
        return queries;
    }

    @Test
    @Order(1)
    void everyDashboardQueryReturnsDataFromBothInstancesWithItsLegendsLabels() throws Exception {
        Map<String, String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(10);
        queries.forEach((query, where) -> {
            List<Map<String, Object>> samples = result(query);
            assertThat(samples).as("%s: %s", where, query).isNotEmpty();
            assertThat(samples).as("%s: %s", where, query)
                    .extracting(s -> labels(s).get("instance")).containsOnly(instances.toArray(String[]::new))
                    .contains(instances.toArray(String[]::new));
            for (String label : List.of("interface", "peer", "state", "result")) {
                if (where.contains("{{" + label + "}}")) {
                    assertThat(samples).as("%s: %s has %s", where, query, label).allSatisfy(s -> assertThat(labels(s)).containsKey(label));
                }
            }
        });
    }

    @Test
    @Order(2)
    void stateTimelineShowsEachPeersStateUnderItsNameOrShortKey() throws Exception {
        String timeline = queries().entrySet().stream().filter(e -> e.getValue().startsWith("Peer state /"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Set<String> rows = result(timeline).stream()
                .map(s -> labels(s).get("instance").equals(instances.get(0)) ? labels(s).get("peer") + "=" + ((List<?>) s.get("value")).get(1) : "other")
                .collect(Collectors.toSet());
        // value mappings: 1 up:ok, 4 down:backingoff, 7 disabled
        assertThat(rows).containsExactlyInAnyOrder("laptop=1", "Büro, \"Köln\" a=b\\c=4", "AwMDAwMD…=7", "other");
    }

    @Test
    @Order(3)
    void bothInstancesHaveTheirOwnHealthAndTheirOwnPeerAlerts() throws Exception {
        assertThat(result("up{job=\"wgtrack\"} == 1")).hasSize(2);
        assertThat(result("ALERTS{alertname=\"WgtrackTargetDown\"}")).isEmpty();
        // the backing-off peer (it has a configured endpoint) on each instance; not the dial-in one
        prometheus.await("WireGuardPeerDown pending once per instance", Duration.ofSeconds(30),
                () -> result("ALERTS{alertname=\"WireGuardPeerDown\",alertstate=\"pending\"}").size() == 2);
        assertThat(result("ALERTS{alertname=\"WireGuardPeerDown\"}")).extracting(s -> labels(s).get("instance"))
                .containsExactlyInAnyOrder(instances.toArray(String[]::new));
    }

    /** The expression of WgtrackTargetDown, read from the shipped rules. */
    private static String targetDownExpression() throws Exception {
        String rules = Files.readString(RULES);
        int alert = rules.indexOf("- alert: WgtrackTargetDown");
        int expr = rules.indexOf("expr: |", alert);
        int end = rules.indexOf("        for:", expr);
        return rules.substring(expr + "expr: |".length(), end).strip();
    }

    @Test
    @Order(4)
    void anInstanceThatStopsIsDownWhileTheOtherReports() throws Exception {
        String expression = targetDownExpression();
        assertThat(result(expression)).isEmpty();
        outputs.get(1).close();
        prometheus.await("the stopped instance to be down", Duration.ofSeconds(30),
                () -> result("up{job=\"wgtrack\"} == 0").size() == 1);
        // one series, for the stopped instance alone: absent() would say nothing while the other reports
        prometheus.await("WgtrackTargetDown's expression to name the stopped instance", Duration.ofSeconds(30),
                () -> result(expression).size() == 1);
        assertThat(result(expression)).singleElement()
                .satisfies(s -> assertThat(labels(s)).containsEntry("instance", instances.get(1)).containsEntry("job", "wgtrack"));
        assertThat(result("absent(wgtrack_live_state_read_success)")).isEmpty();
        prometheus.await("WgtrackTargetDown pending for the stopped instance", Duration.ofSeconds(30),
                () -> result("ALERTS{alertname=\"WgtrackTargetDown\",alertstate=\"pending\"}").size() == 1);
    }
}
