package org.wgtrack.events;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;

/**
 * An event as hooks receive it: one JSON object (on a program's stdin) and the same fields as
 * environment variables. Fields that do not apply are {@code null} in JSON and empty in the
 * environment, so a receiver finds every field in every event.
 */
public final class EventJson {

    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private EventJson() {
    }

    /** {@code {"event":"down","time":"…","interface":"wg0","peer":"…","name":"berlin",…}} */
    public static String of(Event event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event.type().label());
        fields.put("time", event.time().toString());
        fields.put("interface", event.interfaceName().orElse(null));
        fields.put("peer", event.peer().map(p -> p.publicKey().base64()).orElse(null));
        fields.put("name", event.name().orElse(null));
        fields.put("old_state", event.oldState().map(PeerState::label).orElse(null));
        fields.put("new_state", event.newState().map(PeerState::label).orElse(null));
        fields.put("reason", event.reason());
        fields.put("endpoint", event.endpoint().map(Endpoint::toString).orElse(null));
        fields.put("old_endpoint", event.oldEndpoint().map(Endpoint::toString).orElse(null));
        fields.put("down_seconds", event.downSeconds().isPresent() ? event.downSeconds().getAsLong() : null);
        fields.put("startup", event.startup());
        try {
            return WRITER.asString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WGTRACK_EVENT, WGTRACK_INTERFACE, … for an exec hook. */
    public static Map<String, String> environment(Event event) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WGTRACK_EVENT", event.type().label());
        env.put("WGTRACK_INTERFACE", event.interfaceName().orElse(""));
        env.put("WGTRACK_PEER", event.peer().map(p -> p.publicKey().base64()).orElse(""));
        env.put("WGTRACK_NAME", event.name().orElse(""));
        env.put("WGTRACK_OLD_STATE", event.oldState().map(PeerState::label).orElse(""));
        env.put("WGTRACK_NEW_STATE", event.newState().map(PeerState::label).orElse(""));
        env.put("WGTRACK_REASON", event.reason());
        env.put("WGTRACK_ENDPOINT", event.endpoint().map(Endpoint::toString).orElse(""));
        env.put("WGTRACK_OLD_ENDPOINT", event.oldEndpoint().map(Endpoint::toString).orElse(""));
        env.put("WGTRACK_DOWN_SECONDS", event.downSeconds().isPresent() ? Long.toString(event.downSeconds().getAsLong()) : "");
        env.put("WGTRACK_TIME", event.time().toString());
        return env;
    }
}
