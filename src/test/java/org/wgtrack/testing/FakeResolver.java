package org.wgtrack.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import org.wgtrack.system.Resolver;

/**
 * A resolver under the test's control: names map to addresses, unknown names fail, and
 * {@link #hang()} makes every lookup block until {@link #release()} (a dead DNS server).
 * Each lookup is recorded with the cycle number the test's counter reports at that moment.
 */
public final class FakeResolver implements Resolver {

    public record Lookup(String hostname, int cycle) {
    }

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private final IntSupplier cycle;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public FakeResolver(IntSupplier cycle) {
        this.cycle = cycle;
    }

    public void answer(String hostname, InetAddress... addresses) {
        answers.put(hostname, List.of(addresses));
    }

    public void hang() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public List<InetAddress> resolve(String hostname) throws UnknownHostException {
        synchronized (this) {
            lookups.add(new Lookup(hostname, cycle.getAsInt()));
        }
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(hostname + " (interrupted)");
        }
        List<InetAddress> addresses = answers.get(hostname);
        if (addresses == null) {
            throw new UnknownHostException(hostname);
        }
        return addresses;
    }

    public synchronized List<Lookup> lookups() {
        return new ArrayList<>(lookups);
    }
}
