package org.wgtrack.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The first implementation of {@link InfluxLineFormat}, kept verbatim as the reference the fast one
 * must match byte for byte (see InfluxLineFormatEquivalenceTest). Its original description:
 *
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
 */
final class ReferenceInfluxLineFormat {

    static final String MEASUREMENT = "wgtrack";
    static final String DAEMON_MEASUREMENT = "wgtrack_daemon";
    /** Compiled once: escape runs for every tag and field key of every peer, every cycle. */
    private static final Pattern TRAILING_BACKSLASHES = Pattern.compile("\\\\+$");

    private final CounterType counterType;

    ReferenceInfluxLineFormat(CounterType counterType) {
        this.counterType = counterType;
    }

    public String format(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        String timestamp = Long.toString(epochNanos(snapshot.takenAt()));
        for (PeerSnapshot peer : snapshot.peers()) {
            appendPeer(out, peer);
            out.append(' ').append(timestamp).append('\n');
        }
        out.append(escapeMeasurement(DAEMON_MEASUREMENT)).append(' ');
        Fields fields = new Fields(out);
        fields.integer("live_state_ok", snapshot.liveStateOk() ? 1 : 0);
        fields.integer("peers", snapshot.peers().size());
        snapshot.liveStateError().ifPresent(error -> fields.string("live_state_error", error));
        snapshot.cycleDuration().ifPresent(d -> fields.decimal("cycle_duration_seconds", BigDecimal.valueOf(d.toNanos(), 9)));
        out.append(' ').append(timestamp).append('\n');
        return out.toString();
    }

    private void appendPeer(StringBuilder out, PeerSnapshot peer) {
        out.append(escapeMeasurement(MEASUREMENT));
        out.append(',').append(escapeTag("interface")).append('=').append(escapeTag(peer.interfaceName()));
        peer.name().map(ReferenceInfluxLineFormat::escapeTag).filter(n -> !n.isEmpty())
                .ifPresent(name -> out.append(',').append(escapeTag("name")).append('=').append(name));
        out.append(',').append(escapeTag("peer")).append('=').append(escapeTag(peer.publicKey().base64()));
        out.append(' ');
        Fields fields = new Fields(out);
        fields.integer("transfer_rx", peer.rxBytes());
        fields.integer("transfer_tx", peer.txBytes());
        fields.string("status", peer.state().label());
        fields.integer("is_up", peer.isUp() ? 1 : 0);
        fields.integer("latest_handshake", peer.latestHandshakeEpochSeconds());
        peer.handshakeAgeSeconds().ifPresent(age -> fields.integer("handshake_age", age));
        fields.string("handshake_status", peer.handshakeStatus().label());
        peer.endpoint().ifPresent(endpoint -> fields.string("endpoint", endpoint.toString()));
        peer.pingRoundTrip().ifPresent(rtt -> fields.decimal("ping_rtt_ms", BigDecimal.valueOf(rtt.toNanos(), 6)));
        fields.integer("endpoint_updates", peer.endpointUpdates());
    }

    /** Appends {@code key=value} pairs separated by commas. */
    private final class Fields {
        private final StringBuilder out;
        private boolean first = true;

        Fields(StringBuilder out) {
            this.out = out;
        }

        void integer(String key, long value) {
            start(key).append(value);
            if (counterType == CounterType.INTEGER) {
                out.append('i');
            }
        }

        /** A float field: plain decimal notation (no exponent), always a float in InfluxDB. */
        void decimal(String key, BigDecimal value) {
            BigDecimal plain = value.stripTrailingZeros();
            start(key).append(plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString());
        }

        void string(String key, String value) {
            start(key).append('"').append(escapeStringField(value)).append('"');
        }

        private StringBuilder start(String key) {
            if (!first) {
                out.append(',');
            }
            first = false;
            return out.append(escapeTag(key)).append('=');
        }
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
