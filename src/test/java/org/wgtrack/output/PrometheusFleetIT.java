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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;

/**
 * A real Prometheus scraping two wgtrack instances (two prometheus outputs on 127.0.0.1) under
 * one job, as a fleet of hubs is scraped: every query of the shipped dashboard, with its job,
 * instance and interface variables set as Grafana sets them, returns data from both instances
 * with the labels its legend names, and the state timeline shows each peer's state under its
 * name or short key.
 *
 * <p>Two more instances, under the job name the Go exporter's README scrapes it with, run
 * {@code compatible_with = prometheus_wireguard_exporter, wireguard_exporter}, each with peers of
 * its own on one interface: the shipped dashboard works for them too (its rate panels read the
 * byte counters in the Go exporter's form), and every query the anchors publish returns data from
 * both with the labels it uses. Published, and kept as fixtures with their licence: the Go
 * exporter's three README sample queries (src/test/resources/anchors/wireguard_exporter). The
 * Rust exporter publishes no dashboard and no alert rules, the Go exporter no alert rules and no
 * dashboard in its repository (its README links one on grafana.com), so there is nothing more to run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusFleetIT {

    private static final Path RULES = Path.of("monitoring/wgtrack-alerts.yml").toAbsolutePath();
    private static final Path DASHBOARD = Path.of("monitoring/grafana-dashboard.json").toAbsolutePath();
    private static final Path GO_EXPORTER_QUERIES = Path.of("src/test/resources/anchors/wireguard_exporter/sample-queries.promql");
    /** The job name of the Go exporter's README scrape config. */
    private static final String COMPATIBLE_JOB = "wireguard";

    @TempDir
    static Path dir;

    private static final List<PrometheusOutput> outputs = new ArrayList<>();
    private static final List<String> instances = new ArrayList<>();
    /** The instances with both compatibility sets, under {@link #COMPATIBLE_JOB}. */
    private static final List<String> compatibleInstances = new ArrayList<>();
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
        for (int i = 0; i < 2; i++) {
            PrometheusOutput output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0,
                    Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER, CompatibilitySet.WIREGUARD_EXPORTER)));
            outputs.add(output);
            output.write(oneInterfaceHub(i));
            compatibleInstances.add("127.0.0.1:" + output.boundPort().orElseThrow());
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
                "  - job_name: " + COMPATIBLE_JOB,
                "    static_configs:",
                "      - targets: ['" + compatibleInstances.get(0) + "', '" + compatibleInstances.get(1) + "']",
                ""));
        prometheus = ExternalServer.start("prometheus", dir, List.of(binary.toString(),
                "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.path=" + dir.resolve("tsdb")));
        api = "http://127.0.0.1:" + port + "/api/v1";
        // rate() needs two samples of each target in its window
        prometheus.await("three scrapes of all four instances", Duration.ofSeconds(60),
                () -> result("count_over_time(up[1m]) >= 3").size() == 4);
    }

    /**
     * A hub with one interface (the Go exporter's sample queries join on the instance alone, so
     * they need that) and peers of its own, all up or dial-in, so no alert rule fires for it:
     * the laptop, named, and an unnamed dial-in peer.
     */
    private static Snapshot oneInterfaceHub(int hub) {
        PeerSnapshot laptop = PeerSnapshotBuilder.peer("wg0", TestKeys.numbered(100 + hub)).withName("laptop")
                .withState(PeerState.UP_OK).withHandshake(HandshakeStatus.OK, 1_795_608_018L, 12).withTransfer(1024, 2048)
                .withEndpoint(new Endpoint("192.0.2.1", 51820)).withConfigEndpoint(new Endpoint("vpn.example.org", 51820))
                .withAllowedIps("10.10.0.2/32", "fd00::2/128").withPingRoundTrip(Duration.ofNanos(1_250_000)).withEndpointUpdates(1)
                .build();
        PeerSnapshot dialIn = PeerSnapshotBuilder.peer("wg0", TestKeys.numbered(200 + hub)).withAllowedIps("10.10.0.9/32").build();
        return new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(laptop, dialIn), Optional.of(Duration.ofMillis(12)),
                Map.of("changed", 1L, "unchanged", 3L, "failed", 2L))
                .withInterfaces(List.of(new InterfaceSnapshot("wg0", Optional.of(TestKeys.numbered(300 + hub)))));
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
    private static Map<String, String> queries(List<String> picked) throws Exception {
        Map<String, String> queries = new TreeMap<>();
        Map<String, Object> dashboard = (Map<String, Object>) JSON.std.anyFrom(Files.readString(DASHBOARD));
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                String query = ((String) target.get("expr"))
                        .replace("$__rate_interval", "1m")
                        .replace("$job", ".+")
                        .replace("$instance", "(" + String.join("|", picked) + ")")
                        .replace("$interface", ".+");
                queries.put(query, panel.get("title") + " / " + target.get("legendFormat"));
            }
        }
        return queries;
    }

    @Test
    @Order(1)
    void everyDashboardQueryReturnsDataFromBothInstancesWithItsLegendsLabels() throws Exception {
        everyDashboardQueryReturnsDataWithItsLegendsLabels(instances);
    }

    @Test
    @Order(1)
    void everyDashboardQueryAlsoWorksForInstancesWithBothCompatibilitySets() throws Exception {
        everyDashboardQueryReturnsDataWithItsLegendsLabels(compatibleInstances);
    }

    private static void everyDashboardQueryReturnsDataWithItsLegendsLabels(List<String> picked) throws Exception {
        Map<String, String> queries = queries(picked);
        assertThat(queries).hasSizeGreaterThan(10);
        queries.forEach((query, where) -> {
            List<Map<String, Object>> samples = result(query);
            assertThat(samples).as("%s: %s", where, query).isNotEmpty();
            assertThat(samples).as("%s: %s", where, query)
                    .extracting(s -> labels(s).get("instance")).containsOnly(picked.toArray(String[]::new))
                    .contains(picked.toArray(String[]::new));
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
        String timeline = queries(instances).entrySet().stream().filter(e -> e.getValue().startsWith("Peer state /"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Set<String> rows = result(timeline).stream()
                .map(s -> labels(s).get("instance").equals(instances.get(0)) ? labels(s).get("peer") + "=" + ((List<?>) s.get("value")).get(1) : "other")
                .collect(Collectors.toSet());
        // value mappings: 1 up:ok, 4 down:backingoff, 7 disabled
        assertThat(rows).containsExactlyInAnyOrder("laptop=1", "Büro, \"Köln\" a=b\\c=4", "AwMDAwMD…=7", "other");
    }

    /** The Go exporter's README sample queries, as published (one per line, # comments). */
    private static List<String> goExporterQueries() throws Exception {
        return Files.readAllLines(GO_EXPORTER_QUERIES).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    @Order(2)
    void everyQueryTheGoExporterPublishesReturnsDataFromBothCompatibleInstancesWithItsLabels() throws Exception {
        List<String> queries = goExporterQueries();
        assertThat(queries).hasSize(3);
        for (String query : queries) {
            List<Map<String, Object>> samples = result(query);
            // the joins keep device, public_key and instance, and add the peer's name where it has one
            assertThat(samples).as(query).hasSize(4)
                    .allSatisfy(s -> assertThat(labels(s)).containsEntry("device", "wg0").containsKeys("public_key", "instance"))
                    .extracting(s -> labels(s).get("instance")).containsOnly(compatibleInstances.toArray(String[]::new))
                    .contains(compatibleInstances.toArray(String[]::new));
            assertThat(samples).as(query).filteredOn(s -> "laptop".equals(labels(s).get("name"))).hasSize(2);
        }
    }

    @Test
    @Order(2)
    void theRustExportersFamiliesAreScrapedWithItsLabels() throws Exception {
        assertThat(result("wireguard_sent_bytes_total{friendly_name=\"laptop\"}")).hasSize(2)
                .allSatisfy(s -> assertThat(labels(s)).containsOnlyKeys("__name__", "instance", "job", "interface", "public_key",
                        "allowed_ips", "friendly_name"));
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
