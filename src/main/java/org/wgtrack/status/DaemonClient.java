package org.wgtrack.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSpec;
import org.wgtrack.output.PemKeys;
import org.wgtrack.output.PrometheusSpec;
import org.wgtrack.output.WebConfigReader;

/**
 * Asks the running daemon's HTTP listener for a page ({@code /status}, {@code /events}): the
 * {@code --url} given, else each {@code [output:prometheus]} listener of the configuration, with
 * its web config's TLS certificate pinned and basic auth from {@code --credentials}. A listener
 * on this host is asked only after {@link DaemonTrust} found it is the daemon's.
 */
final class DaemonClient {

    /** A page and where it came from. */
    record Answer(String body, URI uri) {
    }

    /** Something that is not the daemon listens where the daemon should; nothing was sent to it. */
    static final class NotTheDaemonException extends Exception {
        NotTheDaemonException(String message) {
            super(message);
        }
    }

    private record Target(URI listener, Optional<SSLContext> tls) {
    }

    private final String command;
    private final DaemonOptions options;
    private final Optional<String> authorization;
    private final KeyManager[] identity;
    private final Optional<SSLContext> urlTrust;
    private final DaemonTrust trust;
    /** Worked out at the first request and kept, with one HTTP client each, for {@code events --follow}. */
    private List<Target> targets;
    private final Map<Target, HttpClient> clients = new HashMap<>();

    private DaemonClient(String command, DaemonOptions options, Optional<String> authorization, KeyManager[] identity,
            Optional<SSLContext> urlTrust, DaemonTrust trust) {
        this.command = command;
        this.options = options;
        this.authorization = authorization;
        this.identity = identity;
        this.urlTrust = urlTrust;
        this.trust = trust;
    }

    /** Reads --credentials, --cert/--key and --cacert; {@code command} names the command in messages. */
    static DaemonClient of(String command, DaemonOptions options, DaemonTrust trust) throws IOException, GeneralSecurityException {
        Optional<String> authorization = authorization(options.credentials);
        KeyManager[] identity = identity(options.clientCert, options.clientKey);
        Optional<SSLContext> urlTrust = options.cacert == null && identity == null ? Optional.empty()
                : Optional.of(trusting(options.cacert == null ? null : readCertificates(options.cacert), false, identity));
        return new DaemonClient(command, options, authorization, identity, urlTrust, trust);
    }

    /** Throws unless the file is one the daemon may have written (root's or the caller's): a status or events file. */
    void believeFile(Path file) throws IOException, NotTheDaemonException {
        Optional<String> distrusted = trust.file(file);
        if (distrusted.isPresent()) {
            throw new NotTheDaemonException(distrusted.get());
        }
    }

    boolean hasUrl() {
        return options.url != null;
    }

    /**
     * The page from --url, else from the first configured listener that answers it; empty (after a
     * line on stderr where that helps) when none does.
     */
    Optional<Answer> get(String page, OutputPlan plan, PrintWriter err) throws NotTheDaemonException {
        if (targets == null) {
            targets = targets(plan, err);
        }
        for (Target target : targets) {
            Optional<Answer> answer = get(target, page, err);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private List<Target> targets(OutputPlan plan, PrintWriter err) {
        if (options.url != null) {
            return List.of(new Target(options.url, urlTrust));
        }
        List<Target> targets = new ArrayList<>();
        for (OutputSpec output : plan.specs()) {
            if (output instanceof PrometheusSpec prometheus) {
                Optional<SSLContext> tls = Optional.empty();
                if (prometheus.webConfigFile().isPresent()) {
                    try {
                        WebConfigReader.Loaded web = WebConfigReader.read(prometheus.webConfigFile().get());
                        if (web.tls().isPresent()) {
                            // The listener's own certificate is the one to trust, whatever host names it is for.
                            tls = Optional.of(trusting(web.tls().get().chain().subList(0, 1), true, identity));
                        }
                    } catch (WebConfigReader.WebConfigException | GeneralSecurityException e) {
                        err.println(command + ": " + e.getMessage());
                        continue;
                    }
                }
                targets.add(new Target(listenerUri(prometheus, tls.isPresent()), tls));
            }
        }
        return targets;
    }

    private Optional<Answer> get(Target target, String page, PrintWriter err) throws NotTheDaemonException {
        URI uri = withPage(target.listener(), page);
        try {
            if (!believable(uri)) {
                return Optional.empty();
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println(command + ": cannot tell who listens at " + uri + ", so it is not asked: " + e.getMessage());
            return Optional.empty();
        }
        try {
            HttpClient http = clients.computeIfAbsent(target, t -> {
                HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
                t.tls().ifPresent(builder::sslContext);
                return builder.build();
            });
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
            authorization.ifPresent(a -> request.header("Authorization", a));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return Optional.of(new Answer(response.body(), uri));
            }
            if (response.statusCode() == 401) {
                err.println(command + ": " + uri + " answered 401: " + (authorization.isPresent()
                        ? "the credentials are not accepted" : "it wants basic auth credentials (--credentials FILE)"));
            }
        } catch (IOException | IllegalArgumentException e) {
            // no daemon listening there (or refusing us): try the next source
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * False when nothing listens at a local URL; throws when something other than the daemon does.
     * A URL of another host is believed as given: https with --cacert is how to trust that one.
     */
    private boolean believable(URI uri) throws IOException, NotTheDaemonException {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        boolean anyLocal = false;
        boolean anyDaemon = false;
        for (InetAddress address : addresses(host)) {
            if (!isLocal(address)) {
                continue;
            }
            anyLocal = true;
            DaemonTrust.Verdict verdict = trust.listener(address, port);
            if (verdict instanceof DaemonTrust.Verdict.NotTheDaemon notTheDaemon) {
                throw new NotTheDaemonException(notTheDaemon.what());
            }
            anyDaemon |= verdict instanceof DaemonTrust.Verdict.Daemon;
        }
        return !anyLocal || anyDaemon;
    }

    private static InetAddress[] addresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return InetAddress.getAllByName(bare);
    }

    private static boolean isLocal(InetAddress address) throws SocketException {
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
    }

    /** The listener's URL with the page's path: {@code /status} or {@code /events} replaced, else appended. */
    static URI withPage(URI listener, String page) {
        String path = Optional.ofNullable(listener.getRawPath()).orElse("");
        if (path.endsWith("/status") || path.endsWith("/events")) {
            path = path.substring(0, path.lastIndexOf('/'));
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String base = listener.getScheme() + "://" + listener.getRawAuthority();
        return URI.create(base + path + page + (listener.getRawQuery() == null ? "" : "?" + listener.getRawQuery()));
    }

    /** http(s)://HOST:PORT of a configured listener; a wildcard address is asked at loopback. */
    static URI listenerUri(PrometheusSpec spec, boolean https) {
        String host = switch (spec.listen()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> spec.listen();
        };
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create((https ? "https://" : "http://") + authority + ":" + spec.port());
    }

    /** "Basic …" from a file whose first line is USER:PASSWORD; the password is never shown. */
    private static Optional<String> authorization(Path file) throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        String first;
        try {
            first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IOException("cannot read --credentials " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (first.indexOf(':') <= 0) {
            throw new IOException("--credentials " + file + ": the first line is not USER:PASSWORD");
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(first.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException {
        try {
            return PemKeys.certificates(Files.readAllBytes(file));
        } catch (PemKeys.PemException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * An SSLContext that trusts the given certificates. {@code pinned}: exactly these certificates,
     * for any host name (the daemon's own certificate, asked for at 127.0.0.1); otherwise as CAs
     * with the usual checks, host name included.
     */
    private static SSLContext trusting(List<X509Certificate> certificates, boolean pinned, KeyManager[] identity)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (pinned) {
            context.init(identity, new TrustManager[] {new PinnedTrust(certificates)}, null);
            return context;
        }
        if (certificates == null) {
            context.init(identity, null, null); // the system's CAs
            return context;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        context.init(identity, factory.getTrustManagers(), null);
        return context;
    }

    /** The client certificate and key of --cert and --key, or null without them. */
    private static KeyManager[] identity(Path cert, Path key) throws IOException, GeneralSecurityException {
        if (cert == null && key == null) {
            return null;
        }
        if (cert == null || key == null) {
            throw new IOException("--cert and --key go together");
        }
        List<X509Certificate> chain = readCertificates(cert);
        PrivateKey privateKey;
        try {
            privateKey = PemKeys.privateKey(Files.readAllBytes(key));
        } catch (PemKeys.PemException e) {
            throw new IOException("--key " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read --key " + key + " (" + e.getClass().getSimpleName() + ")", e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = "wgtrack".toCharArray(); // of a key store that lives in memory only
        store.load(null, null);
        store.setKeyEntry("client", privateKey, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** Trusts a server that presents exactly one of these certificates; an extended manager, so no host name check. */
    private static final class PinnedTrust extends X509ExtendedTrustManager {
        private final List<X509Certificate> pinned;

        PinnedTrust(List<X509Certificate> pinned) {
            this.pinned = List.copyOf(pinned);
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !pinned.contains(chain[0])) {
                throw new CertificateException("the listener's certificate is not the one in its web config's cert_file");
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
