package org.wgtrack.ini;

import java.util.Objects;

/**
 * One {@code key = value} as written, before interpolation.
 *
 * @param section the section the key is written in ({@code DEFAULT} for inherited keys)
 * @param key lower case, as configparser's {@code optionxform}
 * @param rawValue continuation lines joined with {@code "\n"}, trailing blank lines dropped
 * @param line the line of the key
 */
public record IniEntry(String section, String key, String rawValue, int line) {

    public IniEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawValue, "rawValue");
    }
}
