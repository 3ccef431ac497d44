package org.wgtrack.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventType;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.PeerId;

/** Which events reach a hook and when, with a recording command in place of a program. */
class HooksTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");
    private static final PeerId BERLIN = new PeerId("wg0", TestKeys.numbered(1));
    private static final PeerId PARIS = new PeerId("wg1", TestKeys.numbered(2));

    @RegisterExtension
    final LogCapture log = LogCapture.at(LogLevel.INFO);

    private final List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());
    /** What the fake webhook receiver was sent: content type, then body. */
    private final List<String> posts = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Deque<Integer> statuses = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final WebhookClient client = (url, headers, contentType, body, timeout) -> {
        posts.add(contentType + " " + headers + " " + body);
        Integer status = statuses.poll();
        return status == null ? 200 : status;
    };
    private final Hooks hooks = new Hooks((command, environment, stdin, timeout) -> {
        received.add(environment);
        return new HookCommand.Result(false, 0, "");
    }, client, pauses::add);

    @AfterEach
    void close() {
        hooks.close();
    }

    private static HookSpec spec(Set<EventType> on, int downAfter, boolean onStartup, Set<String> interfaces, Set<String> peers) {
        return new HookSpec("ops", List.of("/usr/bin/true"), Duration.ofSeconds(10), on, interfaces, peers, downAfter, onStartup, 4);
    }

    private void use(HookSpec spec) {
        hooks.reconfigure(new HookFactory.HookPlan(List.of(spec), List.of()));
    }

    private static Event event(EventType type, PeerId peer, boolean startup) {
        Optional<String> name = peer.equals(BERLIN) ? Optional.of("berlin") : peer.equals(PARIS) ? Optional.of("paris") : Optional.empty();
        return new Event(T0, type, Optional.of(peer), name,
                Optional.of(type == EventType.UP ? PeerState.DOWN_CHECKING : PeerState.UP_OK),
                Optional.of(type == EventType.UP ? PeerState.UP_OK : PeerState.DOWN_WAITING), "2 pings failed",
                Optional.empty(), Optional.empty(), type == EventType.UP ? OptionalLong.of(90) : OptionalLong.empty(), startup);
    }

    private List<String> receivedEvents(int count) throws Exception {
        Await.atMost(Duration.ofSeconds(5)).until(count + " deliveries", () -> received.size() >= count);
        return received.stream().map(e -> e.get("WGTRACK_EVENT") + " " + e.get("WGTRACK_NAME")).toList();
    }

    @Test
    void byDefaultDownAndUpAreSentAtOnceAndStartUpIsNot() throws Exception {
        use(spec(HookFactory.DEFAULT_ON, 0, false, Set.of(), Set.of()));
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, true)), Set.of(BERLIN));
        hooks.cycle(List.of(event(EventType.UP, BERLIN, false), event(EventType.ENDPOINT_CHANGED, PARIS, false)), Set.of());
        hooks.cycle(List.of(event(EventType.DOWN, PARIS, false)), Set.of(PARIS));

        assertThat(receivedEvents(2)).containsExactlyInAnyOrder("up berlin", "down paris");
        assertThat(received.stream().filter(e -> e.get("WGTRACK_EVENT").equals("up")).findFirst().orElseThrow()).containsEntry("WGTRACK_DOWN_SECONDS", "90").containsEntry("WGTRACK_INTERFACE", "wg0")
                .containsEntry("WGTRACK_PEER", BERLIN.publicKey().base64()).containsEntry("WGTRACK_OLD_STATE", "down:checking");
    }

    @Test
    void onStartupAndFiltersChooseWhatArrives() throws Exception {
        use(spec(Set.of(EventType.DOWN), 0, true, Set.of("wg0"), Set.of()));
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, true), event(EventType.DOWN, PARIS, true)), Set.of(BERLIN, PARIS));
        assertThat(receivedEvents(1)).containsExactly("down berlin");

        received.clear();
        use(spec(Set.of(EventType.DOWN), 0, false, Set.of(), Set.of("paris", BERLIN.publicKey().base64())));
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, false), event(EventType.DOWN, PARIS, false),
                event(EventType.DOWN, new PeerId("wg0", TestKeys.numbered(3)), false)), Set.of());
        assertThat(receivedEvents(2)).containsExactlyInAnyOrder("down berlin", "down paris");
    }

    @Test
    void aPeersEventsArriveInTheOrderTheyHappened() throws Exception {
        use(spec(HookFactory.DEFAULT_ON, 0, false, Set.of(), Set.of()));
        for (int i = 0; i < 50; i++) {
            hooks.cycle(List.of(event(i % 2 == 0 ? EventType.DOWN : EventType.UP, BERLIN, false)), Set.of());
        }
        List<String> order = receivedEvents(50);
        for (int i = 0; i < 50; i++) {
            assertThat(order.get(i)).isEqualTo((i % 2 == 0 ? "down" : "up") + " berlin");
        }
    }

    @Test
    void downAfterSendsOnlyOutagesThatLastAndTheirUp() throws Exception {
        use(spec(HookFactory.DEFAULT_ON, 2, false, Set.of(), Set.of()));
        // Berlin flaps: down and up within two cycles is no news at all.
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, false)), Set.of(BERLIN));
        hooks.cycle(List.of(event(EventType.UP, BERLIN, false)), Set.of());
        // Paris stays down: its down goes out two cycles later, its up when it returns.
        hooks.cycle(List.of(event(EventType.DOWN, PARIS, false)), Set.of(PARIS));
        hooks.cycle(List.of(), Set.of(PARIS));
        assertThat(received).isEmpty();
        hooks.cycle(List.of(), Set.of(PARIS));
        assertThat(receivedEvents(1)).containsExactly("down paris");
        hooks.cycle(List.of(event(EventType.UP, PARIS, false)), Set.of());
        assertThat(receivedEvents(2)).containsExactly("down paris", "up paris");
    }

    @Test
    void aSlowReceiverNeverHoldsTheCycleAndAFullQueueDropsTheOldest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Hooks slow = new Hooks((command, environment, stdin, timeout) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            return new HookCommand.Result(false, 0, "");
        }, client);
        try {
            slow.reconfigure(new HookFactory.HookPlan(List.of(spec(Set.of(EventType.DOWN), 0, false, Set.of(), Set.of())), List.of()));
            List<Event> many = new ArrayList<>();
            for (int i = 0; i < HookSpec.QUEUE + 500; i++) {
                many.add(event(EventType.DOWN, new PeerId("wg0", TestKeys.numbered(100 + i)), false));
            }
            long start = System.nanoTime();
            slow.cycle(many, Set.of());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the cycle only queues").isLessThan(Duration.ofSeconds(1));
            Await.atMost(Duration.ofSeconds(5)).until("four programs at once", () -> running.get() == 4);
            long dropped = slow.totals().get("ops").get(Hooks.Result.DROPPED);
            assertThat(dropped).as("what did not fit in the queues").isBetween(500L - 4, 1_500L - HookSpec.QUEUE / 2);
            release.countDown();
            Await.atMost(Duration.ofSeconds(10)).until("every queued event delivered",
                    () -> slow.totals().get("ops").get(Hooks.Result.SENT) + dropped == many.size());
            assertThat(mostAtOnce.get()).isEqualTo(4);
        } finally {
            release.countDown();
            slow.close();
        }
    }

    @Test
    void aFailingReceiverIsCountedAndLoggedOnceAMinute() throws Exception {
        Hooks failing = new Hooks((command, environment, stdin, timeout) -> new HookCommand.Result(false, 3, "mail: no route\u001b[31m"),
                client);
        try {
            failing.reconfigure(new HookFactory.HookPlan(List.of(spec(Set.of(EventType.DOWN), 0, false, Set.of(), Set.of())), List.of()));
            for (int i = 0; i < 5; i++) {
                failing.cycle(List.of(event(EventType.DOWN, BERLIN, false)), Set.of());
            }
            Await.atMost(Duration.ofSeconds(5)).until("five failures", () -> failing.totals().get("ops").get(Hooks.Result.FAILED) == 5);
            assertThat(log.lines()).singleElement().asString()
                    .isEqualTo("<4>hook ops: down wg0 berlin (" + BERLIN.publicKey().shortForm()
                            + "): /usr/bin/true exited with status 3: mail: no route\\x1b[31m");
        } finally {
            failing.close();
        }
    }

    private static HookSpec webhook(Webhook.Format format, int retries) {
        return new HookSpec("ntfy", List.of(), Optional.of(new Webhook(java.net.URI.create("https://ntfy.example.org/wg-secret-topic"),
                format, Map.of("Authorization", "Bearer tk_secret"), retries)), Duration.ofSeconds(5), HookFactory.DEFAULT_ON,
                Set.of(), Set.of(), 0, false, 4);
    }

    @Test
    void aJsonWebhookGetsOnePostPerCycleWithAllItsEvents() throws Exception {
        hooks.reconfigure(new HookFactory.HookPlan(List.of(webhook(Webhook.Format.JSON, 3)), List.of()));
        List<Event> uplinkLost = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            uplinkLost.add(event(EventType.DOWN, new PeerId("wg0", TestKeys.numbered(10 + i)), false));
        }
        hooks.cycle(uplinkLost, Set.of());

        Await.atMost(Duration.ofSeconds(5)).until("the post", () -> hooks.totals().get("ntfy").get(Hooks.Result.SENT) == 1_000);
        assertThat(posts).singleElement().asString().startsWith("application/json {Authorization=Bearer tk_secret} [{\"event\":\"down\"");
        assertThat(com.fasterxml.jackson.jr.ob.JSON.std.listFrom(posts.get(0).substring(posts.get(0).indexOf('['))))
                .hasSize(1_000);
    }

    @Test
    void aTextWebhookGetsOneShortMessagePerEvent() throws Exception {
        hooks.reconfigure(new HookFactory.HookPlan(List.of(webhook(Webhook.Format.TEXT, 3)), List.of()));
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, false), event(EventType.UP, PARIS, false)), Set.of(BERLIN));

        Await.atMost(Duration.ofSeconds(5)).until("two posts", () -> posts.size() == 2);
        assertThat(posts).containsExactlyInAnyOrder(
                "text/plain; charset=utf-8 {Authorization=Bearer tk_secret} wg0 berlin is down (2 pings failed)",
                "text/plain; charset=utf-8 {Authorization=Bearer tk_secret} wg1 paris is up again after 1 min 30 s (2 pings failed)");
    }

    @Test
    void aFailingWebhookIsRetriedWithGrowingPausesThenDroppedAndLoggedWithoutItsSecrets() throws Exception {
        hooks.reconfigure(new HookFactory.HookPlan(List.of(webhook(Webhook.Format.TEXT, 3)), List.of()));
        statuses.addAll(List.of(500, 502, 200));
        hooks.cycle(List.of(event(EventType.DOWN, BERLIN, false)), Set.of(BERLIN));
        Await.atMost(Duration.ofSeconds(5)).until("sent on the third try", () -> hooks.totals().get("ntfy").get(Hooks.Result.SENT) == 1);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        statuses.addAll(List.of(500, 500, 500, 500));
        hooks.cycle(List.of(event(EventType.UP, BERLIN, false)), Set.of());
        Await.atMost(Duration.ofSeconds(5)).until("given up", () -> hooks.totals().get("ntfy").get(Hooks.Result.FAILED) == 1);
        assertThat(posts).hasSize(7);
        assertThat(log.lines()).singleElement().asString().isEqualTo("<4>hook ntfy: up wg0 berlin (" + BERLIN.publicKey().shortForm()
                + "): https://ntfy.example.org failed 4 times, last: HTTP status 500; dropped");
        assertThat(log.text()).doesNotContain("secret");
    }
}
