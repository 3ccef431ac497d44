package org.wgtrack.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wgtrack.system.OsProcessRunner;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * A network namespace of a test class's own with one interface {@code d0} (10.98.0.1/16, fd98::1/64)
 * that swallows everything sent through it: echo requests to 10.98.0.1 are answered, every other
 * address in 10.98.0.0/16 stays silent. A dummy device where the kernel has one, else an ifb
 * (also NOARP, also drops): some container kernels lack the dummy module. Test traffic never
 * leaves the namespace.
 *
 * <p>A JUnit 5 extension: {@code @RegisterExtension static final SilentNamespace namespace =
 * SilentNamespace.forClass("wgtrack-ping-it", "nsenter", "ping");} creates it before the class's
 * first test (skipping the class, or failing it under CI, without root or the named programs)
 * and deletes it after the last.
 */
public final class SilentNamespace implements BeforeAllCallback, AfterAllCallback {

    public static final String INTERFACE = "d0";

    private static final ProcessRunner HOST = new OsProcessRunner();

    private final String name;
    private final List<String> programs;
    private final ProcessRunner runner;
    private boolean created;

    private SilentNamespace(String name, List<String> programs) {
        this.name = name;
        this.programs = programs;
        this.runner = new NamespaceProcessRunner(HOST, name);
    }

    /**
     * A namespace named {@code prefix-PID} (so parallel builds do not collide) for a class that
     * runs {@code programs} besides ip.
     */
    public static SilentNamespace forClass(String prefix, String... programs) {
        List<String> needed = new ArrayList<>(List.of("ip"));
        needed.addAll(List.of(programs));
        return new SilentNamespace(prefix + "-" + ProcessHandle.current().pid(), List.copyOf(needed));
    }

    public String name() {
        return name;
    }

    /** Runs programs inside the namespace (through nsenter). */
    public ProcessRunner runner() {
        return runner;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestEnvironment.require(TestEnvironment.isRoot(), "needs root to create a network namespace");
        TestEnvironment.require(programs.stream().allMatch(TestEnvironment::installed), "needs " + listed(programs) + " on PATH");
        create();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (created) {
            sh("ip", "netns", "del", name);
            created = false;
        }
    }

    /** Creates the namespace, removing a leftover of a killed run with the same name first. */
    private void create() throws IOException, TimeoutException, InterruptedException {
        run("ip", "netns", "del", name);
        sh("ip", "netns", "add", name);
        created = true;
        if (run("ip", "-n", name, "link", "add", INTERFACE, "type", "dummy").exitCode() != 0) {
            sh("ip", "-n", name, "link", "add", INTERFACE, "type", "ifb");
        }
        sh("ip", "-n", name, "link", "set", "lo", "up");
        sh("ip", "-n", name, "address", "add", "10.98.0.1/16", "dev", INTERFACE);
        sh("ip", "-n", name, "-6", "address", "add", "fd98::1/64", "dev", INTERFACE, "nodad");
        sh("ip", "-n", name, "link", "set", INTERFACE, "up");
    }

    /** "ip, nsenter and fping" */
    private static String listed(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
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
