package org.wgtrack.ini;

import java.util.Objects;
import org.wgtrack.log.Shown;

/**
 * One problem in a config file, rendered as {@code source:line: [section] key: message}: line 0
 * when it is about the whole file, section and key null when it is not about one of them.
 * Messages name the bad value and what is allowed, never a secret. Section and key come from the
 * file, so they are shown as {@link Shown#value} shows any input (a private key pasted into a
 * header or before a {@code =} is hidden), unless whoever found the problem vouches for them:
 * {@code sectionIsPublic} for a valid {@code [peer:<ifname>:<public-key>]} header, whose key is a
 * peer's public key, shown whole as wg shows it; {@code keyIsKnown} for a key wgtrack defines,
 * shown as written ({@code cycles_slowcheckingperiod} looks like a run of base64 to
 * {@link Shown}). The INI reader knows no names, so it never vouches; wgtrack's config loader
 * marks the problems it passes on.
 */
public record ConfigProblem(String source, int line, String section, String key, String message,
                            boolean sectionIsPublic, boolean keyIsKnown) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    public ConfigProblem(String source, int line, String section, String key, String message) {
        this(source, line, section, key, message, false, false);
    }

    /** The same problem, with what its finder knows of the section and key names. */
    public ConfigProblem vouchedFor(boolean publicSection, boolean knownKey) {
        return new ConfigProblem(source, line, section, key, message, publicSection, knownKey);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (section != null) {
            sb.append('[').append(sectionIsPublic ? Shown.escaped(section) : Shown.value(section)).append("] ");
        }
        if (key != null) {
            sb.append(keyIsKnown ? key : Shown.value(key)).append(": ");
        }
        return sb.append(message).toString();
    }
}
