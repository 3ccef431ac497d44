package org.wgtrack.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventJson;
import org.wgtrack.events.EventText;
import org.wgtrack.events.EventType;
import org.wgtrack.log.Log;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.log.Shown;
import org.wgtrack.wg.PeerId;

/**
 * Delivers each cycle's events to the configured hooks without ever being in the cycle's way:
 * the cycle thread only sorts events into each hook's queues (bounded: when full, the oldest
 * waiting event is dropped and counted); each hook's programs run on its own threads, at most
 * {@code concurrency} at a time, each bounded by its {@code timeout}. A peer's events always
 * take the same lane of a hook, so they arrive in the order they happened. A failing or hanging
 * receiver is logged at most once a minute. {@code down_after} is applied here: a {@code down}
 * waits until the peer has stayed down that many cycles, and an {@code up} follows only a
 * {@code down} that was sent.
 */
public final class Hooks implements AutoCloseable {

    /** Outcomes counted per hook. */
    public enum Result { SENT, FAILED, DROPPED }

    private static final int SHOWN_OUTPUT = 200;

    private final HookCommand command;
    private final WebhookClient webhooks;
    private final Sleeper backoff;
    private final RateLimiter failures = new RateLimiter(Duration.ofMinutes(1), System::nanoTime);
    private List<Receiver> receivers = List.of();

    /** Waits between a webhook's attempts; tests wait for nothing. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    public Hooks(HookCommand command, WebhookClient webhooks) {
        this(command, webhooks, pause -> Thread.sleep(pause.toMillis()));
    }

    public Hooks(HookCommand command, WebhookClient webhooks, Sleeper backoff) {
        this.command = command;
        this.webhooks = webhooks;
        this.backoff = backoff;
    }

    /** Replaces the hooks (SIGHUP); the old ones finish what runs and drop what waits. */
    public synchronized void reconfigure(HookFactory.HookPlan plan) {
        receivers.forEach(Receiver::shutdown);
        List<Receiver> next = new ArrayList<>();
        plan.hooks().forEach(spec -> next.add(new Receiver(spec)));
        receivers = List.copyOf(next);
    }

    /** One cycle's events, oldest first; {@code down} are the peers in a down state at the cycle's end. */
    public synchronized void cycle(List<Event> events, Set<PeerId> down) {
        for (Receiver receiver : receivers) {
            receiver.cycle(events, down);
        }
    }

    /** Counts per hook and result label ({@code sent}, {@code failed}, {@code dropped}), for the metrics. */
    public synchronized Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        totals().forEach((hook, results) -> {
            Map<String, Long> labelled = new TreeMap<>();
            results.forEach((result, count) -> labelled.put(result.name().toLowerCase(java.util.Locale.ROOT), count));
            counts.put(hook, labelled);
        });
        return counts;
    }

    /** Counts per hook and result. */
    public synchronized Map<String, Map<Result, Long>> totals() {
        Map<String, Map<Result, Long>> totals = new TreeMap<>();
        for (Receiver receiver : receivers) {
            Map<Result, Long> counts = new TreeMap<>();
            receiver.counts.forEach((result, count) -> counts.put(result, count.get()));
            totals.put(receiver.spec.name(), counts);
        }
        return totals;
    }

    @Override
    public synchronized void close() {
        receivers.forEach(Receiver::stop);
        receivers = List.of();
    }

    /** One hook: its queue, its threads, and its down_after bookkeeping (cycle thread only). */
    private final class Receiver {
        final HookSpec spec;
        final Map<Result, AtomicLong> counts = new HashMap<>();
        /** One thread each; a peer's events always go to the same lane. */
        final List<ThreadPoolExecutor> lanes = new ArrayList<>();
        final Map<PeerId, Pending> pending = new HashMap<>();
        final Set<PeerId> sentDown = new HashSet<>();
        long cycle;

        record Pending(Event down, long cycle) {
        }

        Receiver(HookSpec spec) {
            this.spec = spec;
            for (Result result : Result.values()) {
                counts.put(result, new AtomicLong());
            }
            int perLane = Math.max(1, HookSpec.QUEUE / spec.concurrency());
            for (int i = 0; i < spec.concurrency(); i++) {
                ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(perLane),
                        runnable -> {
                            Thread thread = new Thread(runnable, "hook-" + spec.name());
                            thread.setDaemon(true);
                            return thread;
                        }, (task, executor) -> {
                            // Full: the oldest waiting event makes room, so what reaches the receiver is the latest news.
                            counts.get(Result.DROPPED).incrementAndGet();
                            if (!executor.isShutdown() && executor.getQueue().poll() != null) {
                                executor.getQueue().offer(task);
                            }
                        });
                lane.allowCoreThreadTimeOut(true);
                lanes.add(lane);
            }
        }

        void cycle(List<Event> events, Set<PeerId> down) {
            cycle++;
            List<Event> toSend = new ArrayList<>();
            for (Event event : events) {
                if (!spec.wants(event)) {
                    continue;
                }
                if (spec.downAfter() == 0 || event.peer().isEmpty()) {
                    toSend.add(event);
                } else if (event.type() == EventType.DOWN) {
                    pending.put(event.peer().get(), new Pending(event, cycle));
                } else if (event.type() == EventType.UP) {
                    PeerId peer = event.peer().get();
                    if (pending.remove(peer) == null && sentDown.remove(peer)) {
                        toSend.add(event); // an up only for a down that was sent; a short outage is no news
                    }
                } else {
                    toSend.add(event);
                }
            }
            for (Iterator<Map.Entry<PeerId, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<PeerId, Pending> entry = it.next();
                if (!down.contains(entry.getKey())) {
                    it.remove();
                } else if (cycle - entry.getValue().cycle() >= spec.downAfter()) {
                    toSend.add(entry.getValue().down());
                    sentDown.add(entry.getKey());
                    it.remove();
                }
            }
            sentDown.retainAll(down);
            if (toSend.isEmpty()) {
                return;
            }
            if (spec.webhook().map(w -> w.format() == Webhook.Format.JSON).orElse(false)) {
                List<Event> batch = List.copyOf(toSend); // one request per cycle, however many peers changed
                lanes.get(0).execute(() -> post(batch, "application/json", batchJson(batch), describeBatch(batch)));
            } else {
                toSend.forEach(this::submit);
            }
        }

        void submit(Event event) {
            int lane = Math.floorMod(event.peer().map(Object::hashCode).orElse(0), lanes.size());
            if (spec.webhook().isPresent()) {
                lanes.get(lane).execute(() -> post(List.of(event), "text/plain; charset=utf-8", EventText.of(event), describe(event)));
            } else {
                lanes.get(lane).execute(() -> deliver(event));
            }
        }

        /** Posts, retrying with growing pauses; the events count as sent or, after the last attempt, failed. */
        void post(List<Event> events, String contentType, String body, String what) {
            Webhook webhook = spec.webhook().orElseThrow();
            String problem = "";
            Duration pause = Duration.ofSeconds(1);
            for (int attempt = 0; attempt <= webhook.retries(); attempt++) {
                try {
                    if (attempt > 0) {
                        backoff.sleep(pause);
                        pause = pause.multipliedBy(2);
                    }
                    int status = webhooks.post(webhook.url(), webhook.headers(), contentType, body, spec.timeout());
                    if (status >= 200 && status < 300) {
                        counts.get(Result.SENT).addAndGet(events.size());
                        failures.reset(spec.name());
                        Log.debug("hook " + spec.name() + ": " + what + " posted to " + webhook.shownUrl());
                        return;
                    }
                    problem = "HTTP status " + status;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    counts.get(Result.FAILED).addAndGet(events.size());
                    return;
                } catch (java.net.http.HttpTimeoutException e) {
                    problem = "no answer within " + spec.timeout().toMillis() + " ms";
                } catch (java.io.IOException e) {
                    problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
            }
            fail(events.size(), spec.name() + ": " + what + ": " + webhook.shownUrl() + " failed " + (webhook.retries() + 1) + " times, last: "
                    + Shown.escaped(problem) + "; dropped");
        }

        void deliver(Event event) {
            String what = spec.name() + ": " + describe(event);
            try {
                HookCommand.Result result = runOnce(command, spec, event);
                if (result.succeeded()) {
                    counts.get(Result.SENT).incrementAndGet();
                    Log.debug("hook " + what + " delivered" + shown(result.output()));
                    failures.reset(spec.name());
                    return;
                }
                fail(what + (result.timedOut() ? ": no end within " + spec.timeout().toMillis() + " ms, killed"
                        : ": " + spec.receiver() + " exited with status " + result.exitCode()) + shown(result.output()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counts.get(Result.FAILED).incrementAndGet();
            } catch (java.io.IOException e) {
                fail(what + ": cannot run " + spec.receiver() + ": " + e.getMessage());
            }
        }

        void fail(String message) {
            fail(1, message);
        }

        void fail(long events, String message) {
            if (failures.allow(spec.name())) {
                Log.warning("hook " + message);
            } else {
                Log.debug("hook " + message);
            }
            // Counted after the line is out: whoever sees the count (a test, a scrape) can find the line.
            counts.get(Result.FAILED).addAndGet(events);
        }

        void shutdown() {
            for (ThreadPoolExecutor lane : lanes) {
                counts.get(Result.DROPPED).addAndGet(lane.getQueue().size());
                lane.getQueue().clear();
                lane.shutdown();
            }
        }

        void stop() {
            lanes.forEach(ThreadPoolExecutor::shutdownNow);
        }
    }

    /** Runs the hook's program for one event and waits for it (what every delivery does; {@code wgtrack hook test} too). */
    public static HookCommand.Result runOnce(HookCommand command, HookSpec spec, Event event) throws java.io.IOException,
            InterruptedException {
        return command.run(spec.command(), EventJson.environment(event), EventJson.of(event) + "\n", spec.timeout());
    }

    private static String batchJson(List<Event> events) {
        StringBuilder json = new StringBuilder("[");
        for (Event event : events) {
            json.append(json.length() == 1 ? "" : ",").append(EventJson.of(event));
        }
        return json.append(']').toString();
    }

    private static String describeBatch(List<Event> events) {
        return events.size() == 1 ? describe(events.get(0)) : events.size() + " events";
    }

    /** {@code down wg0 berlin (xTIBA5rb…)}, {@code live_state_failed}. */
    public static String describe(Event event) {
        return event.type().label() + event.peer().map(p -> " " + p.describe(event.name())).orElse("");
    }

    private static String shown(String output) {
        String text = output.strip();
        if (text.isEmpty()) {
            return "";
        }
        String escaped = Shown.escaped(text);
        return ": " + (escaped.length() > SHOWN_OUTPUT ? escaped.substring(0, SHOWN_OUTPUT) + "…" : escaped);
    }
}
