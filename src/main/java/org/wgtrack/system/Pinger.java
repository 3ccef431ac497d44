package org.wgtrack.system;

import java.util.List;
import java.util.Optional;

/**
 * Sends one echo request per target, all concurrently, and waits for the answers. The call
 * returns within the largest timeout of the batch plus a small margin, however many targets
 * there are; results come back in request order.
 */
public interface Pinger {

    List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException;

    /**
     * Why this pinger cannot ping at all (no ping program on the system), or empty. While
     * present, peers are judged by their handshake alone, as peers with an unpingable target.
     */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** Looks again at what the system offers (on SIGHUP: a ping program installed or removed since); most pingers have nothing to do. */
    default void redetect() throws InterruptedException {
    }
}
