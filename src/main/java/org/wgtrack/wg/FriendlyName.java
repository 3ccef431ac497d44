package org.wgtrack.wg;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A peer's friendly name in a comment of its configuration file, in each convention in use:
 * {@code # Name = branch-office} (wgtrack's own), {@code # friendly_name = branch-office} (the
 * Prometheus WireGuard exporter's) and {@code # friendly_json = {"name": "branch-office", …}}
 * (the exporter's JSON form, written by web front ends; only its {@code name} member counts).
 * Key names are matched in any case, spaces around them and the {@code =} do not matter, and an
 * empty name is no name.
 */
public final class FriendlyName {

    private FriendlyName() {
    }

    /** The name in a comment line ({@code #} or {@code ;} and what follows); empty for any other comment. */
    public static Optional<String> fromComment(String comment) {
        String rest = comment.strip();
        if (rest.isEmpty() || (rest.charAt(0) != '#' && rest.charAt(0) != ';')) {
            return Optional.empty();
        }
        rest = rest.substring(1);
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String key = rest.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = rest.substring(eq + 1).strip();
        Optional<String> name = switch (key) {
            case "name", "friendly_name" -> Optional.of(value);
            case "friendly_json" -> nameInJson(value);
            default -> Optional.empty();
        };
        return name.filter(n -> !n.isEmpty());
    }

    /** The {@code name} member of a JSON object; empty when the text is no such object. */
    private static Optional<String> nameInJson(String json) {
        try {
            Map<String, Object> object = JSON.std.mapFrom(json);
            return object.get("name") instanceof String name ? Optional.of(name.strip()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a comment wgtrack cannot read is just a comment
        }
    }
}
