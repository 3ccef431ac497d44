package org.wgtrack.events;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.track.PeerState;
import org.wgtrack.text.JsonFields;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PublicKey;

/**
 * An event as hooks receive it: one JSON object (on a program's stdin) and the same fields as
 * environment variables. Fields that do not apply are {@code null} in JSON and empty in the
 * environment, so a receiver finds every field in every event.
 */
public final class EventJson {

    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JSON READER = JSON.std;
    private static final String BAD = "bad event";

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

    /** A JSON array of events (what {@code /events} serves), oldest first; IOException {@code bad event: …} naming the field. */
    public static List<Event> parseArray(String json) throws IOException {
        List<Object> list;
        try {
            list = READER.listFrom(json);
        } catch (IOException e) {
            throw new IOException(BAD + ": not a JSON array of events", e);
        }
        if (list == null) {
            throw new IOException(BAD + ": not a JSON array of events");
        }
        List<Event> events = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!Map.class.isInstance(item)) {
                throw new IOException(BAD + ": [" + i + "] is not an object");
            }
            events.add(parse(new JsonFields((Map<?, ?>) item, BAD, "[" + i + "].")));
        }
        return events;
    }

    /** One event object (a line of the events file). */
    public static Event parse(String json) throws IOException {
        Map<String, Object> object;
        try {
            object = READER.mapFrom(json);
        } catch (IOException e) {
            throw new IOException(BAD + ": not a JSON object", e);
        }
        if (object == null) {
            throw new IOException(BAD + ": not a JSON object");
        }
        return parse(new JsonFields(object, BAD, ""));
    }

    private static Event parse(JsonFields f) throws IOException {
        try {
            return event(f);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Event event(JsonFields f) throws IOException {
        EventType type = f.parse("event", f.string("event"),
                label -> EventType.byLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown event")));
        Optional<String> interfaceName = f.optionalString("interface");
        Optional<String> peer = f.optionalString("peer");
        if (interfaceName.isPresent() != peer.isPresent()) {
            throw new IOException(BAD + ": interface and peer go together");
        }
        Optional<PeerId> id = peer.isEmpty() ? Optional.empty()
                : Optional.of(new PeerId(interfaceName.get(), f.parse("peer", peer.get(), PublicKey::new)));
        Optional<Number> down = f.optionalNumber("down_seconds");
        return new Event(
                f.instant("time"),
                type,
                id,
                f.optionalString("name"),
                f.optionalString("old_state").map(s -> f.parseUnchecked("old_state", s, PeerState::ofLabel)),
                f.optionalString("new_state").map(s -> f.parseUnchecked("new_state", s, PeerState::ofLabel)),
                f.string("reason"),
                f.optionalString("endpoint").map(s -> f.parseUnchecked("endpoint", s, Endpoint::parse)),
                f.optionalString("old_endpoint").map(s -> f.parseUnchecked("old_endpoint", s, Endpoint::parse)),
                down.isPresent() ? OptionalLong.of(down.get().longValue()) : OptionalLong.empty(),
                f.optionalBoolean("startup").orElse(false));
    }
}
