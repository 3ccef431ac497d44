package org.wgtrack.system;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.wgtrack.wg.IpText;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PublicKey;
import org.wgtrack.wg.TooManyPeersException;
import org.wgtrack.wg.WgDumpParser;

/** wg(8) run as a child process: {@code wg show all dump}, {@code wg set … endpoint …}. */
public final class WgCommand implements Wg {

    /**
     * How long one {@code wg} call may take before its process tree is killed. The system
     * property {@code wgtrack.wg-timeout-ms} overrides it, for tests that need many time-outs
     * (DaemonWgFaultsIT); operators have no reason to set it.
     */
    static final Duration TIMEOUT = Duration.ofMillis(Long.getLong("wgtrack.wg-timeout-ms", 10_000));

    private final String command;
    private final ProcessRunner runner;
    private final Consumer<String> dumpWarnings;
    /** The last dump read, whose unchanged values the next one shares (WgDumpParser). */
    private WgDumpParser.Reading previous = WgDumpParser.Reading.NONE;
    /** The length of the last dump's text, the size the next one is read into. */
    private int lastDumpLength;

    /**
     * @param command      {@code wg_command}: a program name looked up on PATH, or a path
     * @param dumpWarnings receives one message per malformed dump line (keys already hidden)
     */
    public WgCommand(String command, ProcessRunner runner, Consumer<String> dumpWarnings) {
        this.command = command;
        this.runner = runner;
        this.dumpWarnings = dumpWarnings;
    }

    @Override
    public synchronized LiveState dump() throws WgException {
        ProcessResult result = run(List.of(command, "show", "all", "dump"), lastDumpLength);
        lastDumpLength = result.stdout().length();
        try {
            previous = WgDumpParser.read(result.stdout(), dumpWarnings, previous);
            return previous.state();
        } catch (TooManyPeersException e) {
            throw new WgException(WgDumpParser.SOURCE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setEndpoint(String interfaceName, PublicKey peer, InetSocketAddress endpoint) throws WgException {
        run(List.of(command, "set", interfaceName, "peer", peer.base64(), "endpoint", format(endpoint)), 0);
    }

    /** {@code 192.0.2.1:51820} or {@code [2001:db8::1]:51820}, never a hostname. */
    static String format(InetSocketAddress endpoint) {
        String host = IpText.format(endpoint.getAddress());
        return endpoint.getAddress() instanceof Inet6Address
                ? "[" + host + "]:" + endpoint.getPort()
                : host + ":" + endpoint.getPort();
    }

    private ProcessResult run(List<String> argv, int expectedStdoutBytes) throws WgException {
        String what = String.join(" ", argv.subList(0, Math.min(3, argv.size())));
        ProcessResult result;
        try {
            result = runner.run(argv, TIMEOUT, expectedStdoutBytes);
        } catch (OutputTooLargeException e) {
            throw new WgException(String.join(" ", argv.subList(0, Math.min(4, argv.size())))
                    + " printed more than " + OsProcessRunner.MAX_STDOUT_BYTES / (1024 * 1024)
                    + " MiB; killed it and dropped its output (wgtrack reads at most that much, about 250,000 peers)", e);
        } catch (IOException e) {
            throw new WgException("cannot run " + command + " (" + rootCause(e)
                    + "); is wireguard-tools installed, or is wg_command wrong?", e);
        } catch (TimeoutException e) {
            throw new WgException(what + " did not finish within "
                    + (TIMEOUT.toMillis() % 1000 == 0 ? TIMEOUT.toSeconds() + " s" : TIMEOUT.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WgException(what + " interrupted");
        }
        if (!result.succeeded()) {
            String stderr = result.stderr().strip();
            throw new WgException(what + " failed with exit status " + result.exitCode()
                    + (stderr.isEmpty() ? "" : ": " + firstLine(stderr)));
        }
        return result;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
