package org.wgtrack.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Typed access to the fields of one parsed JSON object, with messages naming the document and the field. */
public final class JsonFields {

    private final Map<?, ?> map;
    private final String document;
    private final String prefix;

    /** {@code document} names what is read in messages ({@code bad status document}), {@code prefix} where ({@code peers[3].}). */
    public JsonFields(Map<?, ?> map, String document, String prefix) {
        this.map = map;
        this.document = document;
        this.prefix = prefix;
    }

    private Object required(String key) throws IOException {
        Object value = map.get(key);
        if (value == null) {
            throw new IOException(document + ": " + prefix + key + " is missing");
        }
        return value;
    }

    public String string(String key) throws IOException {
        Object value = required(key);
        if (!(value instanceof String s)) {
            throw new IOException(document + ": " + prefix + key + " is not a string");
        }
        return s;
    }

    public Optional<String> optionalString(String key) throws IOException {
        return map.get(key) == null ? Optional.empty() : Optional.of(string(key));
    }

    public Optional<Boolean> optionalBoolean(String key) throws IOException {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            throw new IOException(document + ": " + prefix + key + " is not true or false");
        }
        return Optional.of(b);
    }

    public Number number(String key) throws IOException {
        Object value = required(key);
        if (!(value instanceof Number n)) {
            throw new IOException(document + ": " + prefix + key + " is not a number");
        }
        return n;
    }

    public Optional<Number> optionalNumber(String key) throws IOException {
        return map.get(key) == null ? Optional.empty() : Optional.of(number(key));
    }

    public Map<String, Object> object(String key) throws IOException {
        Object value = required(key);
        if (!(value instanceof Map<?, ?> m)) {
            throw new IOException(document + ": " + prefix + key + " is not an object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    public List<?> list(String key) throws IOException {
        Object value = required(key);
        if (!(value instanceof List<?> l)) {
            throw new IOException(document + ": " + prefix + key + " is not a list");
        }
        return l;
    }

    public Instant instant(String key) throws IOException {
        return parse(key, string(key), Instant::parse);
    }

    public <T> T parse(String key, String text, Function<String, T> parser) throws IOException {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(document + ": " + prefix + key + " (" + e.getMessage() + ")", e);
        }
    }

    /** For use inside Optional.map: the IOException travels as UncheckedIOException. */
    public <T> T parseUnchecked(String key, String text, Function<String, T> parser) {
        try {
            return parse(key, text, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
