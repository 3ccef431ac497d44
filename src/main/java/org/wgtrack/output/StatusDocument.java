package org.wgtrack.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.wgtrack.text.JsonFields;
import org.wgtrack.text.PlainDecimal;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * The status document, schema 1: what the json output writes and {@code /status} serves, and
 * what {@code wgtrack status} reads back with {@link #parse}. Field names are snake_case like
 * the influx fields; absent values are {@code null}, never left out; times are ISO-8601 UTC.
 * <pre>
 * {
 *   "schema" : 1,
 *   "taken_at" : "2026-11-25T12:00:30Z",
 *   "live_state_ok" : true,
 *   "live_state_error" : null,
 *   "cycle_duration_seconds" : 0.012,
 *   "resolutions" : { "changed" : 1, "failed" : 0, "unchanged" : 3 },
 *   "peers" : [ { "interface" : "wg0", "public_key" : "…=", "name" : "laptop", "state" : "up:ok", … } ]
 * }
 * </pre>
 * A reader must ignore fields it does not know (later versions of schema 1 may add some) and
 * refuse another schema number.
 */
public final class StatusDocument {

    public static final int SCHEMA = 1;

    private static final String BAD = "bad status document";

    /**
     * Writes UTF-8 bytes directly. Characters outside the BMP (an emoji in a peer name) go out as
     * 4-byte UTF-8 like the earlier jackson-jr String output did, not as escaped surrogate pairs
     * (jackson-core's default for byte output). The caller's stream is left open.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private StatusDocument() {
    }

    /** The reader has a class of its own, so that the daemon, which only writes, never loads jackson-jr's 28 classes. */
    private static final class Reading {
        static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public static String format(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the status document", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the document as UTF-8, pretty-printed, with a final newline. Streams field by field
     * (no map per peer, no intermediate String): it runs every cycle for every peer, under C1.
     * IOException only from {@code out}.
     */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new StatusPrettyPrinter()); // DefaultPrettyPrinter, what jackson-jr used, only faster
            json.writeStartObject();
            json.writeNumberField("schema", SCHEMA);
            json.writeStringField("taken_at", snapshot.takenAt().toString());
            json.writeBooleanField("live_state_ok", snapshot.liveStateOk());
            json.writeStringField("live_state_error", snapshot.liveStateError().orElse(null));
            json.writeFieldName("cycle_duration_seconds");
            if (snapshot.cycleDuration().isPresent()) {
                json.writeNumber(PlainDecimal.toString(snapshot.cycleDuration().get().toNanos(), 9));
            } else {
                json.writeNull();
            }
            json.writeObjectFieldStart("resolutions");
            for (Map.Entry<String, Long> e : new TreeMap<>(snapshot.resolutions()).entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("peers");
            InterfaceName interfaceName = new InterfaceName();
            for (PeerSnapshot peer : snapshot.peers()) {
                writePeer(json, peer, interfaceName);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writePeer(JsonGenerator json, PeerSnapshot peer, InterfaceName interfaceName) throws IOException {
        json.writeStartObject();
        json.writeFieldName(Peer.INTERFACE);
        SerializableString encoded = interfaceName.of(peer.interfaceName());
        if (encoded != null) {
            json.writeString(encoded);
        } else {
            json.writeString(peer.interfaceName());
        }
        string(json, Peer.PUBLIC_KEY, peer.publicKey().base64());
        string(json, Peer.NAME, peer.name().orElse(null));
        json.writeFieldName(Peer.STATE);
        json.writeString(Peer.STATES[peer.state().ordinal()]);
        bool(json, Peer.IS_UP, peer.isUp());
        json.writeFieldName(Peer.HANDSHAKE_STATUS);
        json.writeString(Peer.HANDSHAKE_STATUSES[peer.handshakeStatus().ordinal()]);
        number(json, Peer.LATEST_HANDSHAKE, peer.latestHandshakeEpochSeconds());
        json.writeFieldName(Peer.HANDSHAKE_AGE);
        if (peer.handshakeAgeSeconds().isPresent()) {
            json.writeNumber(peer.handshakeAgeSeconds().getAsLong());
        } else {
            json.writeNull();
        }
        number(json, Peer.RX_BYTES, peer.rxBytes());
        number(json, Peer.TX_BYTES, peer.txBytes());
        string(json, Peer.ENDPOINT, peer.endpoint().isPresent() ? peer.endpoint().get().toString() : null);
        string(json, Peer.CONFIG_ENDPOINT, peer.configEndpoint().isPresent() ? peer.configEndpoint().get().toString() : null);
        json.writeFieldName(Peer.ALLOWED_IPS);
        json.writeStartArray();
        for (AllowedIp ip : peer.allowedIps()) {
            json.writeString(ip.toString());
        }
        json.writeEndArray();
        json.writeFieldName(Peer.PING_RTT_MS);
        if (peer.pingRoundTrip().isPresent()) {
            // at scale 6 BigDecimal.toString() never switches to exponent notation: plain text is the same
            json.writeNumber(PlainDecimal.toString(peer.pingRoundTrip().get().toNanos(), 6));
        } else {
            json.writeNull();
        }
        number(json, Peer.ENDPOINT_UPDATES, peer.endpointUpdates());
        string(json, Peer.LAST_ENDPOINT_CHANGE, peer.lastEndpointChange().isPresent() ? peer.lastEndpointChange().get().toString() : null);
        json.writeEndObject();
    }

    /** A string field; {@code null} writes JSON null. */
    private static void string(JsonGenerator json, SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private static void number(JsonGenerator json, SerializableString name, long value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    private static void bool(JsonGenerator json, SerializableString name, boolean value) throws IOException {
        json.writeFieldName(name);
        json.writeBoolean(value);
    }

    /**
     * A peer's field names, quoted and encoded once: written for every peer of every cycle, as
     * plain Strings the generator would check and encode each one character by character.
     */
    private static final class Peer {
        static final SerializableString INTERFACE = new SerializedString("interface");
        static final SerializableString PUBLIC_KEY = new SerializedString("public_key");
        static final SerializableString NAME = new SerializedString("name");
        static final SerializableString STATE = new SerializedString("state");
        static final SerializableString IS_UP = new SerializedString("is_up");
        static final SerializableString HANDSHAKE_STATUS = new SerializedString("handshake_status");
        static final SerializableString LATEST_HANDSHAKE = new SerializedString("latest_handshake");
        static final SerializableString HANDSHAKE_AGE = new SerializedString("handshake_age");
        static final SerializableString RX_BYTES = new SerializedString("rx_bytes");
        static final SerializableString TX_BYTES = new SerializedString("tx_bytes");
        static final SerializableString ENDPOINT = new SerializedString("endpoint");
        static final SerializableString CONFIG_ENDPOINT = new SerializedString("config_endpoint");
        static final SerializableString ALLOWED_IPS = new SerializedString("allowed_ips");
        static final SerializableString PING_RTT_MS = new SerializedString("ping_rtt_ms");
        static final SerializableString ENDPOINT_UPDATES = new SerializedString("endpoint_updates");
        static final SerializableString LAST_ENDPOINT_CHANGE = new SerializedString("last_endpoint_change");
        // The labels by ordinal, quoted and encoded once like the names.
        static final SerializableString[] STATES = Arrays.stream(PeerState.values())
                .map(s -> new SerializedString(s.label())).toArray(SerializableString[]::new);
        static final SerializableString[] HANDSHAKE_STATUSES = Arrays.stream(HandshakeStatus.values())
                .map(s -> new SerializedString(s.label())).toArray(SerializableString[]::new);
    }

    /**
     * Interface names, each encoded once per document: a few names serve all the peers. One per
     * document, so never shared. Only plain printable ASCII (what interface names are) and only
     * a few: other text is left to the generator, whose escaping of odd text this need not copy.
     */
    private static final class InterfaceName {
        private static final int MAX = 64;
        private final Map<String, SerializableString> encoded = new HashMap<>();

        /** Null when the generator is to write the name. */
        SerializableString of(String interfaceName) {
            SerializableString known = encoded.get(interfaceName);
            if (known == null && encoded.size() < MAX && isPlain(interfaceName)) {
                known = new SerializedString(interfaceName);
                encoded.put(interfaceName, known);
            }
            return known;
        }

        private static boolean isPlain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads a document back; IOException {@code bad status document: …} naming the field. */
    public static Snapshot parse(String json) throws IOException {
        Map<String, Object> doc;
        try {
            doc = Reading.READER.mapFrom(json);
        } catch (IOException e) {
            throw new IOException("bad status document: not JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (doc == null) {
            throw new IOException("bad status document: not a JSON object");
        }
        try {
            return snapshot(doc);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (ArithmeticException e) {
            throw new IOException("bad status document: a duration has more than nanosecond precision", e);
        }
    }

    private static Snapshot snapshot(Map<String, Object> doc) throws IOException {
        JsonFields top = new JsonFields(doc, BAD, "");
        long schema = top.number("schema").longValue();
        if (schema != SCHEMA) {
            throw new IOException("bad status document: unsupported schema " + schema + " (expected " + SCHEMA + ")");
        }
        Instant takenAt = top.instant("taken_at");
        Optional<String> error = top.optionalString("live_state_error");
        Optional<Duration> cycle = top.optionalNumber("cycle_duration_seconds")
                .map(n -> Duration.ofNanos(new BigDecimal(n.toString()).movePointRight(9).longValueExact()));
        Map<String, Long> resolutions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : top.object("resolutions").entrySet()) {
            if (!Number.class.isInstance(e.getValue())) {
                throw new IOException("bad status document: resolutions." + e.getKey() + " is not a number");
            }
            resolutions.put(e.getKey(), ((Number) e.getValue()).longValue());
        }
        List<PeerSnapshot> peers = new ArrayList<>();
        List<?> list = top.list("peers");
        for (int i = 0; i < list.size(); i++) {
            if (!Map.class.isInstance(list.get(i))) {
                throw new IOException("bad status document: peers[" + i + "] is not an object");
            }
            peers.add(peer(new JsonFields((Map<?, ?>) list.get(i), BAD, "peers[" + i + "].")));
        }
        return new Snapshot(takenAt, error, peers, cycle, resolutions);
    }

    private static PeerSnapshot peer(JsonFields f) throws IOException {
        OptionalLong age = f.optionalNumber("handshake_age").map(n -> OptionalLong.of(n.longValue())).orElse(OptionalLong.empty());
        List<AllowedIp> allowed = new ArrayList<>();
        for (Object o : f.list("allowed_ips")) {
            allowed.add(f.parse("allowed_ips", String.valueOf(o), AllowedIp::parse));
        }
        return new PeerSnapshot(
                f.string("interface"),
                f.parse("public_key", f.string("public_key"), PublicKey::new),
                f.optionalString("name"),
                f.parse("state", f.string("state"), PeerState::ofLabel),
                f.parse("handshake_status", f.string("handshake_status"), StatusDocument::handshakeStatus),
                f.number("latest_handshake").longValue(),
                age,
                f.number("rx_bytes").longValue(),
                f.number("tx_bytes").longValue(),
                f.optionalString("endpoint").map(s -> f.parseUnchecked("endpoint", s, Endpoint::parse)),
                f.optionalString("config_endpoint").map(s -> f.parseUnchecked("config_endpoint", s, Endpoint::parse)),
                allowed,
                f.optionalNumber("ping_rtt_ms").map(n -> Duration.ofNanos(new BigDecimal(n.toString()).movePointRight(6).longValueExact())),
                f.number("endpoint_updates").longValue(),
                f.optionalString("last_endpoint_change").map(s -> f.parseUnchecked("last_endpoint_change", s, Instant::parse)));
    }

    static HandshakeStatus handshakeStatus(String label) {
        for (HandshakeStatus s : HandshakeStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown handshake status " + label);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
