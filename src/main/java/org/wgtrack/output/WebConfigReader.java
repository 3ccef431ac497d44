package org.wgtrack.output;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.Shown;

/**
 * Reads a {@link WebConfig} file and the TLS files it names, reporting every problem as
 * {@code file:line: key: what is wrong (expected …, got …)}, e.g.
 * {@code /etc/wgtrack/web.yml:4: tls_server_config.min_version: unknown TLS version (expected TLS10,
 * TLS11, TLS12 or TLS13, got 'TLS9')}. A password hash or key is never quoted.
 *
 * <p>Keys the exporter-toolkit knows but wgtrack does not use ({@code cipher_suites},
 * {@code curve_preferences}, {@code prefer_server_cipher_suites}, {@code http2},
 * {@code rate_limit}) are warnings, as are unknown keys; keys whose meaning wgtrack would get
 * wrong by ignoring them ({@code client_allowed_sans}, the inline {@code cert}, {@code key},
 * {@code client_ca}) are errors.
 */
public final class WebConfigReader {

    /** A web config is a few hundred bytes; anything past this is not one. */
    static final int MAX_BYTES = 1 << 20;
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    /** The response headers the exporter-toolkit lets a web config set, with the values it allows (null: any). */
    static final Map<String, List<String>> HEADERS = headers();

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Strict-Transport-Security", null);
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        headers.put("X-Frame-Options", List.of("deny", "sameorigin"));
        headers.put("X-XSS-Protection", null);
        headers.put("Content-Security-Policy", null);
        return headers;
    }

    /** The certificate chain, key and client CAs of a tls_server_config, as read this time. */
    public record TlsMaterial(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientCas) {
        public TlsMaterial {
            chain = List.copyOf(chain);
            clientCas = List.copyOf(clientCas);
        }

        @Override
        public String toString() {
            return "TlsMaterial[" + chain.get(0).getSubjectX500Principal() + "]";
        }
    }

    /** A configuration that loaded, with its warnings. */
    public record Loaded(WebConfig config, Optional<TlsMaterial> tls, List<ConfigProblem> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** Every problem of a configuration that did not load. */
    public static final class WebConfigException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<ConfigProblem> problems;

        WebConfigException(List<ConfigProblem> problems) {
            super(String.join("\n", problems.stream().map(ConfigProblem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<ConfigProblem> problems() {
            return problems;
        }
    }

    private final Path file;
    private final String source;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    private WebConfigReader(Path file) {
        this.file = file;
        this.source = file.toString();
    }

    /** Reads the file and the files it names; nothing else is touched. */
    public static Loaded read(Path file) throws WebConfigException {
        WebConfigReader reader = new WebConfigReader(file);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("is a directory");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            reader.errors.add(new ConfigProblem(reader.source, 0, null, null, "cannot read the web config file ("
                    + reason(e) + ")"));
            throw new WebConfigException(reader.errors);
        }
        return reader.parse(bytes);
    }

    /** Parses the text of a web config file; the TLS files it names are read. */
    static Loaded parse(Path file, byte[] bytes) throws WebConfigException {
        return new WebConfigReader(file).parse(bytes);
    }

    private Loaded parse(byte[] bytes) throws WebConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new ConfigProblem(source, 0, null, null, "not UTF-8 text"));
            throw new WebConfigException(errors);
        }
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(source).setCodePointLimit(MAX_BYTES)
                    .setMaxAliasesForCollections(20).setAllowRecursiveKeys(false).setAllowDuplicateKeys(false).build();
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            errors.add(new ConfigProblem(source, line, null, null, "not valid YAML (" + oneLine(e.getProblem()) + ")"));
            throw new WebConfigException(errors);
        } catch (YamlEngineException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new ConfigProblem(source, 0, null, null, "not valid YAML (" + oneLine(e.getMessage()) + ")"));
            throw new WebConfigException(errors);
        }
        Optional<WebConfig.Tls> tls = Optional.empty();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Node> tlsNodes = new LinkedHashMap<>();
        if (root.isPresent() && !isNull(root.get())) {
            Map<String, NodeTuple> top = mapping(root.get(), "", Set.of("tls_server_config", "basic_auth_users",
                    "http_server_config", "rate_limit"));
            if (top.containsKey("tls_server_config")) {
                tls = tls(top.get("tls_server_config").getValueNode(), tlsNodes);
            }
            if (top.containsKey("basic_auth_users")) {
                users = users(top.get("basic_auth_users").getValueNode());
            }
            if (top.containsKey("http_server_config")) {
                Node http = top.get("http_server_config").getValueNode();
                Map<String, NodeTuple> keys = mapping(http, "http_server_config.", Set.of("headers", "http2"));
                if (keys.containsKey("http2")) {
                    warn(keys.get("http2").getKeyNode(), "http_server_config.http2", "ignored (wgtrack serves HTTP/1.1)");
                }
                if (keys.containsKey("headers")) {
                    headers = headers(keys.get("headers").getValueNode());
                }
            }
            if (top.containsKey("rate_limit")) {
                warn(top.get("rate_limit").getKeyNode(), "rate_limit",
                        "ignored (wgtrack limits connections and request time itself)");
            }
        }
        Optional<TlsMaterial> material = Optional.empty();
        List<Path> files = new ArrayList<>(List.of(file));
        if (tls.isPresent() && errors.isEmpty()) {
            material = material(tls.get(), tlsNodes);
            files.add(tls.get().certFile());
            files.add(tls.get().keyFile());
            tls.get().clientCaFile().ifPresent(files::add);
        }
        if (!errors.isEmpty()) {
            throw new WebConfigException(errors);
        }
        return new Loaded(new WebConfig(file, tls, users, headers, files), material, warnings);
    }

    private Optional<WebConfig.Tls> tls(Node node, Map<String, Node> nodes) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!MappingNode.class.isInstance(node)) {
            error(node, "tls_server_config", "not a mapping (expected key: value lines)");
            return Optional.empty();
        }
        Map<String, NodeTuple> keys = mapping(node, "tls_server_config.", Set.of("cert_file", "key_file",
                "client_auth_type", "client_ca_file", "min_version", "max_version", "cipher_suites", "curve_preferences",
                "prefer_server_cipher_suites", "client_allowed_sans", "cert", "key", "client_ca"));
        for (String ignored : List.of("cipher_suites", "curve_preferences", "prefer_server_cipher_suites")) {
            if (keys.containsKey(ignored)) {
                warn(keys.get(ignored).getKeyNode(), "tls_server_config." + ignored, "ignored (the JDK's defaults are used)");
            }
        }
        for (String unsupported : List.of("client_allowed_sans", "cert", "key", "client_ca")) {
            if (keys.containsKey(unsupported)) {
                error(keys.get(unsupported).getKeyNode(), "tls_server_config." + unsupported, "not supported by wgtrack"
                        + (unsupported.equals("client_allowed_sans") ? " (expected client_ca_file to decide which clients are let in)"
                        : " (expected " + unsupported + "_file with the path of a PEM file)"));
            }
        }
        keys.forEach((k, t) -> nodes.put(k, t.getValueNode()));
        Optional<Path> cert = path(keys, "cert_file");
        Optional<Path> key = path(keys, "key_file");
        Optional<Path> clientCa = path(keys, "client_ca_file");
        WebConfig.ClientAuth clientAuth = WebConfig.ClientAuth.NO_CLIENT_CERT;
        if (keys.containsKey("client_auth_type")) {
            Node value = keys.get("client_auth_type").getValueNode();
            Optional<String> text = scalar(value, "tls_server_config.client_auth_type");
            if (text.isPresent() && !text.get().isEmpty()) {
                Optional<WebConfig.ClientAuth> parsed = WebConfig.ClientAuth.parse(text.get());
                if (parsed.isEmpty()) {
                    error(value, "tls_server_config.client_auth_type", "unknown client auth type (expected NoClientCert,"
                            + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or"
                            + " RequireAndVerifyClientCert, got " + quoted(text.get()) + ")");
                } else {
                    clientAuth = parsed.get();
                }
            }
        }
        WebConfig.TlsVersion min = version(keys, "min_version", WebConfig.TlsVersion.TLS12);
        WebConfig.TlsVersion max = version(keys, "max_version", WebConfig.TlsVersion.TLS13);
        if (min.compareTo(max) > 0) {
            error(keys.get("min_version").getValueNode(), "tls_server_config.min_version",
                    "newer than max_version (expected " + min + " or older, or a max_version of " + min + " or newer)");
        }
        Node at = node;
        if (cert.isEmpty() && !keys.containsKey("cert_file")) {
            error(at, "tls_server_config", "cert_file is missing (expected the path of the server's PEM certificate)");
        }
        if (key.isEmpty() && !keys.containsKey("key_file")) {
            error(at, "tls_server_config", "key_file is missing (expected the path of the server's PEM private key)");
        }
        if (clientCa.isPresent() && !clientAuth.verify() && !clientAuth.want() && !clientAuth.need()) {
            error(keys.get("client_ca_file").getKeyNode(), "tls_server_config.client_ca_file",
                    "set without a client_auth_type that asks for certificates (expected client_auth_type:"
                            + " RequireAndVerifyClientCert or VerifyClientCertIfGiven)");
        }
        if (clientAuth.verify() && clientCa.isEmpty() && !keys.containsKey("client_ca_file")) {
            error(keys.get("client_auth_type").getValueNode(), "tls_server_config.client_auth_type",
                    clientAuth.label() + " needs client_ca_file (the CA certificates client certificates are checked against)");
        }
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WebConfig.Tls(cert.get(), key.get(), clientAuth, clientCa, min, max));
    }

    private Optional<TlsMaterial> material(WebConfig.Tls tls, Map<String, Node> nodes) {
        List<X509Certificate> chain = null;
        PrivateKey key = null;
        List<X509Certificate> cas = List.of();
        try {
            chain = PemKeys.certificates(readTlsFile(tls.certFile()));
        } catch (IOException | PemKeys.PemException e) {
            error(nodes.get("cert_file"), "tls_server_config.cert_file", tls.certFile() + ": " + reason(e));
        }
        try {
            key = PemKeys.privateKey(readTlsFile(tls.keyFile()));
        } catch (IOException | PemKeys.PemException e) {
            error(nodes.get("key_file"), "tls_server_config.key_file", tls.keyFile() + ": " + reason(e));
        }
        if (tls.clientCaFile().isPresent()) {
            try {
                cas = PemKeys.certificates(readTlsFile(tls.clientCaFile().get()));
            } catch (IOException | PemKeys.PemException e) {
                error(nodes.get("client_ca_file"), "tls_server_config.client_ca_file", tls.clientCaFile().get() + ": " + reason(e));
            }
        }
        if (chain != null && key != null && !PemKeys.matches(key, chain.get(0))) {
            error(nodes.get("key_file"), "tls_server_config.key_file", tls.keyFile()
                    + ": the private key does not belong to the certificate in " + tls.certFile());
        }
        if (chain == null || key == null || !errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsMaterial(key, chain, cas));
    }

    private static byte[] readTlsFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
    }

    private Map<String, String> users(Node node) {
        Map<String, String> users = new LinkedHashMap<>();
        if (isNull(node)) {
            return users;
        }
        if (!MappingNode.class.isInstance(node)) {
            error(node, "basic_auth_users", "not a mapping (expected user name: bcrypt hash lines)");
            return users;
        }
        MappingNode mapping = (MappingNode) node;
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> user = scalar(tuple.getKeyNode(), "basic_auth_users");
            if (user.isEmpty()) {
                continue;
            }
            String key = "basic_auth_users." + user.get();
            if (users.containsKey(user.get())) {
                error(tuple.getKeyNode(), key, "user listed twice");
                continue;
            }
            if (user.get().isEmpty() || user.get().indexOf(':') >= 0) {
                error(tuple.getKeyNode(), key, "bad user name (expected a name without ':')");
                continue;
            }
            Node value = tuple.getValueNode();
            String hash = ScalarNode.class.isInstance(value) ? ((ScalarNode) value).getValue() : null;
            if (hash == null || !BCRYPT.matcher(hash).matches()) {
                // The value is never shown: it is a password hash, or a password pasted by mistake.
                error(value, key, "not a bcrypt hash (expected $2y$, $2b$ or $2a$, a cost of 04 to 31 and 53 characters,"
                        + " as htpasswd -nBC 10 USER writes it; the value is not shown)");
                continue;
            }
            users.put(user.get(), hash);
        }
        return users;
    }

    private Map<String, String> headers(Node node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (isNull(node)) {
            return headers;
        }
        if (!MappingNode.class.isInstance(node)) {
            error(node, "http_server_config.headers", "not a mapping (expected header name: value lines)");
            return headers;
        }
        MappingNode mapping = (MappingNode) node;
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> name = scalar(tuple.getKeyNode(), "http_server_config.headers");
            if (name.isEmpty()) {
                continue;
            }
            String key = "http_server_config.headers." + name.get();
            Optional<String> value = scalar(tuple.getValueNode(), key);
            if (value.isEmpty()) {
                continue;
            }
            if (!HEADERS.containsKey(name.get())) {
                error(tuple.getKeyNode(), key, "header not allowed (expected one of " + String.join(", ", HEADERS.keySet()) + ")");
            } else if (HEADERS.get(name.get()) != null && !HEADERS.get(name.get()).contains(value.get().toLowerCase(Locale.ROOT))) {
                error(tuple.getValueNode(), key, "bad value (expected " + String.join(" or ", HEADERS.get(name.get()))
                        + ", got " + quoted(value.get()) + ")");
            } else if (!value.get().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                error(tuple.getValueNode(), key, "bad value (expected printable ASCII, got " + quoted(value.get()) + ")");
            } else {
                headers.put(name.get(), value.get());
            }
        }
        return headers;
    }

    private WebConfig.TlsVersion version(Map<String, NodeTuple> keys, String name, WebConfig.TlsVersion fallback) {
        if (!keys.containsKey(name)) {
            return fallback;
        }
        Node value = keys.get(name).getValueNode();
        Optional<String> text = scalar(value, "tls_server_config." + name);
        if (text.isEmpty()) {
            return fallback;
        }
        for (WebConfig.TlsVersion version : WebConfig.TlsVersion.values()) {
            if (version.name().equals(text.get())) {
                return version;
            }
        }
        error(value, "tls_server_config." + name, "unknown TLS version (expected TLS10, TLS11, TLS12 or TLS13, got "
                + quoted(text.get()) + ")");
        return fallback;
    }

    /** A file name, relative to the web config's directory as the toolkit takes it. */
    private Optional<Path> path(Map<String, NodeTuple> keys, String name) {
        if (!keys.containsKey(name)) {
            return Optional.empty();
        }
        Node value = keys.get(name).getValueNode();
        Optional<String> text = scalar(value, "tls_server_config." + name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank() || text.get().indexOf('\0') >= 0) {
            error(value, "tls_server_config." + name, "bad file name (expected the path of a PEM file, got "
                    + quoted(text.get()) + ")");
            return Optional.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return Optional.of(dir == null ? Path.of(text.get()) : dir.resolve(text.get()));
        } catch (RuntimeException e) {
            error(value, "tls_server_config." + name, "bad file name (expected the path of a PEM file, got "
                    + quoted(text.get()) + ")");
            return Optional.empty();
        }
    }

    /** The keys of a mapping; unknown ones are warned about, duplicates are errors. */
    private Map<String, NodeTuple> mapping(Node node, String prefix, Set<String> known) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        if (!MappingNode.class.isInstance(node)) {
            error(node, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "not a mapping (expected key: value lines)");
            return keys;
        }
        MappingNode mapping = (MappingNode) node;
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = scalar(tuple.getKeyNode(), prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1));
            if (key.isEmpty()) {
                continue;
            }
            if (!known.contains(key.get())) {
                warnings.add(problem(tuple.getKeyNode(), prefix + key.get(), "unknown key, ignored (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")", false));
            } else if (keys.containsKey(key.get())) {
                error(tuple.getKeyNode(), prefix + key.get(), "given twice");
            } else {
                keys.put(key.get(), tuple);
            }
        }
        return keys;
    }

    private Optional<String> scalar(Node node, String key) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        error(node, key, node instanceof SequenceNode ? "a list where a single value belongs" : "a mapping where a single value belongs");
        return Optional.empty();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || scalar.getValue().equals("~")
                || scalar.getValue().equals("null")) && scalar.getTag().getValue().endsWith(":null");
    }

    private void error(Node at, String key, String message) {
        errors.add(problem(at, key, message, true));
    }

    private void warn(Node at, String key, String message) {
        warnings.add(problem(at, key, message, true));
    }

    private ConfigProblem problem(Node at, String key, String message, boolean known) {
        int line = at == null ? 0 : at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        // A user name or header name from the file is shown as any input is; wgtrack's own key names as they are.
        boolean safe = known && key != null && (key.startsWith("tls_server_config") || key.equals("rate_limit")
                || key.equals("http_server_config.http2") || key.equals("http_server_config.headers")
                || key.equals("http_server_config") || key.equals("basic_auth_users")
                || key.startsWith("http_server_config.headers.") && HEADERS.containsKey(key.substring(27)));
        return new ConfigProblem(source, line, null, key, message, false, safe);
    }

    private static String quoted(String text) {
        return "'" + Shown.value(text) + "'";
    }

    private static String oneLine(String text) {
        return text == null ? "unknown problem" : Shown.value(text.strip().replaceAll("\\s+", " "));
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
