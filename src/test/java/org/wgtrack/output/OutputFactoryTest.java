package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.OutputSettings;
import org.wgtrack.config.SettingValue;
import org.wgtrack.ini.ConfigProblem;

class OutputFactoryTest {

    private static final String CONF = "/etc/wgtrack.conf";

    /** A section at line 10 whose keys follow on lines 11, 12, … in the order given. */
    private static OutputSettings section(String name, String type, String... keysAndValues) {
        Map<String, SettingValue> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], new SettingValue(keysAndValues[i + 1], CONF, 11 + i / 2));
        }
        return new OutputSettings(name, type, CONF, 10, values);
    }

    @Test
    void sectionNamedForItsTypeGetsDefaults() throws ConfigException {
        OutputPlan plan = OutputFactory.validate(List.of(
                section("influx", "influx"), section("json", "json"), section("prometheus", "prometheus")));
        assertThat(plan.specs()).containsExactly(
                new InfluxSpec("influx", Path.of("/var/cache/wg-track_influx.out"), CounterType.INTEGER),
                new JsonSpec("json", Path.of("/var/cache/wg-track_status.json")),
                new PrometheusSpec("prometheus", "127.0.0.1", 9587));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void readsEveryKey() throws ConfigException {
        OutputPlan plan = OutputFactory.validate(List.of(
                section("old-influx", "influx", "type", "influx", "filename", "/run/wg.out", "counter_type", "Float"),
                section("status", "json", "type", "json", "filename", "/run/status.json"),
                section("prom-lan", "prometheus", "type", "prometheus", "listen", "::", "port", "9100"),
                section("prom-v6", "prometheus", "type", "prometheus", "listen", "[::1]", "port", "0")));
        assertThat(plan.specs()).containsExactly(
                new InfluxSpec("old-influx", Path.of("/run/wg.out"), CounterType.FLOAT),
                new JsonSpec("status", Path.of("/run/status.json")),
                new PrometheusSpec("prom-lan", "::", 9100),
                new PrometheusSpec("prom-v6", "::1", 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:9586|127.0.0.1|9586",
        "0.0.0.0:0|0.0.0.0|0",
        "[::]:9586|::|9586",
        "[fd00::1]:9100|fd00::1|9100",
        "[::1]|::1|9587",
        "::|::|9587",
        "192.0.2.1|192.0.2.1|9587",
    })
    void listenTakesAnAddressWithOrWithoutAPort(String listen, String address, int port) throws ConfigException {
        assertThat(OutputFactory.validate(List.of(section("p", "prometheus", "listen", listen))).specs())
                .containsExactly(new PrometheusSpec("p", address, port));
    }

    @Test
    void compatibleWithNamesExporterSets() throws ConfigException {
        assertThat(OutputFactory.validate(List.of(section("p", "prometheus", "compatible_with", " Prometheus_WireGuard_Exporter, "))).specs())
                .containsExactly(new PrometheusSpec("p", "127.0.0.1", 9587, java.util.Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER)));
        assertThat(OutputFactory.validate(List.of(section("p", "prometheus", "compatible_with", "prometheus_wireguard_exporter, wireguard_exporter"))).specs())
                .containsExactly(new PrometheusSpec("p", "127.0.0.1", 9587,
                        java.util.Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER, CompatibilitySet.WIREGUARD_EXPORTER)));
        assertThat(OutputFactory.validate(List.of(section("p", "prometheus", "compatible_with", ""))).specs())
                .containsExactly(new PrometheusSpec("p", "127.0.0.1", 9587));
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("p", "prometheus", "compatible_with", "prometheus_wireguard_exporter node_exporter"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:11: [output:p] compatible_with: unknown exporter (expected prometheus_wireguard_exporter, wireguard_exporter, got 'node_exporter')");
    }

    @Test
    void aPortInListenAndInPortIsAnError() {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("p", "prometheus", "listen", "127.0.0.1:9586", "port", "9586"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:11: [output:p] listen: port given twice (listen '127.0.0.1:9586' has one, and port is set; keep one)");
    }

    @Test
    void aPortInListenClashesWithAnotherOutputsPort() {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(
                section("p1", "prometheus"), section("p2", "prometheus", "listen", "127.0.0.1:9587"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:11: [output:p2] listen: 127.0.0.1:9587 is already used by [output:p1]");
    }

    @Test
    void unknownKeysWarnButKeysInheritedFromDefaultAreSilent() throws ConfigException {
        org.wgtrack.config.WgtrackConfig config = org.wgtrack.config.ConfigLoader.parse("/etc/wgtrack.conf", """
                [DEFAULT]
                ping_interval = 0

                [output:influx]
                file_name = /tmp/x
                ping_timeout = 2
                """);
        OutputPlan plan = OutputFactory.validate(config.outputs());
        assertThat(plan.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "/etc/wgtrack.conf:5: [output:influx] file_name: unknown key, ignored (influx outputs know counter_type, filename, schema)",
                "/etc/wgtrack.conf:6: [output:influx] ping_timeout: unknown key, ignored (influx outputs know counter_type, filename, schema)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "influx|counter_type|double|/etc/wgtrack.conf:11: [output:x] counter_type: bad counter type (expected integer or float, got 'double')",
        "influx|filename|relative.out|/etc/wgtrack.conf:11: [output:x] filename: bad file name (expected an absolute path of a file, got 'relative.out')",
        "json|filename|/var/cache/|/etc/wgtrack.conf:11: [output:x] filename: bad file name (expected an absolute path of a file, got '/var/cache/')",
        "prometheus|port|65536|/etc/wgtrack.conf:11: [output:x] port: bad port (expected 0..65535, got '65536')",
        "prometheus|port|http|/etc/wgtrack.conf:11: [output:x] port: bad port (expected 0..65535, got 'http')",
        "prometheus|listen|localhost|/etc/wgtrack.conf:11: [output:x] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got 'localhost')",
        "prometheus|listen|localhost:9587|/etc/wgtrack.conf:11: [output:x] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got 'localhost:9587')",
        "prometheus|listen|:9586|/etc/wgtrack.conf:11: [output:x] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got ':9586')",
        "prometheus|listen|[::1|/etc/wgtrack.conf:11: [output:x] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got '[::1')",
        "prometheus|listen|[::1]9587|/etc/wgtrack.conf:11: [output:x] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got '[::1]9587')",
        "prometheus|listen|127.0.0.1:http|/etc/wgtrack.conf:11: [output:x] listen: bad port in listen address (expected 0..65535, got '127.0.0.1:http')",
        "prometheus|listen|[::]:65536|/etc/wgtrack.conf:11: [output:x] listen: bad port in listen address (expected 0..65535, got '[::]:65536')",
    })
    void badValueNamesFileLineSectionKeyAndValue(String type, String key, String value, String message) {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("x", type, key, value))))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void unknownTypeNamesTheSection() {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("graphite", "graphite"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:10: [output:graphite] type: unknown output type (expected influx, json, prometheus or events, got graphite)");
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("lan", "promethius", "type", "promethius"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:11: [output:lan] type: unknown output type (expected influx, json, prometheus or events, got promethius)");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(
                section("a", "prometheus", "port", "-1", "listen", "x"), section("b", "influx", "counter_type", "i"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:12: [output:a] listen: bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::, optionally with a port: 127.0.0.1:9587, [::]:9587; got 'x')\n"
                        + "/etc/wgtrack.conf:11: [output:a] port: bad port (expected 0..65535, got '-1')\n"
                        + "/etc/wgtrack.conf:11: [output:b] counter_type: bad counter type (expected integer or float, got 'i')");
    }

    @Test
    void twoOutputsOnOneFileOrPortClash() {
        assertThatThrownBy(() -> OutputFactory.validate(List.of(
                section("influx", "influx", "filename", "/run/a"), section("json", "json", "filename", "/run/a"),
                section("p1", "prometheus"), section("p2", "prometheus", "port", "9587"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf:11: [output:json] filename: /run/a is already used by [output:influx]\n"
                        + "/etc/wgtrack.conf:11: [output:p2] port: 9587 is already used by [output:p1]");
    }

    @Test
    void openingOutputsTouchesNothingBeforeTheFirstWrite() throws ConfigException {
        List<Output> outputs = OutputFactory.validate(List.of(
                section("influx", "influx", "filename", "/nonexistent/dir/x.out"), section("prometheus", "prometheus", "port", "1")))
                .specs().stream().map(OutputSpec::open).toList();
        assertThat(outputs).extracting(Output::name).containsExactly("influx", "prometheus");
        assertThat(Path.of("/nonexistent/dir")).doesNotExist();
        assertThat(((PrometheusOutput) outputs.get(1)).boundPort()).isEmpty();
    }

    @Test
    void webConfigFileIsReadWhenValidatedAndItsProblemsNameBothFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path web = dir.resolve("web.yml");
        java.nio.file.Files.writeString(web, "basic_auth_users:\n  prometheus: " + WebConfigReaderTest.HASH + "\nsurprise: 1\n");
        OutputPlan plan = OutputFactory.validate(List.of(section("prometheus", "prometheus", "web_config_file", web.toString())));
        assertThat(plan.specs()).containsExactly(new PrometheusSpec("prometheus", "127.0.0.1", 9587, java.util.Optional.of(web)));
        assertThat(plan.warnings()).extracting(ConfigProblem::toString).containsExactly(web + ":3: surprise: unknown key, ignored"
                + " (expected one of basic_auth_users, http_server_config, rate_limit, tls_server_config)");

        java.nio.file.Files.writeString(web, "tls_server_config:\n  cert_file: x.crt\n");
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("prometheus", "prometheus", "web_config_file", web.toString()))))
                .hasMessage(CONF + ":11: [output:prometheus] web_config_file: " + web
                        + ":2: tls_server_config: key_file is missing (expected the path of the server's PEM private key)");
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("prometheus", "prometheus", "web_config_file", "web.yml"))))
                .hasMessage(CONF + ":11: [output:prometheus] web_config_file: bad file name (expected an absolute path of a file, got 'web.yml')");
        assertThatThrownBy(() -> OutputFactory.validate(List.of(section("prometheus", "prometheus", "web_config_file",
                dir.resolve("none.yml").toString())))).hasMessage(CONF + ":11: [output:prometheus] web_config_file: "
                        + dir.resolve("none.yml") + ": cannot read the web config file (no such file)");
    }
}
