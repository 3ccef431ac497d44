package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.FakeProc;
import org.wgtrack.system.TcpListeners;

/** The rules of belief, against a /proc laid out in a temporary directory; the caller is pid 10. */
class DaemonTrustTest {

    private static final long SELF = 10;
    private static final List<String> DAEMON = List.of("java", "-Xmx512m", "-jar", "/usr/share/wgtrack/wgtrack.jar", "-c", "/etc/wgtrack.conf");

    @TempDir
    Path proc;

    private DaemonTrust trust(int callerUid) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        FakeProc.process(proc, SELF, callerUid, List.of("java", "-jar", "wgtrack.jar", "status"));
        Files.createSymbolicLink(proc.resolve("self"), proc.resolve(Long.toString(SELF)));
        return new DaemonTrust(new TcpListeners(proc), SELF);
    }

    @Test
    void theWgtrackDaemonRunningAsRootIsBelieved() throws IOException {
        DaemonTrust trust = trust(0);
        listener(9587, 0, 1);
        FakeProc.process(proc, 500, 0, DAEMON, "socket:[1]");

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.Daemon("pid 500"));
    }

    @Test
    void anotherUsersListenerIsNotBelievedWhoeverItClaimsToBe() throws IOException {
        DaemonTrust trust = trust(0);
        listener(9587, 1000, 1);
        FakeProc.process(proc, 600, 1000, DAEMON, "socket:[1]");

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.NotTheDaemon(
                "127.0.0.1:9587 is served by a process of uid 1000, not by the wgtrack daemon (which runs as root)"));
    }

    @Test
    void aProgramThatIsNotWgtrackIsNotBelievedEvenAsRoot() throws IOException {
        DaemonTrust trust = trust(0);
        listener(9587, 0, 1);
        FakeProc.process(proc, 700, 0, List.of("/usr/bin/python3", "-m", "http.server", "\u001b[2J"), "socket:[1]");

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.NotTheDaemon(
                "127.0.0.1:9587 is served by process 700 (python3 -m http.server \\x1b[2J, uid 0), not by a wgtrack daemon"));
    }

    @Test
    void aCallerThatIsNotRootBelievesASocketOfRootsItCannotSeeTheHolderOf() throws IOException {
        DaemonTrust trust = trust(1000);
        listener(9587, 0, 1);

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.Daemon("a socket of root's"));
    }

    @Test
    void aCallerBelievesItselfAndItsOwnDaemon() throws IOException {
        DaemonTrust trust = trust(1000);
        listener(9587, 1000, 1);
        FakeProc.process(proc, SELF + 1, 1000, List.of("java", "-cp", "target/classes", "org.wgtrack.Main"), "socket:[1]");
        listener(9588, 1000, 2);
        Files.createSymbolicLink(proc.resolve(SELF + "/fd/7"), Path.of("socket:[2]"));

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.Daemon("pid 11"));
        assertThat(trust.listener(loopback(), 9588)).isEqualTo(new DaemonTrust.Verdict.Daemon("this process"));
    }

    @Test
    void nothingListeningIsNobody() throws IOException {
        DaemonTrust trust = trust(0);
        listener(9587, 0, 1); // no process holds it any more

        assertThat(trust.listener(loopback(), 9587)).isEqualTo(new DaemonTrust.Verdict.Nobody());
        assertThat(trust.listener(loopback(), 9999)).isEqualTo(new DaemonTrust.Verdict.Nobody());
    }

    @Test
    void recognisesWgtracksLaunchers() {
        assertThat(DaemonTrust.isWgtrackDaemon(DAEMON)).isTrue();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of("java", "-jar", "/opt/wgtrack/target/wgtrack.jar"))).isTrue();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of("java", "-cp", "x.jar", "org.wgtrack.Main"))).isTrue();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of("java", "-jar", "/tmp/evil.jar", "wgtrack.jar"))).isFalse();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of("java", "-jar"))).isFalse();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of("java", "-jar", "/"))).isFalse();
        assertThat(DaemonTrust.isWgtrackDaemon(List.of())).isFalse();
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }

    private void listener(int port, int uid, long inode) throws IOException {
        Path tcp = proc.resolve("net/tcp");
        String header = Files.exists(tcp) ? "" : "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        Files.writeString(tcp, header + String.format("   0: 0100007F:%04X 00000000:0000 0A 00000000:00000000 00:00000000 00000000 %5d 0 %d 1 0\n",
                port, uid, inode), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
