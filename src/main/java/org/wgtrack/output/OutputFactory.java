package org.wgtrack.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.OutputSettings;
import org.wgtrack.config.SettingValue;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.Shown;
import org.wgtrack.wg.IpLiteral;

/**
 * Turns {@code [output:<name>]} sections into outputs. {@link #validate} is pure: on SIGHUP the
 * daemon validates the new sections and, only if that succeeds, hands the plan to
 * {@link OutputSet#reconfigure}; a broken section therefore leaves the running outputs alone.
 *
 * <p>Unknown keys are warnings; bad values and unknown types are errors naming file, line,
 * section, key and value. Keys that {@code [DEFAULT]} makes visible in every section never
 * reach here: the config loader passes only the keys written in the output's own section.
 */
public final class OutputFactory {

    /** Every key of each output type; OutputKeysDocumentedTest holds the README and wgtrack.conf(5) to it. */
    static final Map<String, Set<String>> KEYS_BY_TYPE = Map.of(
            "influx", Set.of("filename", "counter_type", "schema"),
            "json", Set.of("filename"),
            "prometheus", Set.of("listen", "port", "compatible_with", "web_config_file"),
            "events", Set.of("filename", "max_size", "keep"));

    private OutputFactory() {
    }

    /** Validates every section and reports every problem at once; no side effects. */
    public static OutputPlan validate(List<OutputSettings> sections) throws ConfigException {
        List<ConfigProblem> errors = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        List<OutputSpec> specs = new ArrayList<>();
        for (OutputSettings section : sections) {
            new SectionReader(section, errors, warnings).read().ifPresent(specs::add);
        }
        checkClashes(sections, specs, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new OutputPlan(specs, warnings);
    }

    /** Two outputs writing one file, or two servers on one address, would fight every cycle. */
    /** The file an output writes; empty for the prometheus output, which listens instead. */
    private static Optional<Path> fileOf(OutputSpec spec) {
        if (InfluxSpec.class.isInstance(spec)) {
            return Optional.of(((InfluxSpec) spec).filename());
        }
        if (JsonSpec.class.isInstance(spec)) {
            return Optional.of(((JsonSpec) spec).filename());
        }
        if (EventsSpec.class.isInstance(spec)) {
            return Optional.of(((EventsSpec) spec).filename());
        }
        return Optional.empty();
    }

    private static void checkClashes(List<OutputSettings> sections, List<OutputSpec> specs, List<ConfigProblem> errors) {
        Map<String, OutputSettings> byName = new HashMap<>();
        sections.forEach(s -> byName.put(s.name(), s));
        Map<Object, String> owner = new HashMap<>();
        for (OutputSpec spec : specs) {
            Object resource;
            String key;
            String value;
            Optional<Path> file = fileOf(spec);
            if (file.isPresent()) {
                resource = file.get();
                key = "filename";
                value = file.get().toString();
            } else {
                PrometheusSpec prometheus = (PrometheusSpec) spec;
                if (prometheus.port() == 0) {
                    continue;
                }
                resource = prometheus.listen() + " port " + prometheus.port();
                OutputSettings section = byName.get(spec.name());
                boolean portInListen = section.get("port").isEmpty() && section.get("listen").isPresent();
                key = portInListen ? "listen" : "port";
                value = portInListen ? section.get("listen").orElseThrow().value().strip() : Integer.toString(prometheus.port());
            }
            String previous = owner.putIfAbsent(resource, spec.name());
            if (previous != null) {
                OutputSettings section = byName.get(spec.name());
                SettingValue at = section.get(key).orElse(new SettingValue(value, section.source(), section.line()));
                errors.add(new ConfigProblem(at.source(), at.line(), section.section(), key,
                        Shown.value(value) + " is already used by [output:" + Shown.value(previous) + "]"));
            }
        }
    }

    /** Reads one section, collecting its problems. */
    private static final class SectionReader {
        private final OutputSettings section;
        private final List<ConfigProblem> errors;
        private final List<ConfigProblem> warnings;

        SectionReader(OutputSettings section, List<ConfigProblem> errors, List<ConfigProblem> warnings) {
            this.section = section;
            this.errors = errors;
            this.warnings = warnings;
        }

        Optional<OutputSpec> read() {
            String type = section.type().strip().toLowerCase(Locale.ROOT);
            Set<String> known = KEYS_BY_TYPE.get(type);
            if (known == null) {
                SettingValue at = section.get("type")
                        .orElse(new SettingValue(section.type(), section.source(), section.line()));
                errors.add(new ConfigProblem(at.source(), at.line(), section.section(), "type",
                        "unknown output type (expected influx, json, prometheus or events, got " + Shown.value(section.type()) + ")"));
                return Optional.empty();
            }
            for (String key : new TreeSet<>(section.values().keySet())) {
                if (!known.contains(key) && !key.equals("type")) {
                    SettingValue at = section.values().get(key);
                    warnings.add(new ConfigProblem(at.source(), at.line(), section.section(), key,
                            "unknown key, ignored (" + type + " outputs know " + String.join(", ", new TreeSet<>(known)) + ")"));
                }
            }
            int before = errors.size();
            OutputSpec spec = switch (type) {
                case "influx" -> new InfluxSpec(section.name(),
                        path("filename", InfluxSpec.DEFAULT_FILENAME), counterType(), schema());
                case "json" -> new JsonSpec(section.name(), path("filename", JsonSpec.DEFAULT_FILENAME));
                case "events" -> new EventsSpec(section.name(), path("filename", EventsSpec.DEFAULT_FILENAME),
                        size("max_size", EventsSpec.DEFAULT_MAX_SIZE), count("keep", EventsSpec.DEFAULT_KEEP));
                default -> prometheus();
            };
            return errors.size() == before ? Optional.of(spec) : Optional.empty();
        }

        /** Bytes, with an optional K, M or G (powers of 1024): {@code 10M}. */
        private long size(String key, long fallback) {
            Optional<SettingValue> value = section.get(key);
            if (value.isEmpty()) {
                return fallback;
            }
            String text = value.get().value().strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})([KMG]?)", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(text);
            if (m.matches() && Long.parseLong(m.group(1)) > 0) {
                int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    case "G" -> 30;
                    default -> 0;
                };
                return Long.parseLong(m.group(1)) << shift;
            }
            error(value.get(), key, "bad size (expected a number of bytes, optionally with K, M or G, such as 10M, got " + quoted(text) + ")");
            return fallback;
        }

        private int count(String key, int fallback) {
            Optional<SettingValue> value = section.get(key);
            if (value.isEmpty()) {
                return fallback;
            }
            String text = value.get().value().strip();
            if (text.matches("[0-9]{1,3}")) {
                return Integer.parseInt(text);
            }
            error(value.get(), key, "bad count (expected a whole number from 0 to 999, got " + quoted(text) + ")");
            return fallback;
        }

        private Path path(String key, Path fallback) {
            Optional<SettingValue> value = section.get(key);
            if (value.isEmpty()) {
                return fallback;
            }
            String text = value.get().value().strip();
            if (text.isEmpty() || !text.startsWith("/") || text.endsWith("/") || text.indexOf('\0') >= 0) {
                error(value.get(), key, "bad file name (expected an absolute path of a file, got " + quoted(text) + ")");
                return fallback;
            }
            return Path.of(text);
        }

        private InfluxSchema schema() {
            Optional<SettingValue> value = section.get("schema");
            if (value.isEmpty()) {
                return InfluxSchema.WGTRACK;
            }
            String text = value.get().value().strip().toLowerCase(Locale.ROOT);
            for (InfluxSchema schema : InfluxSchema.values()) {
                if (schema.label().equals(text)) {
                    return schema;
                }
            }
            error(value.get(), "schema", "bad schema (expected wgtrack or telegraf, got " + quoted(value.get().value()) + ")");
            return InfluxSchema.WGTRACK;
        }

        private CounterType counterType() {
            Optional<SettingValue> value = section.get("counter_type");
            if (value.isEmpty()) {
                return CounterType.INTEGER;
            }
            String text = value.get().value().strip().toLowerCase(Locale.ROOT);
            for (CounterType type : CounterType.values()) {
                if (type.label().equals(text)) {
                    return type;
                }
            }
            error(value.get(), "counter_type", "bad counter type (expected integer or float, got " + quoted(value.get().value()) + ")");
            return CounterType.INTEGER;
        }

        /**
         * {@code listen} and {@code port}. {@code listen} is an address ({@code 127.0.0.1},
         * {@code ::}, {@code [::1]}) with the port in {@code port}, or, as the Go exporters'
         * {@code --web.listen-address} has it, an address and a port together
         * ({@code 127.0.0.1:9587}, {@code [::]:9587}); then {@code port} must not be set as well.
         * Only IP literals: a listen address is never looked up.
         */
        private PrometheusSpec prometheus() {
            Optional<SettingValue> listen = section.get("listen");
            Optional<SettingValue> portValue = section.get("port");
            String host = PrometheusSpec.DEFAULT_LISTEN;
            OptionalInt portInListen = OptionalInt.empty();
            if (listen.isPresent()) {
                String text = listen.get().value().strip();
                String address = text;
                Optional<String> portText = Optional.empty();
                boolean bad = false;
                if (text.startsWith("[")) {
                    int close = text.indexOf(']');
                    String rest = close < 0 ? "" : text.substring(close + 1);
                    bad = close < 0 || !rest.isEmpty() && !rest.startsWith(":");
                    address = bad ? text : text.substring(1, close);
                    portText = bad || rest.isEmpty() ? Optional.empty() : Optional.of(rest.substring(1));
                } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                    address = text.substring(0, text.indexOf(':'));
                    portText = Optional.of(text.substring(text.indexOf(':') + 1));
                }
                if (bad || IpLiteral.parse(address).isEmpty()) {
                    error(listen.get(), "listen", "bad listen address (expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::,"
                            + " optionally with a port: 127.0.0.1:9587, [::]:9587; got " + quoted(text) + ")");
                } else {
                    host = address;
                    if (portText.isPresent()) {
                        portInListen = portNumber(portText.get());
                        if (portInListen.isEmpty()) {
                            error(listen.get(), "listen", "bad port in listen address (expected 0..65535, got " + quoted(text) + ")");
                        } else if (portValue.isPresent()) {
                            error(listen.get(), "listen", "port given twice (listen " + quoted(text) + " has one, and port is set; keep one)");
                        }
                    }
                }
            }
            int port = port(portValue);
            return new PrometheusSpec(section.name(), host, portInListen.orElse(port), compatibleWith(), webConfig());
        }

        /** The file is read and checked here (with the TLS files it names), so a bad one stops a start or a reload. */
        private Optional<Path> webConfig() {
            Optional<SettingValue> value = section.get("web_config_file");
            if (value.isEmpty() || value.get().value().isBlank()) {
                return Optional.empty();
            }
            Path file = path("web_config_file", null);
            if (file == null) {
                return Optional.empty();
            }
            try {
                warnings.addAll(WebConfigReader.read(file).warnings());
            } catch (WebConfigReader.WebConfigException e) {
                SettingValue at = value.get();
                for (ConfigProblem problem : e.problems()) {
                    errors.add(new ConfigProblem(at.source(), at.line(), section.section(), "web_config_file",
                            problem.toString()).vouchedFor(false, true));
                }
            }
            return Optional.of(file);
        }

        /** {@code compatible_with = prometheus_wireguard_exporter}: names separated by commas or spaces, empty by default. */
        private Set<CompatibilitySet> compatibleWith() {
            Optional<SettingValue> value = section.get("compatible_with");
            Set<CompatibilitySet> sets = EnumSet.noneOf(CompatibilitySet.class);
            if (value.isEmpty()) {
                return sets;
            }
            for (String name : value.get().value().strip().split("[\\s,]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                Optional<CompatibilitySet> set = Arrays.stream(CompatibilitySet.values())
                        .filter(c -> c.label().equals(name.toLowerCase(Locale.ROOT))).findFirst();
                if (set.isPresent()) {
                    sets.add(set.get());
                } else {
                    error(value.get(), "compatible_with", "unknown exporter (expected "
                            + Arrays.stream(CompatibilitySet.values()).map(CompatibilitySet::label).collect(Collectors.joining(", "))
                            + ", got " + quoted(name) + ")");
                }
            }
            return sets;
        }

        private int port(Optional<SettingValue> value) {
            if (value.isEmpty()) {
                return PrometheusSpec.DEFAULT_PORT;
            }
            String text = value.get().value().strip();
            OptionalInt port = portNumber(text);
            if (port.isPresent()) {
                return port.getAsInt();
            }
            error(value.get(), "port", "bad port (expected 0..65535, got " + quoted(text) + ")");
            return PrometheusSpec.DEFAULT_PORT;
        }

        private static OptionalInt portNumber(String text) {
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return OptionalInt.empty();
            }
            int port = Integer.parseInt(text);
            return port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
        }

        private void error(SettingValue at, String key, String message) {
            errors.add(new ConfigProblem(at.source(), at.line(), section.section(), key, message));
        }

        /** Input in a message: escaped, key-like runs hidden, shortened (an output's name may be a pasted key). */
        private static String quoted(String text) {
            return "'" + Shown.value(text) + "'";
        }
    }
}
