/**
 * The pure core of wgtrack: how a peer's link is judged and which state it is in (SPEC §2, §3).
 * Nothing here does I/O, reads a clock or logs: {@link org.wgtrack.track.PeerStateMachine}
 * takes a peer's {@link org.wgtrack.track.PeerTrack}, this cycle's
 * {@link org.wgtrack.track.Observation} and its parameters, and returns a
 * {@link org.wgtrack.track.Step}: the next track, whether to re-resolve, and the transition
 * for the daemon to log.
 */
package org.wgtrack.track;
