package org.wgtrack.events;

import java.math.BigDecimal;
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
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.Shown;

/**
 * Turns {@code [hook:<name>]} sections into hook specs, purely: on SIGHUP the daemon validates
 * the new sections first and keeps the running hooks when they are broken. Unknown keys are
 * warnings; bad values are errors naming file, line, section, key and value.
 */
public final class HookFactory {

    /** Every key of an exec hook, in the order of the README's table. */
    static final List<String> KEYS = List.of("type", "command", "timeout", "on", "interfaces", "peers", "down_after",
            "on_startup", "concurrency");
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
            String type = section.get("type").map(SettingValue::value).orElse("exec");
            if (!type.equals("exec")) {
                error("type", "expected exec (webhooks are not available yet)");
            }
            Optional<List<String>> command = section.get("command").flatMap(v -> CommandLine.split(v.value()));
            if (section.get("command").isEmpty()) {
                errors.add(new ConfigProblem(section.source(), section.line(), section.section(), null,
                        "no command (expected command = /path/to/program [args…])"));
            } else if (command.isEmpty()) {
                error("command", "expected a program and its arguments, quotes closed, escapes \\\\ \\\" \\' \\n \\t \\r or \\ and a space");
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
            return Optional.of(new HookSpec(section.name(), command.orElseThrow(), timeout, on, interfaces, peers, downAfter,
                    onStartup, concurrency));
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
        String text = value.value();
        if (!text.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            return Optional.empty();
        }
        BigDecimal seconds = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        if (seconds.compareTo(new BigDecimal("0.001")) < 0 || seconds.compareTo(BigDecimal.valueOf(3600)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
    }

    /** Comma-separated, spaces around items ignored, empty items skipped. */
    private static Set<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String quote(String text) {
        return "'" + Shown.value(text) + "'";
    }
}
