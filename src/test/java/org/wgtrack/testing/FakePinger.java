package org.wgtrack.testing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wgtrack.system.PingRequest;
import org.wgtrack.system.PingResult;
import org.wgtrack.system.Pinger;

/** Answers echo requests for the targets the test marks as reachable; records every request. */
public final class FakePinger implements Pinger {

    private final Set<InetAddress> reachable = ConcurrentHashMap.newKeySet();
    private final List<PingRequest> requests = new ArrayList<>();

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
