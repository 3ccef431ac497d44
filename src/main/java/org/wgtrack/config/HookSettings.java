package org.wgtrack.config;

import java.util.Map;
import java.util.Optional;

/**
 * One {@code [hook:<name>]} section: a receiver of events. Keys are lower case; values are
 * interpolated but not yet validated: the events package validates them (events.HookFactory).
 */
public record HookSettings(String name, String source, int line, Map<String, SettingValue> values) {

    public HookSettings {
        values = Map.copyOf(values);
    }

    public String section() {
        return "hook:" + name;
    }

    public Optional<SettingValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
