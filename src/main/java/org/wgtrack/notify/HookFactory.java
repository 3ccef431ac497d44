package org.wgtrack.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.HookSettings;
import org.wgtrack.config.SettingValue;
import org.wgtrack.config.ValueSyntax;
import org.wgtrack.events.EventType;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.Shown;

/**
 * Turns {@code [hook:<name>]} sections into hook specs, purely: on SIGHUP the daemon validates
 * the new sections first and keeps the running hooks when they are broken. Unknown keys are
 * warnings; bad values are errors naming file, line, section, key and value.
 */
public final class HookFactory {

    /** Every key a hook may have, in the order of the README's table. */
    static final List<String> KEYS = List.of("type", "command", "url", "format", "header", "header_file", "retries", "timeout",
            "on", "interfaces", "peers", "down_after", "on_startup", "concurrency");
    static final int DEFAULT_RETRIES = 3;
    private static final Set<String> EXEC_ONLY = Set.of("command");
    private static final Set<String> WEBHOOK_ONLY = Set.of("url", "format", "header", "header_file", "retries");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Set<EventType> DEFAULT_ON = EnumSet.of(EventType.DOWN, EventType.UP);
    static final int DEFAULT_CONCURRENCY = 4;
    private static final Map<String, Boolean> BOOLEANS = Map.of("1", true, "yes", true, "true", true, "on", true,
            "0", false, "no", false, "false", false, "off", false);

    /** The hooks of a configuration, with what is worth a warning. */
    public record HookPlan(List<HookSpec> hooks, List<ConfigProblem> warnings) {

        public static final HookPlan NONE = new HookPlan(List.of(), List.of());

        public HookPlan {
            hooks = List.copyOf(hooks);
            warnings = List.copyOf(warnings);
        }
    }

    private HookFactory() {
    }

    public static HookPlan validate(List<HookSettings> sections) throws ConfigException {
        List<ConfigProblem> errors = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        List<HookSpec> hooks = new ArrayList<>();
        for (HookSettings section : sections) {
            new Reader(section, errors, warnings).read().ifPresent(hooks::add);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new HookPlan(hooks, warnings);
    }

    /** Reads one section, adding its problems to the lists. */
    private record Reader(HookSettings section, List<ConfigProblem> errors, List<ConfigProblem> warnings) {

        Optional<HookSpec> read() {
            int before = errors.size();
            for (Map.Entry<String, SettingValue> entry : section.values().entrySet()) {
                if (!KEYS.contains(entry.getKey())) {
                    warnings.add(problem(entry.getValue(), entry.getKey(), "unknown key, ignored (expected one of "
                            + String.join(", ", KEYS) + ")"));
                }
            }
            String type = section.get("type").map(SettingValue::value).orElse(section.get("url").isPresent() ? "webhook" : "exec");
            Optional<List<String>> command = Optional.empty();
            Optional<Webhook> webhook = Optional.empty();
            Set<String> otherTypes = type.equals("exec") ? WEBHOOK_ONLY : type.equals("webhook") ? EXEC_ONLY : Set.of();
            for (String key : otherTypes) {
                section.get(key).ifPresent(v -> warnings.add(problem(v, key, "applies to type = "
                        + (type.equals("exec") ? "webhook" : "exec") + " only; ignored")));
            }
            if (type.equals("exec")) {
                command = section.get("command").flatMap(v -> CommandLine.split(v.value()));
                if (section.get("command").isEmpty()) {
                    errors.add(new ConfigProblem(section.source(), section.line(), section.section(), null,
                            "no command (expected command = /path/to/program [args…])"));
                } else if (command.isEmpty()) {
                    error("command", "expected a program and its arguments, quotes closed, escapes \\\\ \\\" \\' \\n \\t \\r or \\ and a space");
                }
            } else if (type.equals("webhook")) {
                webhook = webhook();
            } else {
                error("type", "expected exec or webhook");
            }
            Duration timeout = section.get("timeout").map(v -> seconds(v).orElseGet(() -> {
                error("timeout", "expected a number of seconds from 0.001 to 3600");
                return DEFAULT_TIMEOUT;
            })).orElse(DEFAULT_TIMEOUT);
            Set<EventType> on = section.get("on").map(this::eventTypes).orElse(DEFAULT_ON);
            int downAfter = section.get("down_after").map(v -> whole(v, 0, 1_000_000, "down_after")).orElse(0);
            boolean onStartup = section.get("on_startup").map(v -> {
                Boolean b = BOOLEANS.get(v.value().toLowerCase(Locale.ROOT));
                if (b == null) {
                    error("on_startup", "expected yes, no, true, false, on, off, 1 or 0");
                    return false;
                }
                return b;
            }).orElse(false);
            int concurrency = section.get("concurrency").map(v -> whole(v, 1, 64, "concurrency")).orElse(DEFAULT_CONCURRENCY);
            Set<String> interfaces = section.get("interfaces").map(v -> items(v.value())).orElse(Set.of());
            Set<String> peers = section.get("peers").map(v -> items(v.value())).orElse(Set.of());
            if (errors.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new HookSpec(section.name(), command.orElse(List.of()), webhook, timeout, on, interfaces, peers,
                    downAfter, onStartup, concurrency));
        }

        private Optional<Webhook> webhook() {
            Optional<SettingValue> url = section.get("url");
            if (url.isEmpty()) {
                errors.add(new ConfigProblem(section.source(), section.line(), section.section(), null,
                        "no url (expected url = http://… or https://…)"));
                return Optional.empty();
            }
            java.net.URI uri = null;
            try {
                uri = new java.net.URI(url.get().value());
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            if (uri == null || uri.getRawAuthority() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                errors.add(problem(url.get(), "url", "invalid value (expected http://host/… or https://host/…; value not shown,"
                        + " a webhook URL may hold a token)"));
                return Optional.empty();
            }
            Webhook.Format format = Webhook.Format.JSON;
            Optional<SettingValue> formatValue = section.get("format");
            if (formatValue.isPresent()) {
                switch (formatValue.get().value().toLowerCase(Locale.ROOT)) {
                    case "json" -> format = Webhook.Format.JSON;
                    case "text" -> format = Webhook.Format.TEXT;
                    default -> error("format", "expected json or text");
                }
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            section.get("header").ifPresent(v -> headers(v, "header", v.value(), headers));
            section.get("header_file").ifPresent(v -> {
                try {
                    String text = new org.wgtrack.files.TextFileReader(org.wgtrack.files.TextFileReader.SYSTEM)
                            .read(java.nio.file.Path.of(v.value()));
                    headers(v, "header_file", text, headers);
                } catch (org.wgtrack.files.TextFileException e) {
                    errors.add(problem(v, "header_file", "cannot read " + quote(v.value()) + ": " + e.reason()));
                } catch (java.nio.file.InvalidPathException e) {
                    errors.add(problem(v, "header_file", "cannot read " + quote(v.value()) + ": not a path"));
                }
            });
            int retries = section.get("retries").map(v -> whole(v, 0, 10, "retries")).orElse(DEFAULT_RETRIES);
            return Optional.of(new Webhook(uri, format, headers, retries));
        }

        /** {@code Name: value} lines (a multi-line value holds several); values are never shown, they may be tokens. */
        private void headers(SettingValue where, String key, String text, Map<String, String> headers) {
            for (String line : text.split("\n")) {
                String header = line.strip();
                if (header.isEmpty() || header.startsWith("#")) {
                    continue;
                }
                int colon = header.indexOf(':');
                String name = colon <= 0 ? "" : header.substring(0, colon).strip();
                if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+") || name.equalsIgnoreCase("content-type")
                        || name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("host")) {
                    errors.add(problem(where, key, "bad header (expected Name: value with a header name other than"
                            + " Content-Type, Content-Length or Host; line not shown)"));
                    continue;
                }
                headers.put(name, header.substring(colon + 1).strip());
            }
        }

        private Set<EventType> eventTypes(SettingValue value) {
            Set<EventType> types = EnumSet.noneOf(EventType.class);
            for (String item : items(value.value())) {
                Optional<EventType> type = EventType.byLabel(item.toLowerCase(Locale.ROOT));
                if (type.isEmpty()) {
                    errors.add(problem(value, "on", "unknown event " + quote(item) + " (expected "
                            + Arrays.stream(EventType.values()).map(EventType::label).collect(Collectors.joining(", ")) + ")"));
                } else {
                    types.add(type.get());
                }
            }
            if (types.isEmpty() && errors.isEmpty()) {
                errors.add(problem(value, "on", "no event (expected one or more of down, up, endpoint_changed, …)"));
            }
            return types;
        }

        private int whole(SettingValue value, int min, int max, String key) {
            String text = value.value();
            if (text.matches("[0-9]{1,7}")) {
                int n = Integer.parseInt(text);
                if (n >= min && n <= max) {
                    return n;
                }
            }
            errors.add(problem(value, key, "invalid value " + quote(text) + " (expected a whole number from " + min + " to " + max + ")"));
            return min;
        }

        private void error(String key, String expected) {
            SettingValue value = section.get(key).orElseThrow();
            errors.add(problem(value, key, "invalid value " + quote(value.value()) + " (" + expected + ")"));
        }

        private ConfigProblem problem(SettingValue value, String key, String message) {
            return new ConfigProblem(value.source(), value.line(), section.section(), key, message);
        }
    }

    private static Optional<Duration> seconds(SettingValue value) {
        return ValueSyntax.seconds(value.value(), 3600);
    }

    private static Set<String> items(String text) {
        return new LinkedHashSet<>(ValueSyntax.items(text));
    }

    private static String quote(String text) {
        return "'" + Shown.value(text) + "'";
    }
}
