package org.wgtrack.config;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code [output:<name>]} section. Keys are lower case; values are interpolated but
 * not yet validated: each output type validates its own keys (see output.OutputFactory).
 *
 * @param type {@code type} key, defaulting to the name
 */
public record OutputSettings(String name, String type, String source, int line, Map<String, SettingValue> values) {

    public OutputSettings {
        values = Map.copyOf(values);
    }

    public String section() {
        return "output:" + name;
    }

    public Optional<SettingValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
