package org.wgtrack.system;

import java.util.List;

/**
 * Sends one echo request per target, all concurrently, and waits for the answers. The call
 * returns within the largest timeout of the batch plus a small margin, however many targets
 * there are; results come back in request order.
 */
public interface Pinger {

    List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException;
}
