package org.wgtrack.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wgtrack.config.AddressFamily;
import org.wgtrack.log.Log;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.system.Resolver;
import org.wgtrack.system.Wg;
import org.wgtrack.system.WgException;
import org.wgtrack.text.PlainDecimal;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;
/**
 * Re-resolves endpoint hostnames off the cycle thread (SPEC §4) and points WireGuard at the
 * new address. Lookups run concurrently on a small pool, each bounded by a timeout; a peer
 * whose previous lookup is still hanging in the system resolver is not asked again until it
 * returns, so a dead DNS server costs a few blocked threads, never a late cycle.
 * Outcomes are queued for the cycle thread, which owns the per-peer counters.
 */
final class EndpointUpdater implements AutoCloseable {

    /** What one re-resolution came to. */
    enum Result {
        CHANGED("changed"), UNCHANGED("unchanged"), FAILED("failed");

        final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /**
     * What one re-resolution came to, for the cycle thread.
     *
     * @param before  the endpoint WireGuard used before
     * @param after   for {@link Result#CHANGED}: the endpoint it uses now
     * @param message the words of the log line ({@code cannot resolve …: unknown host})
     */
    record Outcome(PeerId peer, Optional<String> name, Result result, Instant at, Optional<Endpoint> before,
                   Optional<Endpoint> after, String message) {
    }

    /** A re-resolution to run: the configured hostname endpoint and what wg currently uses. */
    record Request(PeerId peer, Optional<String> name, String describedPeer, Endpoint configured, Optional<Endpoint> current,
                   AddressFamily family) {
    }

    private final Resolver resolver;
    private final Supplier<Wg> wg;
    private final Clock clock;
    private final Duration lookupTimeout;
    private final ExecutorService lookups;
    private final Set<PeerId> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<Result, AtomicLong> totals = new ConcurrentHashMap<>();
    private final RateLimiter failureLog;

    EndpointUpdater(Lookups lookups, Supplier<Wg> wg, Clock clock) {
        this.resolver = lookups.resolver();
        this.lookups = lookups.threads();
        this.lookupTimeout = lookups.timeout();
        this.wg = wg;
        this.clock = clock;
        this.failureLog = new RateLimiter(Duration.ofMinutes(5), System::nanoTime);
        for (Result result : Result.values()) {
            totals.put(result, new AtomicLong());
        }
    }

    /** Starts a re-resolution unless one for the same peer is still running; never blocks. */
    void request(Request request) {
        if (!inFlight.add(request.peer())) {
            Log.debug(request.describedPeer() + ": previous lookup of " + request.configured().host() + " still running; not asking again");
            return;
        }
        String host = request.configured().host();
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, lookups);
        // The peer stays in flight until the resolver thread really returns, not merely until we
        // stop waiting: orTimeout works on a copy so that the time-out does not complete `lookup`.
        lookup.whenComplete((addresses, error) -> inFlight.remove(request.peer()));
        lookup.copy().orTimeout(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((addresses, error) -> finish(request, addresses, error));
    }

    private void finish(Request request, List<InetAddress> addresses, Throwable error) {
        String who = request.describedPeer();
        String host = request.configured().host();
        if (error != null) {
            Throwable cause = java.util.concurrent.CompletionException.class.isInstance(error) && error.getCause() != null ? error.getCause() : error;
            String why = TimeoutException.class.isInstance(cause)
                    ? "no answer within " + PlainDecimal.seconds(lookupTimeout) + " s"
                    : UnknownHostException.class.isInstance(cause) ? "unknown host" : cause.toString();
            fail(request, "cannot resolve " + host + ": " + why);
            return;
        }
        Optional<InetAddress> chosen = addresses.stream().filter(request.family()::allows).findFirst();
        if (chosen.isEmpty()) {
            fail(request, host + " has no " + request.family().label() + " address (got " + addresses + ")");
            return;
        }
        failureLog.reset(request.peer().toString());
        int port = request.configured().port();
        Optional<InetAddress> current = request.current().flatMap(Endpoint::literalAddress);
        boolean samePort = request.current().map(e -> e.port() == port).orElse(false);
        if (samePort && current.isPresent() && addresses.stream().filter(request.family()::allows).anyMatch(current.get()::equals)) {
            Log.debug(who + ": " + host + " still resolves to " + request.current().get() + "; endpoint unchanged");
            record(request, Result.UNCHANGED, Optional.empty(), "unchanged");
            return;
        }
        Endpoint next = Endpoint.of(chosen.get(), port);
        try {
            wg.get().setEndpoint(request.peer().interfaceName(), request.peer().publicKey(), new InetSocketAddress(chosen.get(), port));
            Log.info(who + ": endpoint " + request.current().map(Endpoint::toString).orElse("(none)") + " → " + next
                    + " (" + host + " re-resolved)");
            record(request, Result.CHANGED, Optional.of(next), host + " re-resolved");
        } catch (WgException e) {
            fail(request, "setting endpoint " + next + " failed: " + e.getMessage());
        }
    }

    private void fail(Request request, String message) {
        if (failureLog.allow(request.peer().toString())) {
            Log.warning(request.describedPeer() + ": " + message);
        } else {
            Log.debug(request.describedPeer() + ": " + message);
        }
        record(request, Result.FAILED, Optional.empty(), message);
    }

    private void record(Request request, Result result, Optional<Endpoint> after, String message) {
        totals.get(result).incrementAndGet();
        outcomes.add(new Outcome(request.peer(), request.name(), result, clock.instant(), request.current(), after, message));
    }

    /** Outcomes that arrived since the last call, oldest first. */
    List<Outcome> drain() {
        List<Outcome> drained = new ArrayList<>();
        for (Outcome outcome; (outcome = outcomes.poll()) != null; ) {
            drained.add(outcome);
        }
        return drained;
    }

    /** Re-resolutions since start by result label ({@code changed}, {@code unchanged}, {@code failed}). */
    Map<String, Long> totals() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        totals.forEach((result, count) -> copy.put(result.label, count.get()));
        return copy;
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
