import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the .deb's Debian changelog (installed as {@code /usr/share/doc/wgtrack/changelog.gz},
 * compressed by DebGzip; wgtrack is a native package: no {@code changelog.Debian.gz}) for the
 * version being built, one entry:
 *
 * <pre>
 * wgtrack (0.1.0) unstable; urgency=medium
 *
 *   * wgtrack 0.1.0. The changes are in the project's version history.
 *
 *  -- wgtrack maintainers &lt;maintainers@wgtrack.example&gt;  Thu, 03 Dec 2026 05:40:00 +0000
 * </pre>
 *
 * The date is SOURCE_DATE_EPOCH's when set (reproducible builds), else now.
 *
 * <p>{@code java DebChangelog.java VERSION MAINTAINER OUT}
 */
public final class DebChangelog {

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java DebChangelog.java VERSION MAINTAINER OUT");
            System.exit(2);
        }
        String version = args[0];
        if (!version.matches("[0-9][A-Za-z0-9.+~]*")) {
            System.err.println("DebChangelog: '" + version + "' is not a native Debian version (no '-', starts with a digit)");
            System.exit(1);
        }
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        Instant date = epoch != null && epoch.matches("[0-9]+") ? Instant.ofEpochSecond(Long.parseLong(epoch)) : Instant.now();
        String text = "wgtrack (" + version + ") unstable; urgency=medium\n\n"
                + "  * wgtrack " + version + ". The changes are in the project's version history.\n\n"
                + " -- " + args[1] + "  " + RFC_5322.format(date) + "\n";
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("DebChangelog: wrote " + out);
    }
}
