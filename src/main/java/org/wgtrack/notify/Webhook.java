package org.wgtrack.notify;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.wgtrack.events.EventText;

/**
 * Where a {@code type = webhook} hook sends its events, and how.
 *
 * @param format  {@link Format#JSON}: one POST per cycle with all of that cycle's events as a JSON
 *                array; {@link Format#TEXT}: one POST per event with a short message
 *                ({@link EventText}), which ntfy, Gotify-style and chat webhooks show as it is
 * @param headers sent with every request (tokens: never logged)
 * @param retries further attempts after a failed one, waiting 1 s, 2 s, 4 s, … in between
 */
public record Webhook(URI url, Format format, Map<String, String> headers, int retries) {

    public enum Format { JSON, TEXT }

    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        headers = Map.copyOf(headers);
    }

    /** {@code https://ntfy.example.org}: enough to tell receivers apart in a log line, nothing of a secret path or query. */
    public String shownUrl() {
        return url.getScheme() + "://" + url.getRawAuthority().replaceAll("^.*@", "");
    }
}
