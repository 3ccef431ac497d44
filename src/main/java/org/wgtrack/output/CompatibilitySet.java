package org.wgtrack.output;

/**
 * A set of another exporter's metric families that the prometheus output writes next to
 * wgtrack's own ({@code compatible_with =} in {@code [output:prometheus]}), so that exporter's
 * dashboards and alert rules work unchanged. The README lists each family with the source file
 * of the exporter it is taken from; {@code CompatibilitySetTest} keeps the same table.
 */
public enum CompatibilitySet {
    /** MindFlavor/prometheus_wireguard_exporter (Rust), with its default options. */
    PROMETHEUS_WIREGUARD_EXPORTER("prometheus_wireguard_exporter"),
    /**
     * mdlayher/wireguard_exporter (Go, on wgctrl). Three of its families have wgtrack's own names
     * with other labels; with this set they are written in its form instead (see
     * {@link WireguardExporterFamilies}).
     */
    WIREGUARD_EXPORTER("wireguard_exporter");

    private final String label;

    CompatibilitySet(String label) {
        this.label = label;
    }

    /** The value of {@code compatible_with}. */
    public String label() {
        return label;
    }
}
