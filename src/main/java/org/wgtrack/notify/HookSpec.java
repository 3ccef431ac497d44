package org.wgtrack.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventType;

/**
 * One validated {@code [hook:<name>]}: a program to run for each event it asks for
 * ({@code type = exec}) or a URL to post them to ({@code type = webhook}), and the limits it
 * runs under.
 *
 * @param command     for exec: the program and its arguments, split as systemd splits {@code ExecStart=}; else empty
 * @param webhook     for webhook: where and how to post; else empty
 * @param timeout     for exec: how long a program may run; for webhook: how long one request may take
 * @param on          the event types it receives
 * @param interfaces  only events of these interfaces (empty: all)
 * @param peers       only events of these peers, by public key or name (empty: all)
 * @param downAfter   {@code down} only if the peer is still down this many cycles later, and
 *                    then {@code up} only for a {@code down} that was sent; 0 reports at once
 * @param onStartup   also a peer's first judgement after start
 * @param concurrency programs of this hook running at once (a peer's events one after another, in order);
 *                    the rest wait, at most {@link #QUEUE} events in all
 */
public record HookSpec(String name, List<String> command, Optional<Webhook> webhook, Duration timeout, Set<EventType> on,
                       Set<String> interfaces, Set<String> peers, int downAfter, boolean onStartup, int concurrency) {

    /** Events waiting per hook; when full, the oldest is dropped (and counted). */
    public static final int QUEUE = 1_000;

    public HookSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(webhook, "webhook");
        if (command.isEmpty() == webhook.isEmpty()) {
            throw new IllegalArgumentException("a hook runs a command or posts to a webhook, one of the two");
        }
        Objects.requireNonNull(timeout, "timeout");
        on = Set.copyOf(on);
        interfaces = Set.copyOf(interfaces);
        peers = Set.copyOf(peers);
    }

    /** An exec hook. */
    public HookSpec(String name, List<String> command, Duration timeout, Set<EventType> on, Set<String> interfaces,
                    Set<String> peers, int downAfter, boolean onStartup, int concurrency) {
        this(name, command, Optional.empty(), timeout, on, interfaces, peers, downAfter, onStartup, concurrency);
    }

    /** Where events go, for log lines: the program, or the webhook's scheme and host. */
    public String receiver() {
        return webhook.map(Webhook::shownUrl).orElseGet(() -> command.get(0));
    }

    /** Whether this hook wants the event at all (down_after is applied later, by {@link Hooks}). */
    public boolean wants(Event event) {
        if (!on.contains(event.type()) || (event.startup() && !onStartup)) {
            return false;
        }
        if (!interfaces.isEmpty() && event.interfaceName().map(i -> !interfaces.contains(i)).orElse(false)) {
            return false;
        }
        if (!peers.isEmpty() && event.peer().isPresent()) {
            boolean byKey = peers.contains(event.peer().get().publicKey().base64());
            boolean byName = event.name().map(peers::contains).orElse(false);
            return byKey || byName;
        }
        return true;
    }
}
