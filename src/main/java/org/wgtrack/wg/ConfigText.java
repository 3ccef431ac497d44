package org.wgtrack.wg;

import java.util.Objects;

/** The text of one configuration file and where it came from, for messages. */
public record ConfigText(String source, String text) {

    public ConfigText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
