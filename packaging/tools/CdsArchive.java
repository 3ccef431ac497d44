import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the class list of a short daemon run and, from it, a class-data-sharing archive for
 * {@code bin/wgtrack}: the classes the daemon loads up to and through its first cycles, already
 * parsed and verified, so a start maps them instead of reading them from the jar.
 *
 * <p>The training run is the daemon itself on a scratch directory: a fake wg that prints a
 * three-peer {@code wg show all dump}, a wg-quick file naming the peers, influx, json and
 * prometheus outputs (one scrape), no pings. It runs until the influx file has been written three
 * times and is then stopped with SIGTERM, as systemd stops it.
 *
 * <p>The archive names the jar by its path and only fits that jar and this JVM; the JVM
 * ignores an archive that does not fit and starts without it. The class list fits any copy of
 * the jar: the .deb ships it, and its postinst makes the archive for the installed jar.
 *
 * <p>{@code java CdsArchive.java JAR CLASSLIST ARCHIVE}
 */
public final class CdsArchive {

    /** The launchers' flags that decide the archive's layout (the collector and the heap's addressing). */
    private static final List<String> LAYOUT_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx512m");

    private static final String FAKE_WG = "#!/bin/sh\nexec cat \"$(dirname \"$0\")/dump\"\n";

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path classList = Path.of(args[1]).toAbsolutePath();
        Path archive = Path.of(args[2]).toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("wgtrack-cds");
        try {
            Files.deleteIfExists(classList);
            train(java, jar, classList, work);
            Files.deleteIfExists(archive);
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
            System.out.println("CdsArchive: wrote " + classList + " (" + Files.readAllLines(classList).size()
                    + " classes) and " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Runs the daemon through three cycles and one scrape, with the JVM writing the classes it loads. */
    private static void train(Path java, Path jar, Path classList, Path work) throws IOException, InterruptedException {
        Random random = new Random(42);
        StringBuilder dump = new StringBuilder("wg0\t" + key(random) + "\t" + key(random) + "\t51820\toff\n");
        StringBuilder wgQuick = new StringBuilder("[Interface]\nAddress = 10.0.0.1/24\n");
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 3; i++) {
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
        Files.writeString(conf, "[general]\ncycle_time = 0.2\nwireguard_config_dir = " + work + "\nwg_command = " + wg
                + "\nping_interval = 0\n\n[output:influx]\nfilename = " + influx + "\n\n[output:json]\nfilename = "
                + work.resolve("status.json") + "\n\n[output:prometheus]\nlisten = 127.0.0.1\nport = " + port + "\n");

        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(LAYOUT_FLAGS);
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:DumpLoadedClassList=" + classList,
                "-jar", jar.toString(), "--config", conf.toString()));
        Process daemon = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("daemon.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int writes = 0;
            long lastModified = -1;
            while (writes < 3) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the training run did not write its influx file three times:\n"
                            + Files.readString(work.resolve("daemon.log")));
                }
                if (Files.exists(influx) && Files.getLastModifiedTime(influx).toMillis() != lastModified) {
                    lastModified = Files.getLastModifiedTime(influx).toMillis();
                    writes++;
                    if (writes == 2) {
                        // The server binds on the first write of the outputs, after the influx file.
                        scrape(port);
                    }
                }
                Thread.sleep(50);
            }
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
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
