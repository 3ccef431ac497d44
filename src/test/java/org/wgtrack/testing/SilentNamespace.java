package org.wgtrack.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.OsProcessRunner;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * A network namespace of a test's own with one interface {@code d0} (10.98.0.1/16, fd98::1/64)
 * that swallows everything sent through it: echo requests to 10.98.0.1 are answered, every other
 * address in 10.98.0.0/16 stays silent. A dummy device where the kernel has one, else an ifb
 * (also NOARP, also drops). Test traffic never leaves the namespace.
 */
public final class SilentNamespace implements AutoCloseable {

    public static final String INTERFACE = "d0";

    private static final ProcessRunner HOST = new OsProcessRunner();

    private final String name;
    private final ProcessRunner runner;

    private SilentNamespace(String name) {
        this.name = name;
        this.runner = new NamespaceProcessRunner(HOST, name);
    }

    /** Creates {@code name}, removing a leftover of a killed run with the same name first. */
    public static SilentNamespace create(String name) throws IOException, TimeoutException, InterruptedException {
        run("ip", "netns", "del", name);
        sh("ip", "netns", "add", name);
        SilentNamespace namespace = new SilentNamespace(name);
        try {
            if (run("ip", "-n", name, "link", "add", INTERFACE, "type", "dummy").exitCode() != 0) {
                sh("ip", "-n", name, "link", "add", INTERFACE, "type", "ifb");
            }
            sh("ip", "-n", name, "link", "set", "lo", "up");
            sh("ip", "-n", name, "address", "add", "10.98.0.1/16", "dev", INTERFACE);
            sh("ip", "-n", name, "-6", "address", "add", "fd98::1/64", "dev", INTERFACE, "nodad");
            sh("ip", "-n", name, "link", "set", INTERFACE, "up");
            return namespace;
        } catch (IOException | TimeoutException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /** Runs programs inside the namespace. */
    public ProcessRunner runner() {
        return runner;
    }

    @Override
    public void close() throws IOException, TimeoutException, InterruptedException {
        sh("ip", "netns", "del", name);
    }

    private static ProcessResult run(String... command) throws IOException, TimeoutException, InterruptedException {
        return HOST.run(List.of(command), Duration.ofSeconds(10));
    }

    private static void sh(String... command) throws IOException, TimeoutException, InterruptedException {
        ProcessResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + result.exitCode()
                    + ": " + result.stderr().strip());
        }
    }
}
