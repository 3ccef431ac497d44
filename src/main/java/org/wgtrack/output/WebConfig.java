package org.wgtrack.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Prometheus exporter-toolkit web configuration ({@code web_config_file =}), as the Go
 * exporters and Prometheus read it, validated by {@link WebConfigReader}:
 *
 * <pre>
 * tls_server_config:
 *   cert_file: wgtrack.crt          # relative paths are relative to this file's directory
 *   key_file: wgtrack.key
 *   client_auth_type: RequireAndVerifyClientCert
 *   client_ca_file: clients-ca.crt
 *   min_version: TLS12
 * basic_auth_users:
 *   prometheus: $2y$10$…            # bcrypt, as htpasswd -B writes it
 * http_server_config:
 *   headers:
 *     Strict-Transport-Security: max-age=31536000
 * </pre>
 *
 * {@code toString()} never shows a password hash.
 *
 * @param tls empty: plain HTTP
 * @param users user name → bcrypt hash; empty: no authentication
 * @param files every file the configuration consists of (itself, certificate, key, client CAs),
 *        watched for changes
 */
public record WebConfig(Path source, Optional<Tls> tls, Map<String, String> users, Map<String, String> headers,
                        List<Path> files) {

    public WebConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tls, "tls");
        users = Map.copyOf(users);
        headers = Map.copyOf(headers);
        files = List.copyOf(files);
    }

    /** Go's tls.ClientAuthType names, as client_auth_type takes them. */
    public enum ClientAuth {
        NO_CLIENT_CERT("NoClientCert", false, false, false),
        REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
        REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", false, true, false),
        VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
        REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", false, true, true);

        private final String label;
        private final boolean want;
        private final boolean need;
        private final boolean verify;

        ClientAuth(String label, boolean want, boolean need, boolean verify) {
            this.label = label;
            this.want = want;
            this.need = need;
            this.verify = verify;
        }

        public String label() {
            return label;
        }

        /** Asks for a certificate but goes on without one. */
        public boolean want() {
            return want;
        }

        /** Refuses a client without a certificate. */
        public boolean need() {
            return need;
        }

        /** Checks a certificate against client_ca_file (otherwise any certificate is taken). */
        public boolean verify() {
            return verify;
        }

        static Optional<ClientAuth> parse(String text) {
            if (text.equals("RequireClientCert")) {
                return Optional.of(REQUIRE_ANY_CLIENT_CERT); // the old name, as the toolkit keeps it
            }
            for (ClientAuth auth : values()) {
                if (auth.label.equals(text)) {
                    return Optional.of(auth);
                }
            }
            return Optional.empty();
        }
    }

    /** TLS versions as min_version and max_version name them, with the JDK's protocol name. */
    public enum TlsVersion {
        TLS10("TLSv1"), TLS11("TLSv1.1"), TLS12("TLSv1.2"), TLS13("TLSv1.3");

        private final String protocol;

        TlsVersion(String protocol) {
            this.protocol = protocol;
        }

        public String protocol() {
            return protocol;
        }
    }

    /** tls_server_config, with its paths resolved against the web config's directory. */
    public record Tls(Path certFile, Path keyFile, ClientAuth clientAuth, Optional<Path> clientCaFile,
                      TlsVersion minVersion, TlsVersion maxVersion) {

        public Tls {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(clientAuth, "clientAuth");
            Objects.requireNonNull(clientCaFile, "clientCaFile");
            Objects.requireNonNull(minVersion, "minVersion");
            Objects.requireNonNull(maxVersion, "maxVersion");
        }

        /** The JDK protocol names from min_version to max_version, newest first. */
        public String[] protocols() {
            List<TlsVersion> all = List.of(TlsVersion.values());
            return all.subList(minVersion.ordinal(), maxVersion.ordinal() + 1).stream()
                    .sorted((a, b) -> b.compareTo(a)).map(TlsVersion::protocol).toArray(String[]::new);
        }
    }

    @Override
    public String toString() {
        return "WebConfig[" + source + ", tls " + tls.isPresent() + ", users " + new java.util.TreeSet<>(users.keySet())
                + ", headers " + headers.keySet() + "]";
    }
}
