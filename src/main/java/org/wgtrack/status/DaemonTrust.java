package org.wgtrack.status;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wgtrack.log.Shown;
import org.wgtrack.system.TcpListeners;

/**
 * What {@code wgtrack status} and {@code wgtrack events} may believe. The daemon runs as root,
 * and while it is stopped any user can listen on its port or leave a file where its JSON
 * status goes; a health check that believed them would report a dead hub as healthy. So:
 * <ul>
 * <li>a local listener is believed only if the process holding it is a wgtrack daemon (its
 *     command line runs wgtrack's jar or main class) running as root or as the caller, or the
 *     caller itself; when the caller may not see the holder (another user's process, for a
 *     caller that is not root), a socket root owns is believed, since only root could have
 *     made it;</li>
 * <li>a file is believed only if root or the caller owns it.</li>
 * </ul>
 * Checked before anything is sent, so credentials never reach an impostor.
 */
final class DaemonTrust {

    /** What listens at an address. */
    sealed interface Verdict {
        /** Nothing listens there (or nothing this network namespace can reach). */
        record Nobody() implements Verdict {
        }

        record Daemon(String description) implements Verdict {
        }

        /** Something else listens there; {@code what} says what, for the refusal. */
        record NotTheDaemon(String what) implements Verdict {
        }
    }

    private static final int ROOT = 0;

    private final TcpListeners listeners;
    private final long selfPid;

    DaemonTrust(TcpListeners listeners, long selfPid) {
        this.listeners = listeners;
        this.selfPid = selfPid;
    }

    static DaemonTrust system() {
        return new DaemonTrust(TcpListeners.system(), ProcessHandle.current().pid());
    }

    Verdict listener(InetAddress address, int port) throws IOException {
        List<TcpListeners.Listener> reaching = listeners.reaching(address, port);
        if (reaching.isEmpty()) {
            return new Verdict.Nobody();
        }
        int self = listeners.selfUid();
        String where = hostPort(address, port);
        Verdict verdict = new Verdict.Nobody();
        // Every socket a connection could reach must be the daemon's, whichever the kernel picks.
        for (TcpListeners.Listener listener : reaching) {
            if (listener.uid() != ROOT && listener.uid() != self) {
                return new Verdict.NotTheDaemon(where + " is served by a process of uid " + listener.uid()
                        + ", not by the wgtrack daemon (which runs as root)");
            }
            Optional<TcpListeners.Holder> holder = listeners.holder(listener.inode());
            if (holder.isEmpty()) {
                if (self == ROOT) {
                    continue; // it closed meanwhile: a connection there is refused
                }
                verdict = new Verdict.Daemon("a socket of root's");
                continue;
            }
            TcpListeners.Holder process = holder.get();
            if (process.pid() == selfPid) {
                verdict = new Verdict.Daemon("this process");
            } else if (isWgtrackDaemon(process.commandLine()) && (process.uid() == ROOT || process.uid() == self)) {
                verdict = new Verdict.Daemon("pid " + process.pid());
            } else {
                return new Verdict.NotTheDaemon(where + " is served by process " + process.pid() + " ("
                        + commandLine(process.commandLine()) + ", uid " + process.uid() + "), not by a wgtrack daemon");
            }
        }
        return verdict;
    }

    /** Empty when the file may be believed, else why not. */
    Optional<String> file(Path file) throws IOException {
        int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner == ROOT || owner == listeners.selfUid()) {
            return Optional.empty();
        }
        return Optional.of(TerminalSafe.text(file.toString()) + " is owned by uid " + owner + ", not by root or by you: not written by the wgtrack daemon");
    }

    /** {@code java … -jar …/wgtrack.jar …} (the launchers) or {@code java … org.wgtrack.Main …}. */
    static boolean isWgtrackDaemon(List<String> commandLine) {
        for (int i = 0; i < commandLine.size(); i++) {
            String argument = commandLine.get(i);
            if (argument.equals("org.wgtrack.Main")) {
                return true;
            }
            if (argument.equals("-jar") && i + 1 < commandLine.size()) {
                String jar = commandLine.get(i + 1);
                String name = jar.substring(jar.lastIndexOf('/') + 1);
                return name.startsWith("wgtrack") && name.endsWith(".jar");
            }
        }
        return false;
    }

    /** {@code python3 -m http.server …}: the program without its directory, all of it shown as input values are. */
    private static String commandLine(List<String> commandLine) {
        if (commandLine.isEmpty()) {
            return "no command line";
        }
        String program = commandLine.get(0).substring(commandLine.get(0).lastIndexOf('/') + 1);
        List<String> shown = new java.util.ArrayList<>(commandLine);
        shown.set(0, program);
        return Shown.value(String.join(" ", shown));
    }

    private static String hostPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
