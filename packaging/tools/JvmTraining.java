import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains the JVM on a daemon run, through {@code bin/wgtrack} and so with its flags, and writes
 * what {@code bin/wgtrack} gives the next JVM from it:
 *
 * <ul>
 *   <li>the class list and, from it, a class-data-sharing archive: the classes the daemon loads up
 *       to and through its cycles, already parsed and verified, so a start maps them instead of
 *       reading them from the jar;
 *   <li>a compile command file that has C1 compile the methods the run compiled only after its
 *       first cycles, the code that runs once a cycle, after a few calls instead of a few
 *       hundred (README, "Performance").
 * </ul>
 *
 * <p>The training run is the daemon itself on a scratch directory: a fake wg that prints a
 * {@value #PEERS}-peer {@code wg show all dump}, a wg-quick file naming the peers, influx, json and
 * prometheus outputs (one scrape), no pings, cycles of 10 ms. It runs {@value #CYCLES} cycles,
 * enough for a method called once a cycle to reach C1's thresholds, and is then stopped with
 * SIGTERM, as systemd stops it.
 *
 * <p>The archive names the jar by its path and only fits that jar and this JVM; the JVM
 * ignores an archive that does not fit and starts without it. The class list fits any copy of
 * the jar: the .deb ships it, and its postinst makes the archive for the installed jar. The
 * compile commands name methods; one that a JVM does not have matches nothing.
 *
 * <p>{@code java JvmTraining.java LAUNCHER JAR CLASSLIST ARCHIVE COMPILE_COMMANDS}
 */
public final class JvmTraining {

    /** The launchers' flags that decide the archive's layout (the collector and the heap's addressing). */
    private static final List<String> LAYOUT_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx512m");

    /**
     * A method called once a cycle and without loops reaches C1's thresholds (200 calls, looked
     * at every 128th) after 256 cycles; methods of every other cycle after twice as many.
     */
    private static final int CYCLES = 600;

    /**
     * Methods compiled before this cycle's wg ran are compiled in a daemon's first cycles anyway,
     * before its cycles settle: those of start-up (its compile queue drains while the training's
     * first {@value #SLOW_CYCLES} cycles wait half a second for wg) and those a few cycles call
     * often enough.
     */
    private static final int FIRST_LATE_CYCLE = 15;

    private static final int SLOW_CYCLES = 3;

    /**
     * A hub's size, the smallest in the README's figures. With a few peers the code run once a
     * peer is late too, and compiling all of it within the first cycle costs start-up 100 ms of CPU
     * (at 100 peers the JVM compiles it in the first few cycles by itself).
     */
    private static final int PEERS = 100;

    /**
     * The late methods' thresholds, scaled: 6 calls instead of 200, looked at every second. Once a
     * cycle that compiles them at about the sixth cycle, after the first output (so not in the
     * start-up's CPU) and long before a cycle's steady state. 0.01 compiles them in the first
     * cycle, at 60 ms more start-up CPU; 0.1 only after about 25 cycles.
     */
    private static final String THRESHOLD_SCALE = "0.03";

    /** A {@code -XX:+PrintCompilation} line: time, id, flags, tier, class::method, size. */
    private static final Pattern COMPILED =
            Pattern.compile("^\\s*\\d+\\s+\\d+\\s+([%sbn! ]{5,6})\\s*\\d\\s+([\\w.$]+)::([\\w<>$]+)\\s");

    private static final String FAKE_WG = String.join("\n", "#!/bin/sh", "dir=$(dirname \"$0\")", "echo >> \"$dir/cycles\"",
            "[ \"$(wc -l < \"$dir/cycles\")\" -gt " + SLOW_CYCLES + " ] || sleep 0.5", "exec cat \"$dir/dump\"", "");

    public static void main(String[] args) throws IOException, InterruptedException {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        Path classList = Path.of(args[2]).toAbsolutePath();
        Path archive = Path.of(args[3]).toAbsolutePath();
        Path compileCommands = Path.of(args[4]).toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("wgtrack-training");
        try {
            // The launcher passes the archive and the compile commands when they exist; the training run starts without them.
            for (Path file : List.of(classList, archive, compileCommands)) {
                Files.deleteIfExists(file);
            }
            List<String> lateMethods = train(launcher, classList, work);
            if (lateMethods.stream().noneMatch(method -> method.startsWith("org/wgtrack/"))) {
                // -XX:+PrintCompilation's format is the JVM's, not a contract: fail rather than ship an empty file
                throw new IOException("the training run's compile log names none of wgtrack's methods: "
                        + lateMethods.size() + " methods read from it");
            }
            Files.write(compileCommands, compileCommands(lateMethods));
            List<String> dump = new ArrayList<>(List.of(java.toString(), "-Xshare:dump"));
            dump.addAll(LAYOUT_FLAGS);
            dump.addAll(List.of("-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                    "-cp", jar.toString()));
            Process process = new ProcessBuilder(dump).redirectErrorStream(true)
                    .redirectOutput(work.resolve("dump.log").toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("java -Xshare:dump failed:\n" + Files.readString(work.resolve("dump.log")));
            }
            System.out.println("JvmTraining: wrote " + classList + " (" + Files.readAllLines(classList).size()
                    + " classes), " + archive + " (" + Files.size(archive) / 1024 + " KiB) and " + compileCommands
                    + " (" + lateMethods.size() + " methods)");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Runs the daemon through its cycles and one scrape, with the JVM writing the classes it loads
     * and the methods it compiles; returns the methods compiled from its fifteenth cycle on, as
     * {@code package/Class.method}.
     */
    private static List<String> train(Path launcher, Path classList, Path work) throws IOException, InterruptedException {
        Random random = new Random(42);
        StringBuilder dump = new StringBuilder("wg0\t" + key(random) + "\t" + key(random) + "\t51820\toff\n");
        StringBuilder wgQuick = new StringBuilder("[Interface]\nAddress = 10.0.0.1/24\n");
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < PEERS; i++) {
            String key = key(random);
            dump.append("wg0\t").append(key).append("\t(none)\t198.51.100.").append(i + 1).append(":51820\t10.0.0.")
                    .append(i + 2).append("/32\t").append(now).append("\t1024\t2048\t25\n");
            wgQuick.append("\n[Peer]\n# Name = peer ").append(i).append("\nPublicKey = ").append(key)
                    .append("\nAllowedIPs = 10.0.0.").append(i + 2).append("/32\nEndpoint = 198.51.100.")
                    .append(i + 1).append(":51820\n");
        }
        Files.writeString(work.resolve("dump"), dump);
        Files.writeString(work.resolve("wg0.conf"), wgQuick);
        Path wg = work.resolve("wg");
        Files.writeString(wg, FAKE_WG);
        Files.setPosixFilePermissions(wg, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path influx = work.resolve("influx.out");
        Path conf = work.resolve("wgtrack.conf");
        Files.writeString(conf, "[general]\ncycle_time = 0.01\nwireguard_config_dir = " + work + "\nwg_command = " + wg
                + "\nping_interval = 0\n\n[output:influx]\nfilename = " + influx + "\n\n[output:json]\nfilename = "
                + work.resolve("status.json") + "\n\n[output:prometheus]\nlisten = 127.0.0.1\nport = " + port + "\n");

        Path cycles = work.resolve("cycles");
        Files.createFile(cycles);
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--config", conf.toString()).redirectErrorStream(true);
        builder.environment().put("WGTRACK_JAVA_OPTS", "-XX:DumpLoadedClassList=" + classList + " -XX:+PrintCompilation");
        Process daemon = builder.start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> collectLines(daemon.getInputStream(), output));
        reader.start();
        int firstLateLine = -1;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean scraped = false;
            int cyclesRun;
            while ((cyclesRun = Files.readAllLines(cycles).size()) < CYCLES) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the training run did not reach " + CYCLES + " cycles (" + cyclesRun + "):\n"
                            + String.join("\n", snapshot(output)));
                }
                if (firstLateLine < 0 && cyclesRun >= FIRST_LATE_CYCLE) {
                    firstLateLine = snapshot(output).size();
                }
                if (!scraped && cyclesRun >= 2 && Files.exists(influx)) {
                    // The server binds on the first write of the outputs, after the influx file.
                    scrape(port);
                    scraped = true;
                }
                Thread.sleep(10);
            }
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<String> lines = snapshot(output);
        return lateMethods(lines.subList(firstLateLine, lines.size()));
    }

    private static void collectLines(InputStream in, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the daemon's end closes the pipe: what was read stands
        }
    }

    private static List<String> snapshot(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * The methods C1 compiled in these lines, sorted, as {@code package/Class.method}; native
     * wrappers and the JVM's hidden classes (lambdas, whose names change from run to run) left out.
     */
    static List<String> lateMethods(List<String> printCompilationLines) {
        TreeSet<String> methods = new TreeSet<>();
        for (String line : printCompilationLines) {
            Matcher compiled = COMPILED.matcher(line);
            if (!compiled.find() || compiled.group(1).contains("n") || line.contains("made not entrant")) {
                continue;
            }
            String type = compiled.group(2);
            if (type.contains("$$") || type.startsWith("0x")) {
                continue;
            }
            methods.add(type.replace('.', '/') + "." + compiled.group(3));
        }
        return List.copyOf(methods);
    }

    /** {@code quiet} first: without it the JVM prints every command on its standard output. */
    static List<String> compileCommands(List<String> methods) {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by JvmTraining (packaging/tools): methods a training run of the daemon compiled only",
                "# after its first cycles, given lower C1 thresholds (README, \"Performance\").",
                "quiet"));
        for (String method : methods) {
            lines.add("CompileThresholdScaling," + method + "," + THRESHOLD_SCALE);
        }
        return lines;
    }

    private static void scrape(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL()
                .openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }

    private static String key(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
