package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.testing.TestCertificates;

class WebConfigReaderTest {

    @TempDir
    static Path dir;

    /** htpasswd -nbBC 10 prometheus secret (a test password's hash, not a secret). */
    static final String HASH = "$2y$10$JUk28pgbtWOdlkySdIT3kOGVwBO1q6JSGU4e9O9Ah9ZuIFTpU8pHC";

    @BeforeAll
    static void certificates() throws Exception {
        TestCertificates.selfSigned(dir, "rsa", "rsa");
        TestCertificates.selfSigned(dir, "ec", "ec");
        TestCertificates.clientCa(dir);
        TestCertificates.openssl(dir, "rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-traditional.key");
        TestCertificates.openssl(dir, "ec", "-in", "ec.key", "-out", "ec-traditional.key");
        TestCertificates.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-params.key");
        TestCertificates.openssl(dir, "req", "-x509", "-key", "ec-params.key", "-days", "2", "-subj", "/CN=params",
                "-out", "ec-params.crt");
    }

    private static Path file(String text) throws Exception {
        Path file = Files.createTempFile(dir, "web", ".yml");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> errors(String text) throws Exception {
        Path file = file(text);
        try {
            WebConfigReader.read(file);
        } catch (WebConfigReader.WebConfigException e) {
            return e.problems().stream().map(p -> p.toString().replace(file.toString(), "web.yml")).toList();
        }
        throw new AssertionError("loaded: " + text);
    }

    private static List<String> warnings(String text) throws Exception {
        Path file = file(text);
        return WebConfigReader.read(file).warnings().stream().map(p -> p.toString().replace(file.toString(), "web.yml")).toList();
    }

    @Test
    void readsEverySupportedKey() throws Exception {
        WebConfigReader.Loaded loaded = WebConfigReader.read(file("""
                tls_server_config:
                  cert_file: rsa.crt
                  key_file: rsa.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                  min_version: TLS13
                basic_auth_users:
                  prometheus: %s
                http_server_config:
                  headers:
                    Strict-Transport-Security: max-age=31536000
                """.formatted(HASH)));
        WebConfig config = loaded.config();
        assertThat(config.tls()).get().satisfies(tls -> {
            assertThat(tls.certFile()).isEqualTo(dir.resolve("rsa.crt"));
            assertThat(tls.clientAuth()).isEqualTo(WebConfig.ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
            assertThat(tls.protocols()).containsExactly("TLSv1.3");
        });
        assertThat(config.users()).containsOnlyKeys("prometheus");
        assertThat(config.headers()).containsEntry("Strict-Transport-Security", "max-age=31536000");
        assertThat(loaded.tls().orElseThrow().clientCas()).hasSize(1);
        assertThat(config.toString()).doesNotContain(HASH.substring(7));
        assertThat(loaded.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"rsa.crt,rsa.key", "rsa.crt,rsa-traditional.key", "ec.crt,ec.key", "ec.crt,ec-traditional.key",
        "ec-params.crt,ec-params.key"})
    void readsRsaAndEcKeysInPkcs8AndTraditionalForms(String cert, String key) throws Exception {
        WebConfigReader.Loaded loaded = WebConfigReader.read(file("tls_server_config:\n  cert_file: " + cert + "\n  key_file: " + key + "\n"));
        assertThat(loaded.tls()).isPresent();
    }

    @Test
    void emptyFileIsPlainHttpWithoutAuthentication() throws Exception {
        WebConfig config = WebConfigReader.read(file("")).config();
        assertThat(config.tls()).isEmpty();
        assertThat(config.users()).isEmpty();
    }

    @Test
    void theHashMatchesWhatHtpasswdWrote() {
        assertThat(BCrypt.checkpw("secret", HASH)).isTrue();
        assertThat(new BasicAuth(java.util.Map.of("prometheus", HASH)).allows("Basic cHJvbWV0aGV1czpzZWNyZXQ=")).isTrue();
        assertThat(new BasicAuth(java.util.Map.of("prometheus", HASH)).allows("Basic cHJvbWV0aGV1czp3cm9uZw==")).isFalse();
        assertThat(new BasicAuth(java.util.Map.of("prometheus", HASH)).allows("Basic bm9ib2R5OnNlY3JldA==")).isFalse();
        assertThat(new BasicAuth(java.util.Map.of("prometheus", HASH)).allows(null)).isFalse();
    }

    @Test
    void everyErrorNamesFileLineKeyAndReason() throws Exception {
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n")).containsExactly(
                "web.yml:2: tls_server_config: key_file is missing (expected the path of the server's PEM private key)");
        assertThat(errors("tls_server_config:\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:2: tls_server_config: cert_file is missing (expected the path of the server's PEM certificate)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  min_version: TLS9\n")).containsExactly(
                "web.yml:4: tls_server_config.min_version: unknown TLS version (expected TLS10, TLS11, TLS12 or TLS13, got 'TLS9')");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  min_version: TLS13\n  max_version: TLS12\n"))
                .containsExactly("web.yml:4: tls_server_config.min_version: newer than max_version (expected TLS13 or older,"
                        + " or a max_version of TLS13 or newer)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  client_auth_type: Maybe\n")).containsExactly(
                "web.yml:4: tls_server_config.client_auth_type: unknown client auth type (expected NoClientCert,"
                        + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or RequireAndVerifyClientCert, got 'Maybe')");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  client_ca_file: ca.crt\n")).containsExactly(
                "web.yml:4: tls_server_config.client_ca_file: set without a client_auth_type that asks for certificates"
                        + " (expected client_auth_type: RequireAndVerifyClientCert or VerifyClientCertIfGiven)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  client_auth_type: RequireAndVerifyClientCert\n"))
                .containsExactly("web.yml:4: tls_server_config.client_auth_type: RequireAndVerifyClientCert needs client_ca_file"
                        + " (the CA certificates client certificates are checked against)");
        assertThat(errors("tls_server_config:\n  cert_file: missing.crt\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:2: tls_server_config.cert_file: " + dir.resolve("missing.crt") + ": no such file");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.crt\n")).containsExactly(
                "web.yml:3: tls_server_config.key_file: " + dir.resolve("rsa.crt") + ": no private key in it (expected a PEM block"
                        + " -----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.key\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:2: tls_server_config.cert_file: " + dir.resolve("rsa.key")
                        + ": no certificate in it (expected a PEM block -----BEGIN CERTIFICATE-----)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: ec.key\n")).containsExactly(
                "web.yml:3: tls_server_config.key_file: " + dir.resolve("ec.key") + ": the private key does not belong to the"
                        + " certificate in " + dir.resolve("rsa.crt"));
        assertThat(errors("tls_server_config:\n  cert_file: [a, b]\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:2: tls_server_config.cert_file: a list where a single value belongs");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  key_file: rsa.key\n  client_allowed_sans: [x]\n")).containsExactly(
                "web.yml:4: tls_server_config.client_allowed_sans: not supported by wgtrack (expected client_ca_file to decide"
                        + " which clients are let in)");
        assertThat(errors("tls_server_config:\n  cert: inline\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:2: tls_server_config.cert: not supported by wgtrack (expected cert_file with the path of a PEM file)",
                "web.yml:2: tls_server_config: cert_file is missing (expected the path of the server's PEM certificate)");
        assertThat(errors("tls_server_config: yes\n")).containsExactly(
                "web.yml:1: tls_server_config: not a mapping (expected key: value lines)");
        assertThat(errors("tls_server_config:\n  cert_file: rsa.crt\n  cert_file: rsa.crt\n  key_file: rsa.key\n")).containsExactly(
                "web.yml:3: tls_server_config.cert_file: given twice");
        assertThat(errors("basic_auth_users:\n  prometheus: secret-in-clear\n")).containsExactly(
                "web.yml:2: basic_auth_users.prometheus: not a bcrypt hash (expected $2y$, $2b$ or $2a$, a cost of 04 to 31 and"
                        + " 53 characters, as htpasswd -nBC 10 USER writes it; the value is not shown)");
        assertThat(errors("basic_auth_users:\n  a:b: " + HASH + "\n")).containsExactly(
                "web.yml:2: basic_auth_users.a:b: bad user name (expected a name without ':')");
        assertThat(errors("basic_auth_users: [x]\n")).containsExactly(
                "web.yml:1: basic_auth_users: not a mapping (expected user name: bcrypt hash lines)");
        assertThat(errors("http_server_config:\n  headers:\n    Content-Type: text/html\n")).containsExactly(
                "web.yml:3: http_server_config.headers.Content-Type: header not allowed (expected one of Content-Security-Policy,"
                        + " Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection)");
        assertThat(errors("http_server_config:\n  headers:\n    X-Frame-Options: allow\n")).containsExactly(
                "web.yml:3: http_server_config.headers.X-Frame-Options: bad value (expected deny or sameorigin, got 'allow')");
        assertThat(errors("http_server_config:\n  headers: [x]\n")).containsExactly(
                "web.yml:2: http_server_config.headers: not a mapping (expected header name: value lines)");
        assertThat(errors("tls_server_config:\n  cert_file: 'unclosed\n")).singleElement().asString()
                .startsWith("web.yml:").contains(": not valid YAML (");
        assertThat(errors("[a, b]\n")).containsExactly("web.yml:1: not a mapping (expected key: value lines)");
    }

    @Test
    void unreadableOrHugeFileIsOneError() throws Exception {
        assertThatThrownBy(() -> WebConfigReader.read(dir.resolve("nope.yml"))).isInstanceOf(WebConfigReader.WebConfigException.class)
                .hasMessage(dir.resolve("nope.yml") + ": cannot read the web config file (no such file)");
        Path huge = file("#".repeat(WebConfigReader.MAX_BYTES + 1));
        assertThatThrownBy(() -> WebConfigReader.read(huge)).hasMessage(huge + ": cannot read the web config file (larger than 1048576 bytes)");
        Path binary = dir.resolve("binary.yml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> WebConfigReader.read(binary)).hasMessage(binary + ": not UTF-8 text");
    }

    @Test
    void keysTheToolkitKnowsButWgtrackIgnoresAndUnknownKeysWarn() throws Exception {
        assertThat(warnings("""
                tls_server_config:
                  cert_file: rsa.crt
                  key_file: rsa.key
                  cipher_suites: [TLS_AES_128_GCM_SHA256]
                http_server_config:
                  http2: false
                rate_limit:
                  burst: 10
                surprise: 1
                """)).containsExactly(
                "web.yml:9: surprise: unknown key, ignored (expected one of basic_auth_users, http_server_config, rate_limit,"
                        + " tls_server_config)",
                "web.yml:4: tls_server_config.cipher_suites: ignored (the JDK's defaults are used)",
                "web.yml:6: http_server_config.http2: ignored (wgtrack serves HTTP/1.1)",
                "web.yml:7: rate_limit: ignored (wgtrack limits connections and request time itself)");
    }

    @Test
    void aPasswordPastedAsHashIsNeverShown() throws Exception {
        List<String> messages = errors("basic_auth_users:\n  prometheus: \"" + "k8YzRPddXgGq8hOEYjFv1GkXmaZBb0sTEXn5VR8qQm8=" + "\"\n");
        assertThat(String.join("\n", messages)).doesNotContain("k8YzRPdd");
        assertThat(ConfigProblem.class).isNotNull();
        assertThat(Files.readString(dir.resolve("rsa.key"), StandardCharsets.US_ASCII)).contains("BEGIN PRIVATE KEY");
    }
}
