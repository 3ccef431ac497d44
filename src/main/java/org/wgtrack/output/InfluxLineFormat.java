package org.wgtrack.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.wgtrack.text.PlainDecimal;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * Renders a snapshot as InfluxDB line protocol, one line per peer plus one daemon line:
 * <pre>
 * wgtrack,interface=wg0,name=laptop\ anna,peer=k8Yz…= transfer_rx=1024i,transfer_tx=2048i,status="up:ok",is_up=1i,latest_handshake=1700000000i,handshake_age=12i,handshake_status="ok",endpoint="192.0.2.1:51820",ping_rtt_ms=1.25,endpoint_updates=0i 1700000012000000000
 * wgtrack_daemon live_state_ok=1i,peers=1i 1700000012000000000
 * </pre>
 * Tags are in key order (what InfluxDB prefers); {@code name} only when known, fields
 * {@code handshake_age}, {@code endpoint}, {@code ping_rtt_ms} only when there is a value.
 * When the live-state read failed there are no peer lines, only the daemon line with
 * {@code live_state_ok=0i} and {@code live_state_error}.
 *
 * <p>Escaping follows InfluxDB 1.x's parser: in measurement, tag keys and tag values a comma,
 * space or equals sign gets a backslash; other backslashes stay as they are (InfluxDB keeps
 * them literally and unescapes only {@code \,}, {@code \ } and {@code \=}). Backslashes at the
 * end of a tag value cannot be stored (InfluxDB would read the separator after them as escaped)
 * and are dropped; a name that is left empty is left out.
 * String fields escape double quote and backslash. Control characters (newline, tab, …)
 * cannot travel in line protocol and become spaces.
 *
 * <p>Not thread-safe: an instance reuses its text buffer from one {@link #format} to the next.
 */
public final class InfluxLineFormat {

    static final String MEASUREMENT = "wgtrack";
    static final String DAEMON_MEASUREMENT = "wgtrack_daemon";
    /** Compiled once: escape runs for every tag value of every peer, every cycle. */
    private static final Pattern TRAILING_BACKSLASHES = Pattern.compile("\\\\+$");

    // The constant parts of a line, escaped once here rather than for every peer of every cycle.
    private static final String PEER_LINE_START = escapeMeasurement(MEASUREMENT) + "," + escapeTag("interface") + "=";
    private static final String NAME_TAG = "," + escapeTag("name") + "=";
    private static final String PEER_TAG = "," + escapeTag("peer") + "=";
    private static final String DAEMON_LINE_START = escapeMeasurement(DAEMON_MEASUREMENT) + " ";
    static final String TELEGRAF_DEVICE = "wireguard_device";
    static final String TELEGRAF_PEER = "wireguard_peer";
    private static final String TELEGRAF_DEVICE_START = TELEGRAF_DEVICE + ",name=";
    private static final String TELEGRAF_PEER_START = TELEGRAF_PEER + ",device=";
    private static final String PUBLIC_KEY_TAG = ",public_key=";

    private final CounterType counterType;
    private final InfluxSchema schema;
    /**
     * Kept from cycle to cycle and handed on whenever it holds {@link #CHUNK} bytes, so it
     * neither grows with the peers nor is allocated again. One format at a time: one output uses it.
     */
    private final Utf8Buffer text = new Utf8Buffer(CHUNK + 1024);
    private static final int CHUNK = 16384;
    /** For the decimals with a fraction (ping round trips, the cycle's duration), kept like {@link #text}. */
    private final StringBuilder decimal = new StringBuilder(24);
    /**
     * Tag values as written, escaped where they need it (names with spaces are common), by their
     * text: the same interface names and peer names come back every cycle, and looking one up
     * (its String's hash is cached, the key is mostly the same instance) costs less under C1
     * than scanning it again. Emptied when it outgrows the peers it serves.
     */
    private final Map<String, TagValue> tagValues = new HashMap<>();

    /** A tag value's text as written, and whether it holds characters outside ASCII. */
    private record TagValue(String written, boolean nonAscii) {
    }

    /** What {@link #scan} finds: something to escape, a character outside ASCII. */
    private static final int NEEDS_ESCAPING = 1;
    private static final int NON_ASCII = 2;

    public InfluxLineFormat(CounterType counterType) {
        this(counterType, InfluxSchema.WGTRACK);
    }

    public InfluxLineFormat(CounterType counterType, InfluxSchema schema) {
        this.counterType = counterType;
        this.schema = schema;
    }

    public String format(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new AssertionError("a ByteArrayOutputStream does not fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The lines of {@link #format} as UTF-8, handed to {@code stream} a chunk at a time;
     * IOException only from it. The text is built as bytes: no String of it, no encoder.
     */
    public void write(Snapshot snapshot, OutputStream stream) throws IOException {
        Utf8Buffer out = text;
        out.truncate(0);
        if (tagValues.size() > 2 * snapshot.peers().size() + 64) {
            tagValues.clear();
        }
        String timestamp = Long.toString(epochNanos(snapshot.takenAt()));
        if (schema == InfluxSchema.TELEGRAF) {
            appendTelegrafDevices(out, snapshot, timestamp);
        }
        for (PeerSnapshot peer : snapshot.peers()) {
            if (schema == InfluxSchema.TELEGRAF) {
                appendTelegrafPeer(out, peer);
                out.ascii(' ').ascii(timestamp).ascii('\n');
            }
            appendPeer(out, peer);
            out.ascii(' ').ascii(timestamp).ascii('\n');
            if (out.length() >= CHUNK) {
                out.writeTo(stream);
                out.truncate(0);
            }
        }
        out.ascii(DAEMON_LINE_START);
        integer(out, "live_state_ok=", snapshot.liveStateOk() ? 1 : 0);
        integer(out, ",peers=", snapshot.peers().size());
        if (snapshot.liveStateError().isPresent()) {
            string(out, ",live_state_error=", snapshot.liveStateError().get());
        }
        if (snapshot.cycleDuration().isPresent()) {
            out.ascii(",cycle_duration_seconds=");
            plainDecimal(out, snapshot.cycleDuration().get().toNanos(), 9);
        }
        out.ascii(' ').ascii(timestamp).ascii('\n');
        out.writeTo(stream);
        out.truncate(0);
    }

    /**
     * Telegraf's {@code wireguard_device}, one line per tracked interface of the live state, in
     * the order wg printed them, with its tracked peers counted (0 for none, as Telegraf writes):
     * {@code wireguard_device,name=wg0 firewall_mark=0i,listen_port=51820i,peers=2i 1700000012000000000}.
     * Telegraf writes the fields in two lines of one series and time, InfluxDB stores them alike.
     * Its {@code type} tag is left out: wg's dump does not say whether the kernel or a userspace
     * implementation runs the interface. Integers always carry {@code i}, as Telegraf writes them,
     * whatever {@code counter_type}.
     */
    private void appendTelegrafDevices(Utf8Buffer out, Snapshot snapshot, String timestamp) {
        Map<String, Long> peers = new HashMap<>();
        for (PeerSnapshot peer : snapshot.peers()) {
            peers.merge(peer.interfaceName(), 1L, Long::sum);
        }
        for (InterfaceSnapshot device : snapshot.interfaces()) {
            out.ascii(TELEGRAF_DEVICE_START);
            appendTag(out, device.name());
            // wgctrl reports 0 for no fwmark and for no listen port, and Telegraf writes what it reports
            out.ascii(" firewall_mark=").decimal(device.firewallMark().orElse(0)).ascii('i');
            out.ascii(",listen_port=").decimal(device.listenPort().orElse(0)).ascii('i');
            out.ascii(",peers=").decimal(peers.getOrDefault(device.name(), 0L)).ascii('i');
            out.ascii(' ').ascii(timestamp).ascii('\n');
        }
    }

    /**
     * Telegraf's {@code wireguard_peer}: tags {@code device} and {@code public_key}; fields
     * {@code allowed_ips} (how many), {@code allowed_peer_cidr} (them, comma-separated; only when
     * there are some), {@code endpoint} (the live one; only when there is one),
     * {@code last_handshake_time_ns} (unix nanoseconds, from wg's whole seconds; 0 = never),
     * {@code rx_bytes}, {@code tx_bytes}:
     * {@code wireguard_peer,device=wg0,public_key=k8Yz…= allowed_ips=2i,allowed_peer_cidr="10.10.0.2/32,fd00::2/128",endpoint="192.0.2.1:51820",last_handshake_time_ns=1700000000000000000i,rx_bytes=1024i,tx_bytes=2048i}.
     * Telegraf's {@code persistent_keepalive_interval_ns} and {@code protocol_version} are left
     * out: the snapshot does not hold them.
     */
    private void appendTelegrafPeer(Utf8Buffer out, PeerSnapshot peer) {
        out.ascii(TELEGRAF_PEER_START);
        appendTag(out, peer.interfaceName());
        out.ascii(PUBLIC_KEY_TAG);
        appendKeyTag(out, peer.publicKey());
        out.ascii(" allowed_ips=").decimal(peer.allowedIps().size()).ascii('i');
        if (!peer.allowedIps().isEmpty()) {
            out.ascii(",allowed_peer_cidr=\"");
            for (int i = 0; i < peer.allowedIps().size(); i++) {
                out.ascii(i == 0 ? "" : ",").ascii(peer.allowedIps().get(i).toString()); // addresses: ASCII, nothing to escape
            }
            out.ascii('"');
        }
        if (peer.endpoint().isPresent()) {
            endpoint(out, ",endpoint=", peer.endpoint().get());
        }
        out.ascii(",last_handshake_time_ns=").decimal(Math.multiplyExact(peer.latestHandshakeEpochSeconds(), 1_000_000_000L)).ascii('i');
        out.ascii(",rx_bytes=").decimal(peer.rxBytes()).ascii('i');
        out.ascii(",tx_bytes=").decimal(peer.txBytes()).ascii('i');
    }

    /** Tags in key order, then the fields; written straight into {@code out}, no text per value. */
    private void appendPeer(Utf8Buffer out, PeerSnapshot peer) {
        out.ascii(PEER_LINE_START);
        appendTag(out, peer.interfaceName());
        if (peer.name().isPresent()) {
            int before = out.length();
            out.ascii(NAME_TAG);
            int valueStart = out.length();
            appendTag(out, peer.name().get());
            if (out.length() == valueStart) {
                out.truncate(before); // nothing left of the name after escaping: leave the tag out
            }
        }
        out.ascii(PEER_TAG);
        appendKeyTag(out, peer.publicKey());
        integer(out, " transfer_rx=", peer.rxBytes());
        integer(out, ",transfer_tx=", peer.txBytes());
        label(out, ",status=", peer.state().label());
        integer(out, ",is_up=", peer.isUp() ? 1 : 0);
        integer(out, ",latest_handshake=", peer.latestHandshakeEpochSeconds());
        if (peer.handshakeAgeSeconds().isPresent()) {
            integer(out, ",handshake_age=", peer.handshakeAgeSeconds().getAsLong());
        }
        label(out, ",handshake_status=", peer.handshakeStatus().label());
        if (peer.endpoint().isPresent()) {
            endpoint(out, ",endpoint=", peer.endpoint().get());
        }
        if (peer.pingRoundTrip().isPresent()) {
            out.ascii(",ping_rtt_ms=");
            plainDecimal(out, peer.pingRoundTrip().get().toNanos(), 6);
        }
        integer(out, ",endpoint_updates=", peer.endpointUpdates());
    }

    /** {@code keyAndEquals} is a field key that needs no escaping (they are all constants here). */
    private void integer(Utf8Buffer out, String keyAndEquals, long value) {
        out.ascii(keyAndEquals).decimal(value);
        if (counterType == CounterType.INTEGER) {
            out.ascii('i');
        }
    }

    private void string(Utf8Buffer out, String keyAndEquals, String value) {
        out.ascii(keyAndEquals).ascii('"');
        appendStringField(out, value);
        out.ascii('"');
    }

    /** {@link PlainDecimal}'s text, through a builder kept for it. */
    private void plainDecimal(Utf8Buffer out, long unscaled, int scale) {
        decimal.setLength(0);
        PlainDecimal.append(decimal, unscaled, scale);
        out.ascii(decimal);
    }

    /**
     * A state's or handshake status's label as a string field: fixed words of letters, digits,
     * {@code :} and {@code _} (InfluxLineFormatTest holds every label to that), so not scanned.
     */
    private static void label(Utf8Buffer out, String keyAndEquals, String label) {
        out.ascii(keyAndEquals).ascii('"').ascii(label).ascii('"');
    }

    /** Endpoint.toString(), which the endpoint keeps: brackets, colon and port need no escaping. */
    private void endpoint(Utf8Buffer out, String keyAndEquals, Endpoint endpoint) {
        string(out, keyAndEquals, endpoint.toString());
    }

    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Measurement names: comma and space escaped. */
    static String escapeMeasurement(String name) {
        return escape(name, ", ");
    }

    /** Tag keys, tag values and field keys: comma, equals sign and space escaped. */
    static String escapeTag(String text) {
        return escape(text, ", =");
    }

    private static String escape(String text, String specials) {
        // InfluxDB 1.x takes any character preceded by a backslash as escaped, so a trailing
        // backslash would swallow the separator after the value: it cannot be stored and is dropped.
        String clean = withoutControlCharacters(text);
        if (clean.indexOf('\\') >= 0) { // no backslash, nothing for the pattern to remove
            clean = TRAILING_BACKSLASHES.matcher(clean).replaceFirst("");
        }
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (specials.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@link #escapeTag} appended: looked up in {@link #tagValues}, scanned and escaped only the
     * first time. A value goes in whole, as one array copy when it is ASCII.
     */
    private void appendTag(Utf8Buffer out, String text) {
        TagValue value = tagValues.get(text);
        if (value == null) {
            int found = scan(text, true);
            value = new TagValue((found & NEEDS_ESCAPING) != 0 ? escapeTag(text) : text, (found & NON_ASCII) != 0);
            tagValues.put(text, value);
        }
        out.scanned(value.written(), value.nonAscii());
    }

    /**
     * {@link #escapeTag} of a public key appended: a key is 43 base64 characters (letters, digits,
     * {@code +}, {@code /}) and one {@code =}, so only that last character needs its backslash.
     * Appended whole and then corrected, it costs neither a scan nor a lookup for every peer.
     */
    private static void appendKeyTag(Utf8Buffer out, PublicKey key) {
        out.ascii(key.base64());
        out.truncate(out.length() - 1);
        out.ascii("\\=");
    }

    /** {@link #escapeStringField} appended, whole when there is nothing to escape. */
    private void appendStringField(Utf8Buffer out, String text) {
        int found = scan(text, false);
        out.scanned((found & NEEDS_ESCAPING) != 0 ? escapeStringField(text) : text, (found & NON_ASCII) != 0);
    }

    /**
     * Whether {@code text} needs escaping as a tag value ({@code tag}) or string field
     * ({@link #NEEDS_ESCAPING}), and whether it holds characters outside ASCII, which
     * {@link Utf8Buffer} must encode ({@link #NON_ASCII}).
     */
    private static int scan(String text, boolean tag) {
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || (tag ? c == ',' || c == ' ' || c == '=' : c == '"')) {
                found |= NEEDS_ESCAPING;
            } else if (c >= 0x80) {
                found |= NON_ASCII;
            }
        }
        return found;
    }

    /** String field values: double quote and backslash escaped. */
    static String escapeStringField(String text) {
        String clean = withoutControlCharacters(text);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String withoutControlCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }
}
