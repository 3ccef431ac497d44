package org.wgtrack.status;


import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import org.wgtrack.daemon.Observer;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.log.Shown;
import org.wgtrack.output.JsonSpec;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSpec;
import org.wgtrack.output.PemKeys;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.PrometheusSpec;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.StatusDocument;
import org.wgtrack.output.WebConfigReader;
import org.wgtrack.system.SystemResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack status}: one line per tracked peer, from the running daemon (its {@code /status}
 * page, else its JSON file while fresh) or, when none answers or with {@code --once}, from one
 * cycle of its own that judges and pings but changes nothing. Exit 0 when every tracked peer
 * is up, 1 otherwise, so scripts and monitoring can use it as a health check.
 */
@Command(name = "status", sortOptions = false,
        description = {"Shows every tracked peer: state, handshake age, endpoint, transfer.",
            "INTERFACE narrows it to one interface, PEER to the peers of that interface with that"
                + " friendly name or public key (or the start of one), as in `wg show wg0`."},
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {
            "0:every peer shown is up",
            "1:a peer shown is down, none matches INTERFACE/PEER, or the live state cannot be read",
            "2:a bad option or value, or a configuration that does not load"})
public final class StatusCommand implements Callable<Integer> {

    /** The {@code wgtrack} command this runs under, which knows the configuration file. */
    @ParentCommand
    Daemon.ConfigSource parent;

    @Spec
    CommandSpec spec;

    // The same as wgtrack's own -c and -l, so that `wgtrack status -c FILE` works as well as
    // `wgtrack -c FILE status`; given here, they win over the ones before the subcommand.
    @Option(names = {"-c", "--config", "--conf"}, paramLabel = "FILE",
            description = "configuration file (default: /etc/wgtrack.conf)")
    Path config;

    @Option(names = {"-l", "--loglevel"}, paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "debug, info, warning or error, for the cycle of --once (default: warning)")
    LogLevel logLevel;

    // -h only: -V belongs to wgtrack itself (`wgtrack -V`), as for install and uninstall.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--json", description = "print the JSON status document instead of a table")
    boolean json;

    @Option(names = "--once", description = "do not ask the running daemon; run one cycle here (changes nothing)")
    boolean once;

    @Option(names = "--url", paramLabel = "URL",
            description = "ask the daemon's /status at this URL (http or https) instead of the listener in the configuration")
    URI url;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "a file whose first line is USER:PASSWORD, for a listener with basic_auth_users")
    Path credentials;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM certificates to trust for an https --url (default: the system's CAs)")
    Path cacert;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "a PEM client certificate for a listener with mutual TLS (with --key)")
    Path clientCert;

    @Option(names = "--key", paramLabel = "FILE", description = "the PEM private key of --cert")
    Path clientKey;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INTERFACE", description = "show only this interface's peers")
    String interfaceName;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PEER",
            description = "show only this peer of INTERFACE: its friendly name, public key or the start of its key")
    String peer;

    @Override
    public Integer call() throws InterruptedException {
        SystemResolver.disableJvmCache();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WgtrackConfig config;
        OutputPlan plan;
        PeerFilter filter = PeerFilter.of(interfaceName, peer);
        try {
            config = this.config == null ? parent.load() : ConfigLoader.load(this.config, true);
            plan = OutputFactory.validate(config.outputs());
        } catch (ConfigException e) {
            err.println("wgtrack status: " + e.getMessage().replace("\n", "\nwgtrack status: "));
            err.flush();
            return 2;
        }
        Optional<String> authorization;
        Optional<SSLContext> trust;
        KeyManager[] identity;
        try {
            authorization = authorization(credentials);
            identity = identity(clientCert, clientKey);
            trust = cacert == null && identity == null ? Optional.empty()
                    : Optional.of(trusting(cacert == null ? null : readCertificates(cacert), false, identity));
        } catch (IOException | GeneralSecurityException e) {
            err.println("wgtrack status: " + e.getMessage());
            err.flush();
            return 2;
        }
        Optional<Sourced> fromDaemon = once ? Optional.empty()
                : url != null ? fromUrl(url, trust, authorization, err) : fromRunningDaemon(config, plan, authorization, identity, err);
        LogLevel onceLevel = Optional.ofNullable(logLevel).or(parent::logLevel).orElse(LogLevel.WARNING);
        Sourced status = fromDaemon.isPresent() ? fromDaemon.get()
                : new Sourced(runOnce(config, onceLevel), "one cycle of its own (--once)");
        Snapshot shown = filter.apply(status.snapshot());
        if (json) {
            out.print(StatusDocument.format(shown));
            out.println();
        } else {
            out.print(StatusTable.render(shown, status.source(), Instant.now()));
        }
        out.flush();
        if (filter.narrows() && shown.liveStateOk() && shown.peers().isEmpty()) {
            err.println("wgtrack status: no tracked peer matches " + Shown.value(filter.describe()));
            err.flush();
            return 1;
        }
        boolean allUp = shown.liveStateOk() && shown.peers().stream().allMatch(PeerSnapshot::isUp);
        return allUp ? 0 : 1;
    }

    private record Sourced(Snapshot snapshot, String source) {
    }

    /** The daemon's /status page, or its JSON file if it was written within three cycles. */
    private static Optional<Sourced> fromRunningDaemon(WgtrackConfig config, OutputPlan plan, Optional<String> authorization,
            KeyManager[] identity, PrintWriter err) {
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
                        err.println("wgtrack status: " + e.getMessage());
                        continue;
                    }
                }
                Optional<Sourced> answer = fromUrl(statusUri(prometheus, tls.isPresent()), tls, authorization, err);
                if (answer.isPresent()) {
                    return answer;
                }
            }
        }
        Duration fresh = config.general().cycleTime().multipliedBy(3).plusSeconds(10);
        for (OutputSpec output : plan.specs()) {
            if (output instanceof JsonSpec jsonSpec && Files.isReadable(jsonSpec.filename())) {
                try {
                    Snapshot snapshot = StatusDocument.parse(Files.readString(jsonSpec.filename(), StandardCharsets.UTF_8));
                    if (snapshot.takenAt().plus(fresh).isAfter(Instant.now())) {
                        return Optional.of(new Sourced(snapshot, jsonSpec.filename().toString()));
                    }
                } catch (IOException e) {
                    err.println("wgtrack status: ignoring " + jsonSpec.filename() + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** GET /status; empty (after a line on stderr where that helps) when nothing usable answers. */
    private static Optional<Sourced> fromUrl(URI uri, Optional<SSLContext> tls, Optional<String> authorization, PrintWriter err) {
        try {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            tls.ifPresent(builder::sslContext);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
            authorization.ifPresent(a -> request.header("Authorization", a));
            HttpResponse<String> response = builder.build().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return Optional.of(new Sourced(StatusDocument.parse(response.body()), "the running daemon at " + uri));
            }
            if (response.statusCode() == 401) {
                err.println("wgtrack status: " + uri + " answered 401: " + (authorization.isPresent()
                        ? "the credentials are not accepted" : "it wants basic auth credentials (--credentials FILE)"));
            }
        } catch (IOException | IllegalArgumentException e) {
            // no daemon listening there (or refusing us): try the next source
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
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
        java.security.PrivateKey privateKey;
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

    private static URI statusUri(PrometheusSpec spec, boolean https) {
        String host = switch (spec.listen()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> spec.listen();
        };
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create((https ? "https://" : "http://") + authority + ":" + spec.port() + "/status");
    }

    /** One cycle with the real system, judging and pinging but never re-resolving or setting anything. */
    private static Snapshot runOnce(WgtrackConfig config, LogLevel level) throws InterruptedException {
        Log.get().setThreshold(level);
        return Observer.observeOnce(config);
    }
}
