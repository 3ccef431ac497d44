package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads a NetworkManager WireGuard connection keyfile (nm-settings-keyfile(5), in GLib's key
 * file syntax), keeping what wgtrack uses:
 *
 * <pre>
 * [connection]
 * id=Office VPN                        # names the interface
 * type=wireguard
 * interface-name=wg0
 *
 * [wireguard]
 * private-key=…                        # checked, never kept or shown
 *
 * [wireguard-peer.k8YzRPddC0y0x3K6/JmzpXdgYqQYdzGPl0dqErRbRGo=]
 * endpoint=vpn.example.net:51820
 * allowed-ips=10.10.0.2/32;192.168.2.0/24;
 * persistent-keepalive=25
 *
 * [ipv4]
 * address1=10.10.0.1/24                # the interface's addresses (a ",gateway" part is ignored)
 * </pre>
 *
 * GLib's rules: leading whitespace is skipped; lines starting with {@code #} and empty lines
 * are comments; {@code [group]} headers and {@code key=value} lines, case-sensitive, whitespace
 * around the {@code =} stripped; {@code \s}, {@code \t}, {@code \n}, {@code \r} and {@code \\}
 * escapes in values; a group written twice is one group; a later key replaces an earlier one;
 * lists are separated by {@code ;}. Anything else refuses the file with its line, never shown.
 */
public final class NmKeyfileParser {

    private static final String PEER_GROUP = "wireguard-peer.";
    private static final Pattern ADDRESS_KEY = Pattern.compile("address[0-9]+");

    /** What {@code [connection]} says the file is about. */
    public record Identity(Optional<String> type, Optional<String> interfaceName) {

        public boolean isWireGuard(String name) {
            return type.equals(Optional.of("wireguard")) && interfaceName.equals(Optional.of(name));
        }
    }

    private record Entry(int line, String value) {
    }

    private record Group(int line, Map<String, Entry> entries) {
    }

    private NmKeyfileParser() {
    }

    /** Type and interface name from {@code [connection]}, skipping lines that cannot be read. */
    public static Identity identify(ConfigText file) {
        Map<String, Group> groups = groups(file, true);
        Group connection = groups.get("connection");
        if (connection == null) {
            return new Identity(Optional.empty(), Optional.empty());
        }
        return new Identity(Optional.ofNullable(connection.entries().get("type")).map(Entry::value),
                Optional.ofNullable(connection.entries().get("interface-name")).map(Entry::value));
    }

    public static InterfaceConfig parse(ConfigText file) throws WgConfigException {
        Map<String, Group> groups;
        try {
            groups = groups(file, false);
        } catch (UnreadableLine e) {
            throw new WgConfigException(file.source(), e.line, e.getMessage());
        }
        ConfigValues values = new ConfigValues(file.source());
        Group wireguard = groups.get("wireguard");
        if (wireguard != null) {
            Entry key = wireguard.entries().get("private-key");
            if (key != null && !key.value().isEmpty()) {
                values.secret("private-key", key.value(), key.line());
            }
        }
        List<PeerConfig> peers = new ArrayList<>();
        for (Map.Entry<String, Group> group : groups.entrySet()) {
            if (group.getKey().startsWith(PEER_GROUP)) {
                peers.add(peer(values, group.getKey().substring(PEER_GROUP.length()), group.getValue()));
            }
        }
        List<AllowedIp> addresses = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            Group ip = groups.get(family);
            if (ip == null) {
                continue;
            }
            for (Map.Entry<String, Entry> entry : ip.entries().entrySet()) {
                if (ADDRESS_KEY.matcher(entry.getKey()).matches()) {
                    String value = entry.getValue().value();
                    int comma = value.indexOf(',');
                    addresses.add(values.allowedIp(entry.getKey(), (comma < 0 ? value : value.substring(0, comma)).strip(),
                            entry.getValue().line()));
                }
            }
        }
        Optional<String> id = Optional.ofNullable(groups.get("connection"))
                .map(c -> c.entries().get("id")).map(Entry::value).filter(v -> !v.isEmpty());
        return new InterfaceConfig(file.source(), addresses, peers, id);
    }

    private static PeerConfig peer(ConfigValues values, String keyText, Group group) throws WgConfigException {
        if (!PublicKey.isValid(keyText)) {
            throw values.error(group.line(), "bad [wireguard-peer.…] group (expected the peer's public key of "
                    + ConfigValues.KEY_SHAPE + " after the dot, got " + ConfigValues.shown(keyText) + ")");
        }
        Map<String, Entry> entries = group.entries();
        Entry preshared = entries.get("preshared-key");
        if (preshared != null && !preshared.value().isEmpty()) {
            values.secret("preshared-key", preshared.value(), preshared.line());
        }
        Optional<Endpoint> endpoint = Optional.empty();
        Entry endpointEntry = entries.get("endpoint");
        if (endpointEntry != null && !endpointEntry.value().isEmpty()) {
            endpoint = Optional.of(values.endpoint("endpoint", endpointEntry.value(), endpointEntry.line()));
        }
        List<AllowedIp> allowedIps = new ArrayList<>();
        Entry allowed = entries.get("allowed-ips");
        if (allowed != null) {
            for (String item : allowed.value().split(";")) {
                if (!item.isBlank()) {
                    allowedIps.add(values.allowedIp("allowed-ips", item.strip(), allowed.line()));
                }
            }
        }
        OptionalInt keepalive = OptionalInt.empty();
        Entry keepaliveEntry = entries.get("persistent-keepalive");
        if (keepaliveEntry != null) {
            keepalive = values.keepalive("persistent-keepalive", keepaliveEntry.value(), keepaliveEntry.line());
        }
        return new PeerConfig(new PublicKey(keyText), endpoint, allowedIps, keepalive, Optional.empty(), group.line());
    }

    /** The groups in the order they first appear, each with its keys (the last of a repeated key wins). */
    private static Map<String, Group> groups(ConfigText file, boolean lenient) {
        Map<String, Group> groups = new LinkedHashMap<>();
        Group current = null;
        List<String> lines = TextLines.of(file.text());
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).stripLeading();
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '[') {
                String header = line.stripTrailing();
                if (header.length() < 3 || header.charAt(header.length() - 1) != ']') {
                    if (lenient) {
                        current = null;
                        continue;
                    }
                    throw new UnreadableLine(number, "malformed group header (expected [group]; line not shown)");
                }
                int headerLine = number;
                current = groups.computeIfAbsent(header.substring(1, header.length() - 1),
                        name -> new Group(headerLine, new LinkedHashMap<>()));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                if (lenient) {
                    continue;
                }
                throw new UnreadableLine(number, current == null && eq > 0
                        ? "key before any group (expected [connection] first; line not shown)"
                        : "not a group, key=value line or comment (line not shown)");
            }
            String value = unescape(line.substring(eq + 1).strip());
            if (value == null) {
                if (lenient) {
                    continue;
                }
                throw new UnreadableLine(number, "bad escape in a value (expected \\s, \\t, \\n, \\r or \\\\; line not shown)");
            }
            current.entries().put(line.substring(0, eq).strip(), new Entry(number, value));
        }
        return groups;
    }

    /** GLib's value escapes; {@code \;} stays as it is for the list split. Null for a bad escape. */
    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == value.length()) {
                return null;
            }
            switch (value.charAt(i)) {
                case 's' -> out.append(' ');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                case ';' -> out.append("\\;");
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }

    /** A line GLib would refuse; carries its number out of the group reader. */
    private static final class UnreadableLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        UnreadableLine(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
