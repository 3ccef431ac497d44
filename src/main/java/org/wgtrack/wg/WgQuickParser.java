package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.wgtrack.log.Shown;

/**
 * Reads a wg-quick file ({@code /etc/wireguard/wg0.conf}) the way wg-quick and wg read it,
 * keeping only what wgtrack uses:
 *
 * <pre>
 * [Interface]
 * Address = 10.10.0.1/24, fd00::1/64
 * PrivateKey = …                      # checked, never kept or shown
 * PostUp = iptables -A FORWARD …      # wg-quick only: ignored
 *
 * # friendly_name = branch-office       # a name directly above the section counts too
 * [Peer]
 * # Name = branch-office               # or friendly_name, friendly_json (FriendlyName)
 * PublicKey = k8YzRPddC0y0x3K6/JmzpXdgYqQYdzGPl0dqErRbRGo=
 * Endpoint = vpn.example.net:51820
 * AllowedIPs = 10.10.0.2/32
 * AllowedIPs = 192.168.2.0/24         # repeated lines add up
 * PersistentKeepalive = 25
 * </pre>
 *
 * Section names and keys are case-insensitive. Unknown keys are accepted and ignored in both
 * sections: wg-quick strips its own keys before handing the rest to {@code wg setconf}, and
 * wgtrack should not refuse a file that a newer wg-quick accepts. What cannot be read at all
 * (a line that is no section, key or comment; a key before any section; a bad value of a key
 * wgtrack uses) stops the parse with a {@link WgConfigException}. Private and preshared keys
 * are checked for shape so that a broken file is noticed, but their values never reach a
 * message or a record.
 */
public final class WgQuickParser {

    private static final String KEY_SHAPE = "44 base64 characters for 32 bytes";

    private enum Section { NONE, INTERFACE, PEER }

    private final String source;
    private final List<AllowedIp> addresses = new ArrayList<>();
    private final List<PeerConfig> peers = new ArrayList<>();
    private final Map<PublicKey, Integer> keyLines = new HashMap<>();
    private Section section = Section.NONE;
    private PeerDraft peer;
    /** A friendly name in the comments just read: the next [Peer]'s if its header follows at once, else the current peer's. */
    private String pendingName;
    /** The name found directly above the [Peer] header being read. */
    private String nameAbove;

    private WgQuickParser(String source) {
        this.source = source;
    }

    public static InterfaceConfig parse(String source, String text) throws WgConfigException {
        return new WgQuickParser(source).run(text);
    }

    private InterfaceConfig run(String text) throws WgConfigException {
        int lineNumber = 0;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            line(text.substring(start, end), lineNumber);
            start = end + 1;
        }
        settlePendingName(false);
        finishPeer();
        return new InterfaceConfig(source, addresses, peers);
    }

    private void line(String raw, int lineNumber) throws WgConfigException {
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            settlePendingName(false);
            return;
        }
        if (trimmed.charAt(0) == '#') {
            if (pendingName == null) {
                pendingName = FriendlyName.fromComment(trimmed).orElse(null);
            }
            return;
        }
        int hash = trimmed.indexOf('#');
        String content = hash < 0 ? trimmed : trimmed.substring(0, hash).strip();
        settlePendingName(content.charAt(0) == '[' && isPeerHeader(content));
        if (content.charAt(0) == '[') {
            sectionHeader(content, lineNumber);
            return;
        }
        int eq = content.indexOf('=');
        if (eq < 0) {
            // The line itself is not shown: it might be a key pasted on a line of its own.
            throw error(lineNumber, "not a section, key or comment (expected Key = Value, got a line without '=')");
        }
        String key = content.substring(0, eq).strip();
        String value = content.substring(eq + 1).strip();
        if (!isKeyName(key)) {
            throw error(lineNumber, "malformed key before '=' (expected letters and digits, got something else; line not shown)");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        switch (section) {
            case NONE -> throw error(lineNumber, Shown.value(key) + " before any section (expected [Interface] or [Peer] first)");
            case INTERFACE -> interfaceKey(lower, value, lineNumber);
            case PEER -> peerKey(lower, value, lineNumber);
        }
    }

    /**
     * Gives the name of the comments just read to its peer: to the peer whose header follows them
     * directly ({@code nextIsPeerHeader}), else to the peer whose section they are in (the first
     * such name wins), else to nobody (a comment in [Interface] or before any section).
     */
    private void settlePendingName(boolean nextIsPeerHeader) {
        if (pendingName == null) {
            return;
        }
        if (nextIsPeerHeader) {
            nameAbove = pendingName;
        } else if (section == Section.PEER && peer.name == null) {
            peer.name = pendingName;
        }
        pendingName = null;
    }

    private static boolean isPeerHeader(String content) {
        return content.charAt(content.length() - 1) == ']' && content.substring(1, content.length() - 1).strip().equalsIgnoreCase("Peer");
    }

    private void sectionHeader(String content, int lineNumber) throws WgConfigException {
        if (content.charAt(content.length() - 1) != ']') {
            throw error(lineNumber, "malformed section header (expected [Interface] or [Peer], got " + Shown.value(content) + ")");
        }
        String name = content.substring(1, content.length() - 1).strip();
        if (name.equalsIgnoreCase("Interface")) {
            finishPeer();
            section = Section.INTERFACE;
        } else if (name.equalsIgnoreCase("Peer")) {
            finishPeer();
            section = Section.PEER;
            peer = new PeerDraft(lineNumber, nameAbove);
            nameAbove = null;
        } else {
            throw error(lineNumber, "unknown section (expected [Interface] or [Peer], got " + Shown.value(content) + ")");
        }
    }

    private void interfaceKey(String key, String value, int lineNumber) throws WgConfigException {
        switch (key) {
            case "address" -> addresses.addAll(ipList("Address", value, lineNumber));
            case "privatekey" -> requireSecretShape("PrivateKey", value, lineNumber);
            default -> {
                // ListenPort, FwMark, DNS, MTU, Table, Pre/PostUp/Down, SaveConfig and keys
                // wgtrack does not know: the running interface is read from wg, not from here.
            }
        }
    }

    private void peerKey(String key, String value, int lineNumber) throws WgConfigException {
        switch (key) {
            case "publickey" -> publicKey(value, lineNumber);
            case "endpoint" -> peer.endpoint = endpoint(value, lineNumber);
            case "allowedips" -> peer.allowedIps.addAll(ipList("AllowedIPs", value, lineNumber));
            case "persistentkeepalive" -> peer.keepalive = keepalive(value, lineNumber);
            case "presharedkey" -> requireSecretShape("PresharedKey", value, lineNumber);
            default -> {
                // Unknown [Peer] keys are ignored for the same reason as in [Interface].
            }
        }
    }

    private void publicKey(String value, int lineNumber) throws WgConfigException {
        if (!PublicKey.isValid(value)) {
            throw error(lineNumber, "bad PublicKey (expected " + KEY_SHAPE + ", got " + shown(value) + ")");
        }
        if (peer.publicKey != null) {
            throw error(lineNumber, "second PublicKey in one [Peer] (first at line " + peer.publicKeyLine + ")");
        }
        PublicKey key = new PublicKey(value);
        Integer first = keyLines.putIfAbsent(key, lineNumber);
        if (first != null) {
            throw error(lineNumber, "duplicate PublicKey " + value + " (first at line " + first + ")");
        }
        peer.publicKey = key;
        peer.publicKeyLine = lineNumber;
    }

    private Endpoint endpoint(String value, int lineNumber) throws WgConfigException {
        String problem = "bad Endpoint (expected host:port or [address]:port, got " + shown(value) + ")";
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(value);
        } catch (IllegalArgumentException e) {
            throw error(lineNumber, problem);
        }
        String host = endpoint.host();
        for (int i = 0; i < host.length(); i++) {
            if (Character.isWhitespace(host.charAt(i)) || host.charAt(i) == '[' || host.charAt(i) == ']') {
                throw error(lineNumber, problem);
            }
        }
        if (value.startsWith("[")) {
            int percent = host.indexOf('%');
            String address = percent < 0 ? host : host.substring(0, percent);
            if (address.indexOf(':') < 0 || IpLiteral.parse(address).isEmpty()) {
                throw error(lineNumber, problem);
            }
        }
        return endpoint;
    }

    private OptionalInt keepalive(String value, int lineNumber) throws WgConfigException {
        if (value.equalsIgnoreCase("off")) {
            return OptionalInt.empty();
        }
        int seconds = -1;
        if (!value.isEmpty() && value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            seconds = Integer.parseInt(value);
        }
        if (seconds < 0 || seconds > 65535) {
            throw error(lineNumber, "bad PersistentKeepalive (expected off or 0..65535, got " + shown(value) + ")");
        }
        // wg treats 0 as off and prints it as "off"; one representation keeps config and live state comparable.
        return seconds == 0 ? OptionalInt.empty() : OptionalInt.of(seconds);
    }

    private List<AllowedIp> ipList(String key, String value, int lineNumber) throws WgConfigException {
        List<AllowedIp> out = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String item = value.substring(start, end).strip();
            // Empty items (a trailing comma, ", ,") are skipped, as wg skips them.
            if (!item.isEmpty()) {
                out.add(allowedIp(key, item, lineNumber));
            }
            start = end + 1;
        }
        return out;
    }

    private AllowedIp allowedIp(String key, String item, int lineNumber) throws WgConfigException {
        try {
            return AllowedIp.parse(item);
        } catch (IllegalArgumentException e) {
            int slash = item.indexOf('/');
            Optional<java.net.InetAddress> address = IpLiteral.parse(slash < 0 ? item : item.substring(0, slash));
            if (address.isEmpty()) {
                throw error(lineNumber, "bad " + key + " (expected address/prefix, got " + shown(item) + ")");
            }
            int max = address.get() instanceof java.net.Inet4Address ? 32 : 128;
            throw error(lineNumber, "bad " + key + " prefix (expected 0.." + max + ", got " + shown(item) + ")");
        }
    }

    private void requireSecretShape(String key, String value, int lineNumber) throws WgConfigException {
        if (!PublicKey.isValid(value)) {
            throw error(lineNumber, "bad " + key + " (expected " + KEY_SHAPE + "; value not shown)");
        }
    }

    private void finishPeer() throws WgConfigException {
        if (peer == null) {
            return;
        }
        if (peer.publicKey == null) {
            throw error(peer.line, "[Peer] has no PublicKey (expected a PublicKey = … line in the section)");
        }
        // A name inside the section is the more specific one.
        peers.add(new PeerConfig(peer.publicKey, Optional.ofNullable(peer.endpoint), peer.allowedIps,
                peer.keepalive, Optional.ofNullable(peer.name).or(() -> Optional.ofNullable(peer.nameAbove)), peer.line));
        peer = null;
    }

    // Real keys are short words; a long "key" is more likely a pasted secret ending in '=',
    // which must not be echoed in a message.
    private static boolean isKeyName(String key) {
        if (key.isEmpty() || key.length() > 32) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** An input value for a message: cut short, and with anything that may be part of a key hidden. */
    private static String shown(String value) {
        return value.isEmpty() ? "nothing" : Shown.value(value);
    }

    private WgConfigException error(int lineNumber, String problem) {
        return new WgConfigException(source, lineNumber, problem);
    }

    /** A [Peer] being read; becomes a PeerConfig at the next section or the end of the file. */
    private static final class PeerDraft {
        final int line;
        final List<AllowedIp> allowedIps = new ArrayList<>();
        PublicKey publicKey;
        int publicKeyLine;
        Endpoint endpoint;
        OptionalInt keepalive = OptionalInt.empty();
        String name;
        final String nameAbove;

        PeerDraft(int line, String nameAbove) {
            this.line = line;
            this.nameAbove = nameAbove;
        }
    }
}
