package org.wgtrack.output;

/**
 * How the influx output writes its integer fields. {@code integer} ({@code 12i}) is right;
 * {@code float} ({@code 12}) matches series that the original Python tool created, because
 * InfluxDB refuses to change a field's type within a shard.
 */
public enum CounterType {
    INTEGER("integer"),
    FLOAT("float");

    private final String label;

    CounterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
