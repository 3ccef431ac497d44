package org.wgtrack.track;

/**
 * What kind of endpoint a peer has, which decides which down state it takes (SPEC §3).
 * The daemon derives it each cycle: an endpoint in the peer's wg-quick file whose host is
 * not an IP literal → {@link #HOSTNAME}; otherwise a live endpoint reported by wg or a
 * literal one in the file → {@link #LITERAL}; neither → {@link #NONE}.
 */
public enum EndpointKind {
    /** There is a name to re-resolve. */
    HOSTNAME,
    /** The endpoint is an address: re-resolving cannot help. */
    LITERAL,
    /** No endpoint known at all (e.g. a dial-in peer that never connected). */
    NONE
}
