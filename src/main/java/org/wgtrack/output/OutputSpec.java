package org.wgtrack.output;

/**
 * The validated settings of one {@code [output:<name>]} section. Building a spec has no side
 * effects (no file is touched, no port bound), so a reloaded config can be checked completely
 * before anything running is replaced. Two equal specs describe the same output, which is how
 * {@link OutputSet#reconfigure} keeps a running HTTP server across a reload.
 */
public sealed interface OutputSpec permits InfluxSpec, JsonSpec, PrometheusSpec, EventsSpec {

    /** The section's name ({@code influx}, {@code prom-lan}, …). */
    String name();

    /** Creates the output; still no side effects: files are written and ports bound by {@link Output#write}. */
    Output open();
}
