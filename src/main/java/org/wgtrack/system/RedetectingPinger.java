package org.wgtrack.system;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The daemon's pinger: the one {@link Pingers#detect} found at start, detected again on every
 * {@link #redetect()} (SIGHUP), so installing fping or iputils-ping takes effect on a reload.
 * Each re-detection is handed to {@code announce} with the previous one, to be logged.
 */
public final class RedetectingPinger implements Pinger {

    private final ProcessRunner runner;
    private final BiConsumer<DetectedPinger, DetectedPinger> announce;
    private volatile DetectedPinger current;

    public RedetectingPinger(ProcessRunner runner, BiConsumer<DetectedPinger, DetectedPinger> announce) throws InterruptedException {
        this.runner = runner;
        this.announce = announce;
        this.current = Pingers.detect(runner);
    }

    /** What was found last, e.g. {@code pinging with fping 5.1} or {@code no ping program (…)}. */
    public DetectedPinger detected() {
        return current;
    }

    @Override
    public List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException {
        return current.pinger().pingAll(requests);
    }

    @Override
    public Optional<String> unavailable() {
        return current.pinger().unavailable();
    }

    @Override
    public void redetect() throws InterruptedException {
        DetectedPinger next = Pingers.detect(runner);
        DetectedPinger previous = current;
        // Keep the running pinger (and its idle threads) when nothing changed.
        if (!next.description().equals(previous.description())) {
            current = next;
        }
        announce.accept(previous, next);
    }
}
