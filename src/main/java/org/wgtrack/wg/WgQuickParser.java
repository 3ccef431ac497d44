package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private enum Section { NONE, INTERFACE, PEER }

    private final String source;
    private final ConfigValues values;
    private final List<AllowedIp> addresses = new ArrayList<>();
    private final List<PeerConfig> peers = new ArrayList<>();
    private final Map<PublicKey, Integer> keyLines = new HashMap<>();
    private Section section = Section.NONE;
    private PeerDraft peer;
    private final NameComments names = new NameComments();

    private WgQuickParser(String source) {
        this.source = source;
        this.values = new ConfigValues(source);
    }

    public static InterfaceConfig parse(String source, String text) throws WgConfigException {
        return new WgQuickParser(source).run(text);
    }

    private InterfaceConfig run(String text) throws WgConfigException {
        List<String> lines = TextLines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            line(lines.get(i), i + 1);
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
            names.comment(trimmed);
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

    /** A name in the comments just read names the current peer, unless a [Peer] header follows them. */
    private void settlePendingName(boolean nextIsPeerHeader) {
        names.settle(nextIsPeerHeader).ifPresent(name -> {
            if (section == Section.PEER && peer.name == null) {
                peer.name = name;
            }
        });
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
            peer = new PeerDraft(lineNumber, names.takeAbove().orElse(null));
        } else {
            throw error(lineNumber, "unknown section (expected [Interface] or [Peer], got " + Shown.value(content) + ")");
        }
    }

    private void interfaceKey(String key, String value, int lineNumber) throws WgConfigException {
        switch (key) {
            case "address" -> addresses.addAll(ipList("Address", value, lineNumber));
            case "privatekey" -> values.secret("PrivateKey", value, lineNumber);
            default -> {
                // ListenPort, FwMark, DNS, MTU, Table, Pre/PostUp/Down, SaveConfig and keys
                // wgtrack does not know: the running interface is read from wg, not from here.
            }
        }
    }

    private void peerKey(String key, String value, int lineNumber) throws WgConfigException {
        switch (key) {
            case "publickey" -> publicKey(value, lineNumber);
            case "endpoint" -> peer.endpoint = values.endpoint("Endpoint", value, lineNumber);
            case "allowedips" -> peer.allowedIps.addAll(ipList("AllowedIPs", value, lineNumber));
            case "persistentkeepalive" -> peer.keepalive = values.keepalive("PersistentKeepalive", value, lineNumber);
            case "presharedkey" -> values.secret("PresharedKey", value, lineNumber);
            default -> {
                // Unknown [Peer] keys are ignored for the same reason as in [Interface].
            }
        }
    }

    private void publicKey(String value, int lineNumber) throws WgConfigException {
        PublicKey key = values.publicKey("PublicKey", value, lineNumber);
        if (peer.publicKey != null) {
            throw error(lineNumber, "second PublicKey in one [Peer] (first at line " + peer.publicKeyLine + ")");
        }
        Integer first = keyLines.putIfAbsent(key, lineNumber);
        if (first != null) {
            throw error(lineNumber, "duplicate PublicKey " + value + " (first at line " + first + ")");
        }
        peer.publicKey = key;
        peer.publicKeyLine = lineNumber;
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
                out.add(values.allowedIp(key, item, lineNumber));
            }
            start = end + 1;
        }
        return out;
    }

    private void finishPeer() throws WgConfigException {
        if (peer == null) {
            return;
        }
        if (peer.publicKey == null) {
            throw error(peer.line, "[Peer] has no PublicKey (expected a PublicKey = … line in the section)");
        }
        peers.add(peer.toConfig());
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

    private WgConfigException error(int lineNumber, String problem) {
        return values.error(lineNumber, problem);
    }

}
