package org.wgtrack.testing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wgtrack.system.PingRequest;
import org.wgtrack.system.PingResult;
import org.wgtrack.system.Pinger;

/** Answers echo requests for the targets the test marks as reachable; records every request. */
public final class FakePinger implements Pinger {

    private final Set<InetAddress> reachable = ConcurrentHashMap.newKeySet();
    private final List<PingRequest> requests = new ArrayList<>();
    private volatile Optional<String> unavailable = Optional.empty();
    private volatile Optional<String> afterRedetect = Optional.empty();
    private int redetections;

    /** Plays a system without a ping program: {@link #unavailable()} returns the reason. */
    public void unavailable(Optional<String> reason) {
        unavailable = reason;
        afterRedetect = reason;
    }

    /** What {@link #unavailable()} says after the next {@link #redetect()} (a program installed or removed meanwhile). */
    public void onRedetect(Optional<String> reason) {
        afterRedetect = reason;
    }

    @Override
    public Optional<String> unavailable() {
        return unavailable;
    }

    @Override
    public synchronized void redetect() {
        redetections++;
        unavailable = afterRedetect;
    }

    public synchronized int redetections() {
        return redetections;
    }

    public void reachable(InetAddress target, boolean answers) {
        if (answers) {
            reachable.add(target);
        } else {
            reachable.remove(target);
        }
    }

    @Override
    public synchronized List<PingResult> pingAll(List<PingRequest> batch) {
        requests.addAll(batch);
        return batch.stream()
                .map(r -> reachable.contains(r.target()) ? PingResult.succeeded(Duration.ofMillis(3)) : PingResult.failed())
                .toList();
    }

    public synchronized List<PingRequest> requests() {
        return List.copyOf(requests);
    }
}
