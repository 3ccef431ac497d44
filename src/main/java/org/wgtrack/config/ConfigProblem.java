package org.wgtrack.config;

import org.wgtrack.log.Shown;

/**
 * One problem in a config file, rendered as {@code source:line: [section] key: message}.
 * Messages name the bad value and what is allowed, never a secret: section and key come from the
 * file, so they are shown as {@link Shown#value} shows any input (a private key pasted into a
 * header or before a {@code =} is hidden), except what is known to be harmless: the name of a
 * key wgtrack knows, and a valid {@code [peer:<ifname>:<public-key>]} header, whose key is public.
 */
public record ConfigProblem(String source, int line, String section, String key, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (section != null) {
            sb.append('[').append(shownSection(section)).append("] ");
        }
        if (key != null) {
            sb.append(Setting.byKey(key).isPresent() ? key : Shown.value(key)).append(": ");
        }
        return sb.append(message).toString();
    }

    /** A section name for a message; also used for the "did you mean" of an unknown section. */
    static String shownSection(String name) {
        SectionName parsed = SectionName.parse(name);
        if (parsed.kind() == SectionName.Kind.PEER && parsed.problem() == null) {
            return Shown.escaped(name); // the key in it is a peer's public key, as wg shows it
        }
        return Shown.value(name);
    }
}
