package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.TrackingParamsBuilder;
import org.wgtrack.wg.PublicKey;

/** The lookup order peer → interface → general → DEFAULT → built-in, one level per key. */
class TrackingLookupTest {

    private static final PublicKey PEER = ConfigLoaderTest.PEER;
    private static final PublicKey OTHER = new PublicKey("HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=");

    @Test
    void eachKeyComesFromTheMostSpecificLevelThatSetsIt() throws ConfigException {
        // lookup-five-levels.conf: ping_interval only in DEFAULT, ping_failafternum down to general,
        // ping_timeout down to interface, cycles_wait down to the peer, handshake_timeout nowhere.
        WgtrackConfig config = ConfigLoaderTest.load("lookup-five-levels.conf");
        TrackingParams peer = config.trackingFor("wg0", PEER);
        assertThat(peer.pingInterval()).as("from [DEFAULT]").isEqualTo(5);
        assertThat(peer.pingFailAfterNum()).as("from [general]").isEqualTo(4);
        assertThat(peer.pingTimeout()).as("from [interface:wg0]").isEqualTo(Duration.ofSeconds(3));
        assertThat(peer.cyclesWait()).as("from the peer").isEqualTo(2);
        assertThat(peer.handshakeTimeout()).as("built in").isEqualTo(Duration.ofSeconds(180));
        assertThat(peer.name()).contains("branch office");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void peerWithoutSectionGetsItsInterfaceButNotTheInterfacesName() throws ConfigException {
        WgtrackConfig config = ConfigLoaderTest.load("lookup-five-levels.conf");
        TrackingParams other = config.trackingFor("wg0", OTHER);
        assertThat(other.cyclesWait()).isEqualTo(3);
        assertThat(other.pingTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(other.name()).isEmpty();
        TrackingParams wg0 = config.trackingFor("wg0");
        assertThat(wg0.name()).contains("hub");
        assertThat(wg0.cyclesWait()).isEqualTo(3);
    }

    @Test
    void peerSectionWithoutInterfaceSectionSitsOnGeneral() throws ConfigException {
        WgtrackConfig config = ConfigLoaderTest.load("lookup-five-levels.conf");
        TrackingParams peer = config.trackingFor("wg1", PEER);
        assertThat(peer.track()).isFalse();
        assertThat(peer.cyclesWait()).isEqualTo(4);
        assertThat(peer.pingTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.trackingFor("wg1").track()).as("the interface itself stays tracked").isTrue();
        assertThat(config.trackingFor("wg1", OTHER).track()).isTrue();
    }

    @Test
    void unknownInterfaceGetsGeneralOverDefaultOverBuiltIn() throws ConfigException {
        WgtrackConfig config = ConfigLoaderTest.load("lookup-five-levels.conf");
        TrackingParams expected = TrackingParamsBuilder.defaults().withPingInterval(5).withPingFailAfterNum(4)
                .withPingTimeout(Duration.ofSeconds(4)).withCyclesWait(4).build();
        assertThat(config.trackingFor("wg9")).isEqualTo(expected);
        assertThat(config.trackingFor("wg9", PEER)).isEqualTo(expected);
    }

    @Test
    void everyTrackingKeyIsReadAtEveryLevel() throws Exception {
        String all = """
                ping_interval = 3
                ping_failafternum = 6
                ping_timeout = 0.25
                ping_address = fd00::1
                cycles_wait = 0
                cycles_checking = 7
                cycles_checkperiod = 5
                cycles_slowcheckingperiod = 60
                address_family = IPv6
                track = Off
                handshake_timeout = 5
                """;
        TrackingParams expected = TrackingParamsBuilder.defaults().withPingInterval(3).withPingFailAfterNum(6)
                .withPingTimeout(Duration.ofMillis(250)).withPingAddress(InetAddress.getByName("fd00::1"))
                .withCyclesWait(0).withCyclesChecking(7).withCyclesCheckPeriod(5).withCyclesSlowCheckingPeriod(60)
                .withAddressFamily(AddressFamily.IPV6).withTrack(false).withHandshakeTimeout(Duration.ofSeconds(5)).build();
        for (String section : new String[] {"DEFAULT", "general", "interface:wg0", "peer:wg0:" + PEER}) {
            WgtrackConfig config = ConfigLoader.parse("t", "[" + section + "]\n" + all);
            assertThat(config.trackingFor("wg0", PEER)).as(section).isEqualTo(expected);
            assertThat(config.warnings()).as(section).isEmpty();
        }
    }

    @Test
    void emptyPingAddressInPeerUndoesTheInterfacesOne() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t",
                "[interface:wg0]\nping_address = 10.0.0.1\n[peer:wg0:" + PEER + "]\nping_address =\n");
        assertThat(config.trackingFor("wg0", PEER).pingAddress()).isEmpty();
        assertThat(config.trackingFor("wg0", OTHER).pingAddress()).map(InetAddress::getHostAddress).contains("10.0.0.1");
    }

    @Test
    void lookupIsAPrecomputedMapHit() throws ConfigException {
        StringBuilder text = new StringBuilder("[interface:wg0]\nping_interval = 2\n");
        PublicKey[] keys = new PublicKey[10_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = TestKeys.numbered(i);
            text.append("[peer:wg0:").append(keys[i]).append("]\nname = peer ").append(i).append('\n');
        }
        long start = System.nanoTime();
        WgtrackConfig config = ConfigLoader.parse("t", text.toString());
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(loadMillis).as("loading 10,000 peer sections").isLessThan(5_000);
        for (int i = 0; i < keys.length; i++) {
            TrackingParams params = config.trackingFor("wg0", keys[i]);
            assertThat(params.name()).contains("peer " + i);
            assertThat(config.trackingFor("wg0", keys[i])).isSameAs(params);
        }
        assertThat(config.trackingFor("wg0", PEER)).isSameAs(config.trackingFor("wg0", OTHER));
    }
}
