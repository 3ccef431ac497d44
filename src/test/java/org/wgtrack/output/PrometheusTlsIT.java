package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.TestCertificates;

/**
 * The README's "Scraping wgtrack from another host" example, end to end on 127.0.0.1: a real
 * Prometheus scrapes the prometheus output with {@code scheme: https}, {@code tls_config} and
 * {@code basic_auth} (up 1), while a job with a wrong password and one over plain HTTP fail (up 0).
 */
class PrometheusTlsIT {

    /** htpasswd -nbBC 10 prometheus secret. */
    private static final String HASH = "$2y$10$JUk28pgbtWOdlkySdIT3kOGVwBO1q6JSGU4e9O9Ah9ZuIFTpU8pHC";

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static double up(String api, String job) {
        try {
            Map<String, Object> answer = ExternalServer.json(ExternalServer.get(api + "/query?query="
                    + ExternalServer.encode("up{job=\"" + job + "\"}")).body());
            List<Map<String, Object>> result = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("result");
            return result.isEmpty() ? -1 : Double.parseDouble(String.valueOf(((List<?>) result.get(0).get("value")).get(1)));
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void prometheusScrapesOverHttpsWithBasicAuth() throws Exception {
        Path binary = ExternalServer.requireBinary("prometheus", "prometheus");
        TestCertificates.selfSigned(dir, "wgtrack", "ec");
        Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: wgtrack.crt
                  key_file: wgtrack.key
                basic_auth_users:
                  prometheus: %s
                """.formatted(HASH));
        Files.writeString(dir.resolve("wgtrack.password"), "secret\n");
        Files.writeString(dir.resolve("wrong.password"), "guess\n");
        PrometheusOutput output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0,
                Optional.of(dir.resolve("web.yml"))));
        try (output) {
            output.write(TestSnapshots.threePeers());
            String target = "127.0.0.1:" + output.boundPort().orElseThrow();
            int port = ExternalServer.freePort();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: wgtrack
                        scheme: https
                        tls_config:
                          ca_file: %1$s/wgtrack.crt
                        basic_auth:
                          username: prometheus
                          password_file: %1$s/wgtrack.password
                        static_configs:
                          - targets: ['%2$s']
                      - job_name: wrong-password
                        scheme: https
                        tls_config:
                          ca_file: %1$s/wgtrack.crt
                        basic_auth:
                          username: prometheus
                          password_file: %1$s/wrong.password
                        static_configs:
                          - targets: ['%2$s']
                      - job_name: plain-http
                        static_configs:
                          - targets: ['%2$s']
                    """.formatted(dir, target));
            try (ExternalServer prometheus = ExternalServer.start("prometheus", dir, List.of(binary.toString(),
                    "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.path=" + dir.resolve("tsdb")))) {
                String api = "http://127.0.0.1:" + port + "/api/v1";
                prometheus.await("every job scraped", Duration.ofSeconds(60),
                        () -> up(api, "wgtrack") >= 0 && up(api, "wrong-password") >= 0 && up(api, "plain-http") >= 0);
                prometheus.await("the https job to be up", Duration.ofSeconds(30), () -> up(api, "wgtrack") == 1);
                assertThat(up(api, "wrong-password")).isZero();
                assertThat(up(api, "plain-http")).isZero();
                String targets = ExternalServer.get(api + "/targets").body();
                assertThat(targets).contains("401");
            }
        }
    }
}
