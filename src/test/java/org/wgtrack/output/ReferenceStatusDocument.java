package org.wgtrack.output;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;

/**
 * The first, jackson-jr based {@link StatusDocument#format}, kept as the reference the streaming one
 * must match byte for byte (see StatusDocumentEquivalenceTest). Its original description:
 *
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
final class ReferenceStatusDocument {

    public static final int SCHEMA = 1;

    private static final JSON WRITER = JSON.std.with(new com.fasterxml.jackson.core.JsonFactory()
                    .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN))
            .with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReferenceStatusDocument() {
    }

    public static String format(Snapshot snapshot) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("taken_at", snapshot.takenAt().toString());
        doc.put("live_state_ok", snapshot.liveStateOk());
        doc.put("live_state_error", snapshot.liveStateError().orElse(null));
        doc.put("cycle_duration_seconds", snapshot.cycleDuration().map(d -> decimal(d.toNanos(), 9)).orElse(null));
        doc.put("resolutions", new TreeMap<>(snapshot.resolutions()));
        List<Object> peers = new ArrayList<>();
        for (PeerSnapshot peer : snapshot.peers()) {
            peers.add(peer(peer));
        }
        doc.put("peers", peers);
        try {
            return WRITER.asString(doc) + "\n";
        } catch (IOException e) {
            // Only maps, lists, strings, numbers and booleans go in: jackson-jr cannot fail on them.
            throw new IllegalStateException("cannot render the status document", e);
        }
    }

    private static Map<String, Object> peer(PeerSnapshot peer) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("interface", peer.interfaceName());
        p.put("public_key", peer.publicKey().base64());
        p.put("name", peer.name().orElse(null));
        p.put("state", peer.state().label());
        p.put("is_up", peer.isUp());
        p.put("handshake_status", peer.handshakeStatus().label());
        p.put("latest_handshake", peer.latestHandshakeEpochSeconds());
        p.put("handshake_age", peer.handshakeAgeSeconds().isPresent() ? peer.handshakeAgeSeconds().getAsLong() : null);
        p.put("rx_bytes", peer.rxBytes());
        p.put("tx_bytes", peer.txBytes());
        p.put("endpoint", peer.endpoint().map(Endpoint::toString).orElse(null));
        p.put("config_endpoint", peer.configEndpoint().map(Endpoint::toString).orElse(null));
        p.put("allowed_ips", peer.allowedIps().stream().map(AllowedIp::toString).toList());
        p.put("ping_rtt_ms", peer.pingRoundTrip().map(rtt -> decimal(rtt.toNanos(), 6)).orElse(null));
        p.put("endpoint_updates", peer.endpointUpdates());
        p.put("last_endpoint_change", peer.lastEndpointChange().map(Instant::toString).orElse(null));
        return p;
    }

    /** No trailing zeros; written in plain notation (never {@code 1E+1} or {@code 2.1E-8}). */
    private static BigDecimal decimal(long unscaled, int scale) {
        BigDecimal d = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

}
