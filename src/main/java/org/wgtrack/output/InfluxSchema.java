package org.wgtrack.output;

/**
 * What the influx output writes ({@code schema =} in {@code [output:influx]}).
 * {@link #WGTRACK}: the {@code wgtrack} and {@code wgtrack_daemon} measurements only.
 * {@link #TELEGRAF}: in addition, Telegraf's {@code inputs.wireguard} measurements
 * {@code wireguard_device} and {@code wireguard_peer} with its tags, field names, types and units
 * (influxdata/telegraf, plugins/inputs/wireguard/wireguard.go), so dashboards written for that
 * input keep working; wgtrack's judgement stays in the {@code wgtrack} measurement.
 */
public enum InfluxSchema {
    WGTRACK("wgtrack"),
    TELEGRAF("telegraf");

    private final String label;

    InfluxSchema(String label) {
        this.label = label;
    }

    /** The value of {@code schema}. */
    public String label() {
        return label;
    }
}
