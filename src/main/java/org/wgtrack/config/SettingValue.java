package org.wgtrack.config;

/** One raw value of wgtrack's config with where it came from, for messages. */
public record SettingValue(String value, String source, int line) {
}
