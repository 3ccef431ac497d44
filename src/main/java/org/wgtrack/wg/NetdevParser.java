package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a systemd-networkd WireGuard {@code .netdev} file and its drop-ins
 * (systemd.netdev(5)), in systemd's syntax ({@link SystemdSyntax}), keeping what wgtrack uses:
 *
 * <pre>
 * [NetDev]
 * Name=wg0
 * Kind=wireguard
 *
 * [WireGuard]
 * PrivateKey=…                       # checked, never kept or shown; PrivateKeyFile= is never opened
 *
 * # friendly_name = branch-office    # or # Name =, # friendly_json = (FriendlyName), above or inside
 * [WireGuardPeer]
 * PublicKey=k8YzRPddC0y0x3K6/JmzpXdgYqQYdzGPl0dqErRbRGo=
 * Endpoint=vpn.example.net:51820
 * AllowedIPs=10.10.0.2/32
 * AllowedIPs=192.168.2.0/24, 192.168.3.0/24   # repeated assignments add up; AllowedIPs= empties the list
 * PersistentKeepalive=25
 * </pre>
 *
 * Files are read in order, the main file first and then its drop-ins, each starting outside any
 * section; every {@code [WireGuardPeer]} header opens a new peer. Sections and keys are
 * case-sensitive, and unknown ones are ignored, as networkd does. Where networkd would ignore a
 * bad value with a warning, wgtrack refuses the file with its line: a half-read peer list would
 * point re-resolution at the wrong peers.
 */
public final class NetdevParser {

    /** What a {@code [NetDev]} section says the file is about. */
    public record Identity(Optional<String> kind, Optional<String> name) {

        public boolean isWireGuard(String interfaceName) {
            return kind.equals(Optional.of("wireguard")) && name.equals(Optional.of(interfaceName));
        }
    }

    private final List<AllowedIp> noAddresses = List.of();
    private final List<PeerConfig> peers = new ArrayList<>();
    private final Map<PublicKey, String> firstSeen = new HashMap<>();
    private ConfigValues values;
    private String section;
    private PeerDraft peer;
    private NameComments names;

    private NetdevParser() {
    }

    /** Kind and Name from the {@code [NetDev]} sections, skipping lines that cannot be read (a broken file can still be recognised). */
    public static Identity identify(List<ConfigText> files) {
        Optional<String> kind = Optional.empty();
        Optional<String> name = Optional.empty();
        for (ConfigText file : files) {
            String current = null;
            try {
                for (SystemdSyntax.Line line : SystemdSyntax.lines(file.source(), file.text(), true)) {
                    if (line.kind() == SystemdSyntax.Line.Kind.SECTION) {
                        current = line.section();
                    } else if (line.kind() == SystemdSyntax.Line.Kind.ASSIGNMENT && "NetDev".equals(current)) {
                        if (line.key().equals("Kind")) {
                            kind = Optional.of(line.value());
                        } else if (line.key().equals("Name")) {
                            name = Optional.of(line.value());
                        }
                    }
                }
            } catch (WgConfigException e) {
                throw new IllegalStateException("a lenient read never fails", e);
            }
        }
        return new Identity(kind, name);
    }

    /** The peers of the main file ({@code files.get(0)}) and its drop-ins, in order. */
    public static InterfaceConfig parse(List<ConfigText> files) throws WgConfigException {
        NetdevParser parser = new NetdevParser();
        for (ConfigText file : files) {
            parser.file(file);
        }
        return new InterfaceConfig(files.get(0).source(), parser.noAddresses, parser.peers);
    }

    private void file(ConfigText file) throws WgConfigException {
        values = new ConfigValues(file.source());
        section = null;
        names = new NameComments();
        for (SystemdSyntax.Line line : SystemdSyntax.lines(file.source(), file.text())) {
            switch (line.kind()) {
                case COMMENT -> names.comment(line.text());
                case BLANK -> nameCurrentPeer(false);
                case SECTION -> {
                    nameCurrentPeer(line.section().equals("WireGuardPeer"));
                    section(line);
                }
                case ASSIGNMENT -> {
                    nameCurrentPeer(false);
                    assignment(line);
                }
            }
        }
        nameCurrentPeer(false);
        finishPeer();
    }

    private void nameCurrentPeer(boolean nextIsPeerHeader) {
        names.settle(nextIsPeerHeader).ifPresent(name -> {
            if (peer != null && peer.name == null) {
                peer.name = name;
            }
        });
    }

    private void section(SystemdSyntax.Line line) throws WgConfigException {
        finishPeer();
        section = line.section();
        if (section.equals("WireGuardPeer")) {
            peer = new PeerDraft(line.number(), names.takeAbove().orElse(null));
        }
    }

    private void assignment(SystemdSyntax.Line line) throws WgConfigException {
        String key = line.key();
        String value = line.value();
        int number = line.number();
        if ("WireGuard".equals(section) && key.equals("PrivateKey") && !value.isEmpty()) {
            values.secret("PrivateKey=", value, number);
        }
        if (!"WireGuardPeer".equals(section)) {
            return; // [NetDev], [Match], [WireGuard]'s other keys: the live interface is read from wg
        }
        switch (key) {
            case "PublicKey" -> publicKey(value, number);
            case "PresharedKey" -> {
                if (!value.isEmpty()) {
                    values.secret("PresharedKey=", value, number);
                }
            }
            case "Endpoint" -> peer.endpoint = value.isEmpty() ? null : values.endpoint("Endpoint=", value, number);
            case "AllowedIPs" -> allowedIps(value, number);
            case "PersistentKeepalive" -> peer.keepalive = values.keepalive("PersistentKeepalive=", value, number);
            default -> {
                // PresharedKeyFile= (never opened), RouteTable=, RouteMetric= and keys wgtrack does not know
            }
        }
    }

    /** A later PublicKey= in the same section replaces an earlier one, as in networkd. */
    private void publicKey(String value, int number) throws WgConfigException {
        peer.publicKey = values.publicKey("PublicKey=", value, number);
        peer.publicKeyLine = number;
    }

    /** Comma- or space-separated; an empty assignment empties the list, as in networkd. */
    private void allowedIps(String value, int number) throws WgConfigException {
        if (value.isEmpty()) {
            peer.allowedIps.clear();
            return;
        }
        for (String item : value.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                peer.allowedIps.add(values.allowedIp("AllowedIPs=", item, number));
            }
        }
    }

    private void finishPeer() throws WgConfigException {
        if (peer == null) {
            return;
        }
        if (peer.publicKey == null) {
            throw values.error(peer.line, "[WireGuardPeer] has no PublicKey= (expected a PublicKey= line in the section)");
        }
        String where = values.source() + ":" + peer.publicKeyLine;
        String first = firstSeen.putIfAbsent(peer.publicKey, where);
        if (first != null) {
            throw values.error(peer.publicKeyLine, "duplicate PublicKey= " + peer.publicKey.base64() + " (first at " + first + ")");
        }
        peers.add(peer.toConfig());
        peer = null;
    }

}
