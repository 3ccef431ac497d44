package org.wgtrack.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wgtrack.log.LogLevel;
import org.wgtrack.wg.ConfigFormat;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.IpLiteral;

/**
 * Every key wgtrack reads from its own config (SPEC §1.1), with where it may be written and how
 * its text becomes a value. Parsing never resolves names and never throws: an empty result means
 * the text is not allowed, and {@link #expected()} says what is.
 */
enum Setting {
    // key, scope, documented default ("" = empty), what is allowed, meaning (the README's and
    // wgtrack.conf(5)'s reference tables are these rows: ConfigReferenceTest), parser
    CYCLE_TIME("cycle_time", Scope.DAEMON, "30", "a number of seconds from 0.001 to 86400",
            "time between the starts of two cycles", v -> seconds(v, 86_400)),
    PING_INTERVAL("ping_interval", Scope.TRACKING, "1", wholeNumber(0),
            "ping a peer every N cycles while its handshake looks alive; 0 = never ping", v -> integer(v, 0)),
    PING_FAILAFTERNUM("ping_failafternum", Scope.TRACKING, "2", wholeNumber(1),
            "consecutive failed pings after which the link counts as down", v -> integer(v, 1)),
    PING_TIMEOUT("ping_timeout", Scope.TRACKING, "1", "a number of seconds from 0.001 to 3600",
            "how long to wait for an echo reply", v -> seconds(v, 3_600)),
    PING_ADDRESS("ping_address", Scope.TRACKING, "",
            "an IPv4 or IPv6 address, or empty for the first allowed-ip; hostnames are not resolved",
            "address to ping instead of the peer's first allowed-ip of the tunnel's address family;"
                    + " an empty value in a peer section undoes an address set for its interface",
            Setting::pingAddress),
    CYCLES_WAIT("cycles_wait", Scope.TRACKING, "2", wholeNumber(0),
            "cycles to wait after a link went down before the first re-resolution", v -> integer(v, 0)),
    CYCLES_CHECKING("cycles_checking", Scope.TRACKING, "4", wholeNumber(1),
            "re-resolutions in the checking phase (the first happens on entering it)", v -> integer(v, 1)),
    CYCLES_CHECKPERIOD("cycles_checkperiod", Scope.TRACKING, "2", wholeNumber(1),
            "cycles between re-resolutions in the checking phase", v -> integer(v, 1)),
    CYCLES_SLOWCHECKINGPERIOD("cycles_slowcheckingperiod", Scope.TRACKING, "20", wholeNumber(1),
            "longest interval (cycles) between re-resolutions", v -> integer(v, 1)),
    ADDRESS_FAMILY("address_family", Scope.TRACKING, "any", "any, ipv4 or ipv6",
            "which resolved addresses may become the endpoint", Setting::addressFamily),
    TRACK("track", Scope.TRACKING, "yes", "yes, no, true, false, on, off, 1 or 0",
            "`no` leaves the interface or peer out of tracking and outputs", Setting::bool),
    HANDSHAKE_TIMEOUT("handshake_timeout", Scope.TRACKING, "180", "a whole number of seconds from 1 to 1000000",
            "handshake age above which the handshake counts as `failed`; a value below 135 (or 120) skips"
                    + " the `retrying` (and `pending`) statuses",
            v -> integer(v, 1).map(s -> Duration.ofSeconds((Integer) s))),
    NAME("name", Scope.NAMING, "", "a single line of text",
            "friendly name of the peer (`[peer:…]`) or the interface (`[interface:…]`); not inherited; a"
                    + " peer's name may also come from a friendly-name comment in its WireGuard configuration; the config wins",
            v -> v.contains("\n") ? Optional.empty() : Optional.of(v.isEmpty() ? Optional.empty() : Optional.of(v))),
    LOGLEVEL("loglevel", Scope.DAEMON, "info", "debug, info, warning or error",
            "log level; `--loglevel` / `-l` overrides", v -> LogLevel.parse(v).map(l -> l)),
    WIREGUARD_CONFIG_DIR("wireguard_config_dir", Scope.DAEMON, "/etc/wireguard", "a directory path",
            "where the wg-quick files `<ifname>.conf` are read", Setting::path),
    WG_COMMAND("wg_command", Scope.DAEMON, "wg", "a command name or path",
            "the wg(8) program", v -> singleLine(v).map(s -> s)),
    CONFIG_SOURCES("config_sources", Scope.DAEMON, "wg-quick, networkd, networkmanager",
            "a comma-separated list of wg-quick, networkd and networkmanager, each at most once, or empty for none",
            "where an interface's configuration is looked for, in this order (see Where wgtrack finds your peers)",
            Setting::configSources),
    NETWORKD_CONFIG_DIRS("networkd_config_dirs", Scope.DAEMON,
            "/etc/systemd/network, /run/systemd/network, /usr/local/lib/systemd/network, /usr/lib/systemd/network",
            "a comma-separated list of directory paths",
            "systemd-networkd's search path for `.netdev` files, most important first", Setting::paths),
    NETWORKMANAGER_CONFIG_DIRS("networkmanager_config_dirs", Scope.DAEMON,
            "/etc/NetworkManager/system-connections, /run/NetworkManager/system-connections",
            "a comma-separated list of directory paths",
            "NetworkManager's connection directories, most important first", Setting::paths),
    ENDPOINT("endpoint", Scope.PEER, "", "host:port or [address]:port, or empty for the peer's WireGuard configuration",
            "the endpoint to re-resolve for this peer (`[peer:…]` only); wins over any WireGuard configuration file",
            Setting::endpoint);

    /** Where a key means something. */
    enum Scope {
        /** daemon-wide: [general], then [DEFAULT] */
        DAEMON,
        /** per peer: [peer:…] → [interface:…] → [general] → [DEFAULT] → built-in */
        TRACKING,
        /** one peer's or one interface's own name: not inherited */
        NAMING,
        /** one peer's own, only in [peer:…]: not inherited */
        PEER
    }

    static final int MAX_WHOLE_NUMBER = 1_000_000;
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    /** configparser's BOOLEAN_STATES. */
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "1", true, "yes", true, "true", true, "on", true,
            "0", false, "no", false, "false", false, "off", false);
    private static final Map<String, Setting> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Setting::key, s -> s));

    private final String key;
    private final Scope scope;
    private final String defaultText;
    private final String expected;
    private final String meaning;
    private final Function<String, Optional<Object>> parser;

    Setting(String key, Scope scope, String defaultText, String expected, String meaning,
            Function<String, Optional<Object>> parser) {
        this.key = key;
        this.scope = scope;
        this.defaultText = defaultText;
        this.expected = expected;
        this.meaning = meaning;
        this.parser = parser;
    }

    String key() {
        return key;
    }

    Scope scope() {
        return scope;
    }

    /** What is allowed, for messages: "a whole number from 1 to 1000000". */
    String expected() {
        return expected;
    }

    /** The built-in default as a value would be written ("30", "/etc/wireguard"); "" = empty or none. */
    String defaultText() {
        return defaultText;
    }

    /** One sentence for the reference tables (README, wgtrack.conf(5)). */
    String meaning() {
        return meaning;
    }

    /**
     * The typed value ({@code Duration}, {@code Integer}, {@code Optional<InetAddress>},
     * {@code AddressFamily}, {@code Boolean}, {@code Optional<String>}, {@code LogLevel},
     * {@code Path}, {@code String}, {@code List<ConfigFormat>}, {@code List<Path>},
     * {@code Optional<Endpoint>}), or empty when the text is not allowed.
     */
    Optional<Object> parse(String text) {
        return parser.apply(text);
    }

    static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    private static String wholeNumber(int min) {
        return "a whole number from " + min + " to " + MAX_WHOLE_NUMBER;
    }

    private static Optional<Object> integer(String text, int min) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value < min || value > MAX_WHOLE_NUMBER ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Object> seconds(String text, int max) {
        return ValueSyntax.seconds(text, max).map(d -> d);
    }

    private static Optional<Object> pingAddress(String text) {
        if (text.isEmpty()) {
            return Optional.of(Optional.empty()); // lets a peer undo an interface's ping_address
        }
        return IpLiteral.parse(text).map(Optional::of);
    }

    private static Optional<Object> addressFamily(String text) {
        for (AddressFamily family : AddressFamily.values()) {
            if (family.label().equalsIgnoreCase(text)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> bool(String text) {
        return Optional.ofNullable(BOOLEANS.get(text.toLowerCase(Locale.ROOT)));
    }

    private static Optional<String> singleLine(String text) {
        return text.isEmpty() || text.contains("\n") ? Optional.empty() : Optional.of(text);
    }

    private static Optional<Object> path(String text) {
        if (singleLine(text).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> configSources(String text) {
        List<ConfigFormat> formats = new ArrayList<>();
        for (String item : items(text)) {
            Optional<ConfigFormat> format = ConfigFormat.byLabel(item);
            if (format.isEmpty() || formats.contains(format.get())) {
                return Optional.empty();
            }
            formats.add(format.get());
        }
        return Optional.of(List.copyOf(formats));
    }

    private static Optional<Object> paths(String text) {
        List<Path> paths = new ArrayList<>();
        for (String item : items(text)) {
            Optional<Object> path = path(item);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            paths.add((Path) path.get());
        }
        return paths.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(paths));
    }

    private static List<String> items(String text) {
        return ValueSyntax.items(text);
    }

    private static Optional<Object> endpoint(String text) {
        if (text.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        return Endpoint.parseConfigured(text).map(Optional::of);
    }
}
