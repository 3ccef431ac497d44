package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.FakeProc;

/** Against a /proc laid out in a temporary directory as the kernel does (x86: words in little-endian order). */
class TcpListenersTest {

    private static final String TCP_HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path proc;

    private TcpListeners listeners;

    @BeforeEach
    void layOutProc() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), TCP_HEADER
                // 127.0.0.1:9587 listening, uid 1000, inode 111
                + "   0: 0100007F:2573 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0 100 0 0 10 0\n"
                // 0.0.0.0:22 listening, uid 0
                + "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0 100 0 0 10 0\n"
                // 127.0.0.1:9587 -> 127.0.0.1:40000 established: not a listener
                + "   2: 0100007F:2573 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0 100 0 0 10 0\n"
                + "   3: garbage\n");
        Files.writeString(proc.resolve("net/tcp6"), TCP_HEADER
                // [::]:9100 listening, uid 0
                + "   0: 00000000000000000000000000000000:238C 00000000000000000000000000000000:0000 0A 00000000:00000000"
                + " 00:00000000 00000000     0        0 444 1 0 100 0 0 10 0\n"
                // [::1]:9587 listening, uid 0
                + "   1: 00000000000000000000000001000000:2573 00000000000000000000000000000000:0000 0A 00000000:00000000"
                + " 00:00000000 00000000     0        0 555 1 0 100 0 0 10 0\n");
        FakeProc.process(proc, 4242, 1000, List.of("python3", "-m", "http.server"), "socket:[111]", "pipe:[9]");
        FakeProc.process(proc, 1, 0, List.of("/sbin/init"), "socket:[999]");
        listeners = new TcpListeners(proc);
    }

    @Test
    void findsTheListenersAConnectionCouldReach() throws IOException {
        assertThat(listeners.reaching(InetAddress.getByName("127.0.0.1"), 9587))
                .containsExactly(new TcpListeners.Listener(InetAddress.getByName("127.0.0.1"), 9587, 1000, 111));
        assertThat(listeners.reaching(InetAddress.getByName("::1"), 9587))
                .containsExactly(new TcpListeners.Listener(InetAddress.getByName("::1"), 9587, 0, 555));
        assertThat(listeners.reaching(InetAddress.getByName("127.0.0.1"), 22)).extracting(TcpListeners.Listener::inode).containsExactly(222L);
        assertThat(listeners.reaching(InetAddress.getByName("::1"), 22)).as("an IPv4 wildcard takes no IPv6").isEmpty();
        assertThat(listeners.reaching(InetAddress.getByName("127.0.0.1"), 9100)).as("the IPv6 wildcard takes IPv4 too")
                .extracting(TcpListeners.Listener::inode).containsExactly(444L);
        assertThat(listeners.reaching(InetAddress.getByName("127.0.0.2"), 9587)).isEmpty();
        assertThat(listeners.reaching(InetAddress.getByName("127.0.0.1"), 1)).isEmpty();
    }

    @Test
    void anIpv4MappedListenerTakesItsIpv4Address() {
        String line = "   0: 0000000000000000FFFF00000100007F:2573 00000000000000000000000000000000:0000 0A 00000000:00000000"
                + " 00:00000000 00000000     0        0 666 1 0 100 0 0 10 0";
        assertThat(TcpListeners.parse(line)).hasValueSatisfying(l -> assertThat(l.address().getHostAddress()).isEqualTo("127.0.0.1"));
    }

    @Test
    void findsTheProcessHoldingASocket() throws IOException {
        assertThat(listeners.holder(111)).contains(new TcpListeners.Holder(4242, 1000, List.of("python3", "-m", "http.server")));
        assertThat(listeners.holder(555)).as("nobody this user can see").isEmpty();
    }

    @Test
    void readsItsOwnUid() throws IOException {
        Files.createSymbolicLink(proc.resolve("self"), proc.resolve("4242"));
        assertThat(listeners.selfUid()).isEqualTo(1000);
    }

    @Test
    void linesThatDoNotParseAreNoListeners() {
        assertThat(TcpListeners.parse("")).isEmpty();
        assertThat(TcpListeners.parse("   0: 0100007F:ZZZZ 00000000:0000 0A 0 0 0 1000 0 111")).isEmpty();
        assertThat(TcpListeners.parse("   0: 0100:2573 00000000:0000 0A 0 0 0 1000 0 111")).isEmpty();
    }
}
