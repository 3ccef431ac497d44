package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wgtrack.config.AddressFamily;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.CountingExecutor;
import org.wgtrack.testing.FakeResolver;
import org.wgtrack.testing.FakeWgBackend;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PublicKey;

class EndpointUpdaterTest {

    private static final PeerId PEER = new PeerId("wg0", new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="));

    private final FakeWgBackend wg = new FakeWgBackend();
    private final FakeResolver resolver = new FakeResolver(() -> 0);
    private final CountingExecutor lookupThreads = new CountingExecutor();
    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.DEBUG);
    private EndpointUpdater updater;

    @BeforeEach
    void setUp() {
        updater = new EndpointUpdater(new Lookups(resolver, lookupThreads, Duration.ofMillis(100)), () -> wg, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        resolver.release();
        updater.close();
    }

    private static EndpointUpdater.Request request(String current) {
        return new EndpointUpdater.Request(PEER, Optional.of("alpha"), "wg0 alpha", Endpoint.parse("alpha.example:51820"),
                Optional.of(Endpoint.parse(current)), AddressFamily.ANY);
    }

    private void awaitOutcomes(int count) throws Exception {
        Await.atMost(Duration.ofSeconds(5)).every(Duration.ofMillis(5)).until(count + " lookup outcome(s)",
                () -> updater.totals().values().stream().mapToLong(Long::longValue).sum() >= count);
    }

    @Test
    void hangingLookupTimesOutButThePeerIsNotAskedAgainUntilItReturns() throws Exception {
        resolver.hang();
        updater.request(request("192.0.2.1:51820"));
        awaitOutcomes(1);
        assertThat(updater.totals()).containsEntry("failed", 1L);
        assertThat(logged.text()).contains("<4>wg0 alpha: cannot resolve alpha.example: no answer within 0.1 s");

        updater.request(request("192.0.2.1:51820"));
        updater.request(request("192.0.2.1:51820"));
        assertThat(resolver.lookups()).hasSize(1);

        resolver.answer("alpha.example", InetAddress.getByName("192.0.2.1"));
        resolver.release();
        assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).as("the hanging lookup returned").isTrue();
        updater.request(request("192.0.2.1:51820"));
        awaitOutcomes(2);
        assertThat(resolver.lookups()).hasSize(2);
        assertThat(updater.totals()).containsEntry("unchanged", 1L);
    }

    @Test
    void currentAddressAmongTheAnswersChangesNothing() throws Exception {
        resolver.answer("alpha.example", InetAddress.getByName("198.51.100.9"), InetAddress.getByName("192.0.2.1"));
        updater.request(request("192.0.2.1:51820"));
        awaitOutcomes(1);

        assertThat(wg.setCalls()).isEmpty();
        assertThat(updater.totals()).containsEntry("unchanged", 1L);
    }

    @Test
    void unknownNameIsAFailureAndSetsNothing() throws Exception {
        updater.request(request("192.0.2.1:51820"));
        awaitOutcomes(1);

        assertThat(wg.setCalls()).isEmpty();
        assertThat(logged.text()).contains("wg0 alpha: cannot resolve alpha.example: unknown host");
        assertThat(updater.drain()).extracting(EndpointUpdater.Outcome::result).containsExactly(EndpointUpdater.Result.FAILED);
    }
}
