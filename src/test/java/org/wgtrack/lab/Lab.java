package org.wgtrack.lab;


import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.wgtrack.testing.TestEnvironment;
import org.wgtrack.system.ProcessResult;

/**
 * A running WireGuard lab built by {@code bin/wgtrack-lab}: a hub namespace with one
 * wireguard-go interface, peers in their own namespaces, and a dnsmasq that answers
 * {@code peerN.lab.test}. The hub knows its peers by hostname and the peers never dial the
 * hub, so a peer that {@link #move moves} stays unreachable until the hub re-resolves it.
 *
 * <p>Each JVM gets its own lab id (several worktrees may run lab tests on one machine at the
 * same time; names must not clash, addresses may, because every lab has its own bridge).
 * {@link #close()} removes the lab; a shutdown hook does the same if a test forgets, and
 * {@link #up} first removes labs left by JVMs that no longer run.
 *
 * <pre>{@code
 * Lab.requireRoot();
 * try (Lab lab = Lab.up(3)) {
 *     lab.execHub(List.of("ping", "-c1", "-W1", "-I", lab.hubInterface(), "10.10.0.11"));
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

    /** One spoke of the lab, as lab.env describes it now (move changes the addresses). */
    public record Peer(
            String name,
            String hostname,
            String namespace,
            String interfaceName,
            String underlayAddress,
            Optional<String> underlayAddress6,
            String tunnelAddress,
            String publicKey) {}

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TOOLS = List.of("ip", "wg", "wireguard-go", "dnsmasq", "ping", "getent");

    private final Path script;
    private final String id;
    private final Path dir;
    private final Thread shutdownHook;
    private boolean closed;

    private Lab(Path script, String id, Path dir) {
        this.script = script;
        this.id = id;
        this.dir = dir;
        this.shutdownHook = new Thread(this::downQuietly, "wgtrack-lab-down-" + id);
    }

    /**
     * Skips the calling test when lab tests cannot run here (not root), except on CI
     * ({@code CI=true}), where a lab that cannot run is a failure, not a skip.
     */
    public static void requireRoot() {
        TestEnvironment.require(TestEnvironment.isRoot(), "lab tests need root for network namespaces");
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (TestEnvironment.onPath(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            missing.add("/dev/net/tun");
        }
        TestEnvironment.require(missing.isEmpty(), "lab tests need " + String.join(", ", missing)
                + " (apt-get install wireguard-tools wireguard-go dnsmasq-base iputils-ping iproute2)");
    }

    /** Like {@link #requireRoot()} for further tools a test runs in the lab (curl); skips or, under CI, fails. */
    public static void requireTools(String... tools) {
        List<String> missing = Stream.of(tools).filter(t -> TestEnvironment.onPath(t).isEmpty()).toList();
        TestEnvironment.require(missing.isEmpty(),
                "this lab test needs " + String.join(", ", missing) + " (scripts/install-test-deps.sh installs it)");
    }

    /** A lab with {@code peers} peers, IPv4 underlay only. */
    public static Lab up(int peers) {
        return up(peers, false);
    }

    /** A lab with {@code peers} peers; {@code ipv6} adds the fd99::/64 underlay and AAAA records. */
    public static Lab up(int peers, boolean ipv6) {
        String id = "t" + Long.toString(ProcessHandle.current().pid(), 36);
        Path labs = projectDir().resolve("target/lab");
        removeAbandonedLabs(projectDir().resolve("bin/wgtrack-lab"), labs);
        return up(id, labs.resolve(id), peers, ipv6);
    }

    /** A lab with an explicit id ([a-z][a-z0-9]{0,7}) and directory. */
    public static Lab up(String id, Path dir, int peers, boolean ipv6) {
        Path script = projectDir().resolve("bin/wgtrack-lab");
        Lab lab = new Lab(script, id, dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        List<String> args = new ArrayList<>(List.of("up", "--peers", Integer.toString(peers)));
        if (ipv6) {
            args.add("--ipv6");
        }
        try {
            lab.script(args, UP_TIMEOUT);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    public String id() {
        return id;
    }

    public Path dir() {
        return dir;
    }

    public String hubNamespace() {
        return env().get("HUB_NS");
    }

    public String hubInterface() {
        return env().get("HUB_IF");
    }

    public String hubUnderlayAddress() {
        return env().get("HUB_V4");
    }

    public String hubTunnelAddress() {
        return env().get("HUB_TUNNEL");
    }

    public String hubPublicKey() {
        return env().get("HUB_PUBLIC_KEY");
    }

    /** The directory to give wgtrack as wireguard_config_dir: it holds {@code <hubInterface>.conf}. */
    public Path wireguardConfigDir() {
        return dir.resolve("wireguard");
    }

    /** The hub's wg-quick file: peers named by {@code # Name = peerN}, endpoints by hostname. */
    public Path hubConfig() {
        return Path.of(env().get("HUB_CONF"));
    }

    public Path dnsLog() {
        return Path.of(env().get("DNS_LOG"));
    }

    /** Every namespace the lab created (hub, peers, bridge, dns). */
    public List<String> namespaces() {
        return envAll("NS");
    }

    /** The PIDs of every wireguard-go and dnsmasq the lab started (also stopped ones). */
    public List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        Stream.concat(envAll("WG_PID").stream(), envAll("DNSMASQ_PID").stream())
                .map(Long::parseLong)
                .forEach(pids::add);
        return pids;
    }

    /** The peers with their current addresses, peer1 first. */
    public List<Peer> peers() {
        Map<String, String> env = env();
        int count = Integer.parseInt(env.get("PEERS"));
        List<Peer> peers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String p = "PEER" + i + "_";
            peers.add(new Peer(
                    env.get(p + "NAME"),
                    env.get(p + "HOST"),
                    env.get(p + "NS"),
                    env.get(p + "IF"),
                    env.get(p + "V4"),
                    Optional.ofNullable(env.get(p + "V6")),
                    env.get(p + "TUNNEL"),
                    env.get(p + "PUBLIC_KEY")));
        }
        return peers;
    }

    /** The peer called {@code name} ("peer1"). */
    public Peer peer(String name) {
        return peers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such peer: " + name));
    }

    /** Gives the peer a new underlay address in 10.99.0.0/16 and points its DNS name at it. */
    public void move(String peer, String newAddress) {
        script(List.of("move", peer, newAddress), COMMAND_TIMEOUT);
    }

    /** Takes the peer's underlay link down: it is unreachable, its DNS record stays. */
    public void kill(String peer) {
        script(List.of("kill", peer), COMMAND_TIMEOUT);
    }

    public void revive(String peer) {
        script(List.of("revive", peer), COMMAND_TIMEOUT);
    }

    /**
     * Deletes the hub's WireGuard interface if it still exists and creates it anew from
     * {@link #hubConfig()} (wireguard-go, {@code wg setconf}, address, link up), as a reboot would.
     */
    public void recreateHub() {
        script(List.of("recreate-hub"), COMMAND_TIMEOUT);
    }

    /** Stops the lab's dnsmasq: lookups fail at once (port unreachable). */
    public void dnsStop() {
        script(List.of("dns", "stop"), COMMAND_TIMEOUT);
    }

    /** Starts the lab's dnsmasq again (and undoes dnsSlow). */
    public void dnsStart() {
        script(List.of("dns", "start"), COMMAND_TIMEOUT);
    }

    /**
     * Makes DNS slow: replies delayed 3 s where the kernel has netem, otherwise dnsmasq is
     * frozen and lookups time out (the hub's resolver gives up after 2 s per query).
     */
    public void dnsSlow() {
        script(List.of("dns", "slow"), COMMAND_TIMEOUT);
    }

    public void dnsFast() {
        script(List.of("dns", "fast"), COMMAND_TIMEOUT);
    }

    /** How many A queries for {@code hostname} the lab's dnsmasq has logged so far. */
    public long dnsQueryCount(String hostname) {
        return dnsQueryCount(hostname, "A");
    }

    /** How many queries of {@code type} (A, AAAA) for {@code hostname} dnsmasq has logged. */
    public long dnsQueryCount(String hostname, String type) {
        // dnsmasq logs "Nov 25 12:56:09 dnsmasq[8253]: query[A] peer1.lab.test from 10.99.0.1"
        String needle = "query[" + type.toUpperCase(Locale.ROOT) + "] " + hostname + " ";
        try (Stream<String> lines = Files.lines(dnsLog(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(needle)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in the hub namespace, with the hub's resolv.conf and hosts. */
    public ProcessResult execHub(List<String> command) {
        return execHub(command, COMMAND_TIMEOUT);
    }

    public ProcessResult execHub(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", hubNamespace()));
        full.addAll(command);
        return run(full, timeout);
    }

    /** Starts a long-running program in the hub namespace (a daemon under test); the caller stops it. */
    public Process startInHub(List<String> command, Path log) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", hubNamespace()));
        full.addAll(command);
        try {
            return new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code wg show <hub interface>} as text. */
    public String wgShowHub() {
        ProcessResult result = execHub(List.of("wg", "show", hubInterface()));
        if (!result.succeeded()) {
            throw new IllegalStateException("wg show " + hubInterface() + " failed: " + result.stderr().strip());
        }
        return result.stdout();
    }

    /** The hub's current endpoint for the peer ("10.99.0.11:51820"), empty if it has none. */
    public Optional<String> hubEndpointOf(Peer peer) {
        ProcessResult result = execHub(List.of("wg", "show", hubInterface(), "endpoints"));
        for (String line : result.stdout().split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 2 && fields[0].equals(peer.publicKey()) && !fields[1].equals("(none)")) {
                return Optional.of(fields[1]);
            }
        }
        return Optional.empty();
    }

    /** True when the hub reaches the peer's tunnel address through the tunnel within a second. */
    public boolean hubPings(Peer peer) {
        return execHub(List.of("ping", "-n", "-q", "-c1", "-W1", "-I", hubInterface(), peer.tunnelAddress()))
                .succeeded();
    }

    /** Removes the lab (bin/wgtrack-lab down); safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run; down is idempotent
        }
        script(List.of("down"), COMMAND_TIMEOUT);
    }

    private void downQuietly() {
        try {
            script(List.of("down"), COMMAND_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("wgtrack-lab down " + id + " failed: " + e.getMessage());
        }
    }

    /** lab.env as a map; keys recorded more than once keep their last value. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : envLines()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private List<String> envAll(String key) {
        List<String> values = new ArrayList<>();
        for (String line : envLines()) {
            if (line.startsWith(key + "=")) {
                values.add(line.substring(key.length() + 1));
            }
        }
        return values;
    }

    private List<String> envLines() {
        try {
            return Files.readAllLines(dir.resolve("lab.env"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no lab at " + dir, e);
        }
    }

    private ProcessResult script(List<String> args, Duration timeout) {
        return script(script, id, dir, args, timeout);
    }

    private static ProcessResult script(Path script, String id, Path dir, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(script.toString(), "--id", id, "--dir", dir.toString()));
        command.addAll(args);
        ProcessResult result = run(command, timeout);
        if (!result.succeeded()) {
            throw new IllegalStateException("wgtrack-lab " + String.join(" ", args) + " failed (exit "
                    + result.exitCode() + "): " + result.stderr().strip());
        }
        return result;
    }

    /** Runs a program without a shell; output goes through files, so no pipe can fill up. */
    static ProcessResult run(List<String> command, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("wgtrack-lab", ".out");
            err = Files.createTempFile("wgtrack-lab", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("WGTRACK_LAB_OWNER_PID", Long.toString(ProcessHandle.current().pid()));
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + ": no exit within " + timeout.toSeconds()
                        + " s; stderr: " + Files.readString(err).strip());
            }
            return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    // A lab whose owner JVM is gone (killed, crashed) would keep its namespaces forever.
    private static void removeAbandonedLabs(Path script, Path labsDir) {
        if (!Files.isDirectory(labsDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(labsDir)) {
            for (Path dir : dirs.toList()) {
                Path envFile = dir.resolve("lab.env");
                if (!Files.isRegularFile(envFile)) {
                    continue;
                }
                Map<String, String> env = new LinkedHashMap<>();
                for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        env.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                String owner = env.get("OWNER_PID");
                String labId = env.get("LAB_ID");
                boolean ownerAlive = owner != null && owner.matches("[0-9]+")
                        && ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false)
                        && Long.parseLong(owner) != ProcessHandle.current().pid();
                if (labId != null && !ownerAlive) {
                    script(script, labId, dir, List.of("down"), COMMAND_TIMEOUT);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind in /tmp is harmless; the test result is what matters
        }
    }

    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : "").toAbsolutePath();
    }

}
