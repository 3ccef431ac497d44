package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.TestCertificates;

/**
 * {@code web_config_file} against a real client: curl scrapes {@code bin/wgtrack}'s listener on
 * 127.0.0.1 over HTTPS with basic auth (right credentials 200, wrong or none 401), plain HTTP is
 * refused, mutual TLS refuses a client without a certificate, a certificate replaced on disk is
 * served after the reload, and a broken file on reload keeps the listener as it was.
 * Certificates are made by openssl in the test's directory.
 */
class WebConfigIT {

    /** htpasswd -nbBC 10 prometheus secret. */
    private static final String HASH = "$2y$10$JUk28pgbtWOdlkySdIT3kOGVwBO1q6JSGU4e9O9Ah9ZuIFTpU8pHC";

    @TempDir
    Path dir;

    /** curl's exit status and the HTTP status it saw ("000" when there was no HTTP answer). */
    record Curl(int exit, String status) {
    }

    private Curl curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "5", "--noproxy", "*"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.getErrorStream().readAllBytes();
        return new Curl(process.waitFor(), out);
    }

    private WgtrackCommand.Result status(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("status"));
        command.addAll(List.of(args));
        return WgtrackCommand.run(dir, command);
    }

    private Curl scrape(int port, String ca, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--cacert", dir.resolve(ca).toString()));
        args.addAll(List.of(more));
        args.add("https://127.0.0.1:" + port + "/metrics");
        return curl(args.toArray(String[]::new));
    }

    private void webConfig(String tlsExtra) throws IOException {
        Path next = dir.resolve("web.yml.next");
        Files.writeString(next, """
                tls_server_config:
                  cert_file: server.crt
                  key_file: server.key
                %sbasic_auth_users:
                  prometheus: %s
                http_server_config:
                  headers:
                    X-Content-Type-Options: nosniff
                """.formatted(tlsExtra, HASH));
        Files.move(next, dir.resolve("web.yml"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long count(String log, String text) {
        return log.lines().filter(l -> l.contains(text)).count();
    }

    private long reloads(DaemonProcess daemon) throws IOException {
        return count(daemon.log(), "web config " + dir.resolve("web.yml") + " reloaded");
    }

    private void awaitReload(DaemonProcess daemon, long before) throws Exception {
        daemon.awaitLog(l -> count(l, "web config " + dir.resolve("web.yml") + " reloaded") > before, Duration.ofSeconds(15),
                "the web config to be reloaded");
    }

    @Test
    void httpsWithBasicAuthMutualTlsAndARenewedCertificate() throws Exception {
        TestCertificates.selfSigned(dir, "server", "rsa");
        TestCertificates.clientCa(dir);
        webConfig("");
        Files.writeString(dir.resolve("dump"), LargeHubIT.dump(new Random(3), 3, System.currentTimeMillis() / 1000));
        int port = LargeHubIT.freePort();
        Path config = LargeHubIT.config(dir, LargeHubIT.fakeWg(dir), 0.5, port);
        Files.writeString(config, "web_config_file = " + dir.resolve("web.yml") + "\n", StandardOpenOption.APPEND);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!scrape(port, "server.crt", "-u", "prometheus:secret").status().equals("200")) {
                assertThat(System.nanoTime()).as("listener up; log:\n%s", daemon.log()).isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(scrape(port, "server.crt", "-u", "prometheus:wrong").status()).isEqualTo("401");
            assertThat(scrape(port, "server.crt", "-u", "nobody:secret").status()).isEqualTo("401");
            assertThat(scrape(port, "server.crt").status()).isEqualTo("401");
            Curl plain = curl("http://127.0.0.1:" + port + "/metrics");
            assertThat(plain.status()).as("plain HTTP gets no HTTP answer").isEqualTo("000");
            assertThat(plain.exit()).isNotZero();
            Curl headers = curl("--cacert", dir.resolve("server.crt").toString(), "-u", "prometheus:secret", "-D", "-",
                    "https://127.0.0.1:" + port + "/-/healthy");
            assertThat(headers.status()).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .endsWith("200");

            // Mutual TLS, picked up by SIGHUP.
            long reloads = reloads(daemon);
            webConfig("  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n");
            daemon.signal("HUP");
            awaitReload(daemon, reloads);
            Curl noCertificate = scrape(port, "server.crt", "-u", "prometheus:secret");
            assertThat(noCertificate.status()).as("a client without a certificate").isEqualTo("000");
            assertThat(noCertificate.exit()).isNotZero();
            assertThat(scrape(port, "server.crt", "-u", "prometheus:secret", "--cert", dir.resolve("client.crt").toString(),
                    "--key", dir.resolve("client.key").toString()).status()).isEqualTo("200");
            Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "prometheus:secret\n");
            WgtrackCommand.Result mutual = status("-c", config.toString(), "--credentials", credentials.toString(),
                    "--cert", dir.resolve("client.crt").toString(), "--key", dir.resolve("client.key").toString());
            assertThat(mutual.out()).as(mutual.err()).startsWith("wgtrack status from the running daemon at https://");
            Curl strangerCertificate = scrape(port, "server.crt", "-u", "prometheus:secret",
                    "--cert", dir.resolve("server.crt").toString(), "--key", dir.resolve("server.key").toString());
            assertThat(strangerCertificate.status()).as("a certificate of another CA").isEqualTo("000");

            // A renewed certificate: replaced on disk, noticed without a signal.
            webConfig("");
            reloads = reloads(daemon);
            daemon.signal("HUP");
            awaitReload(daemon, reloads);
            TestCertificates.selfSigned(dir, "renewed", "ec");
            reloads = reloads(daemon);
            Files.copy(dir.resolve("renewed.key"), dir.resolve("server.key.next"));
            Files.copy(dir.resolve("renewed.crt"), dir.resolve("server.crt.next"));
            Files.move(dir.resolve("server.key.next"), dir.resolve("server.key"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(dir.resolve("server.crt.next"), dir.resolve("server.crt"), StandardCopyOption.ATOMIC_MOVE);
            awaitReload(daemon, reloads);
            Thread.sleep(1200); // the key and the certificate may have been seen in two cycles
            assertThat(scrape(port, "renewed.crt", "-u", "prometheus:secret").status()).as("the renewed certificate").isEqualTo("200");
            assertThat(scrape(port, "ca.crt", "-u", "prometheus:secret").exit()).as("a CA that signed nothing here").isNotZero();

            // wgtrack status reads the same web config: https to the pinned certificate, with credentials from a file.
            WgtrackCommand.Result withCredentials = status("-c", config.toString(), "--credentials", credentials.toString());
            assertThat(withCredentials.out()).as(withCredentials.err())
                    .startsWith("wgtrack status from the running daemon at https://127.0.0.1:" + port + "/status");
            assertThat(withCredentials.exit()).isZero();
            WgtrackCommand.Result without = status("-c", config.toString());
            assertThat(without.err()).contains("https://127.0.0.1:" + port + "/status answered 401: it wants basic auth credentials");
            assertThat(without.out()).doesNotContain("the running daemon");
            WgtrackCommand.Result byUrl = status("-c", config.toString(), "--url", "https://127.0.0.1:" + port + "/status",
                    "--cacert", dir.resolve("renewed.crt").toString(), "--credentials", credentials.toString(), "--json");
            assertThat(byUrl.out()).as(byUrl.err()).contains("\"schema\" : 1");
            assertThat(withCredentials.err() + without.err() + byUrl.err()).doesNotContain("secret");

            // A broken file: refused on SIGHUP, the listener keeps serving as before.
            Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n  min_version: TLS9\n");
            daemon.signal("HUP");
            daemon.awaitLog(l -> l.contains(dir.resolve("web.yml") + ":3: tls_server_config.min_version: unknown TLS version"),
                    Duration.ofSeconds(10), "the broken web config to be reported");
            assertThat(scrape(port, "renewed.crt", "-u", "prometheus:secret").status()).isEqualTo("200");
            assertThat(scrape(port, "renewed.crt", "-u", "prometheus:wrong").status()).isEqualTo("401");
            assertThat(daemon.isAlive()).isTrue();
            String log = daemon.log();
            assertThat(log).doesNotContain("\tat ", "Exception in thread", HASH.substring(7), "secret");
            System.out.println("WebConfigIT: log lines about the web config:\n" + String.join("\n",
                    log.lines().filter(l -> l.contains("web config") || l.contains("web.yml")).toList()));
        }
    }
}
