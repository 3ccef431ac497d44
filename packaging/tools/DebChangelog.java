import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes the .deb's {@code /usr/share/doc/wgtrack/changelog.gz} (wgtrack is a native package:
 * no {@code changelog.Debian.gz}) for the version being built, one entry:
 *
 * <pre>
 * wgtrack (0.1.0) unstable; urgency=medium
 *
 *   * wgtrack 0.1.0. The changes are in the project's version history.
 *
 *  -- wgtrack maintainers &lt;maintainers@wgtrack.example&gt;  Thu, 03 Dec 2026 05:40:00 +0000
 * </pre>
 *
 * The date is SOURCE_DATE_EPOCH's when set (reproducible builds), else now. Compressed as
 * {@code gzip -9n} does it (policy 12.7, lintian): maximum compression flagged in the header, no
 * file name, mtime 0, so the same input gives the same bytes.
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
        Files.write(out, gzipBest(text.getBytes(StandardCharsets.UTF_8)));
        System.out.println("DebChangelog: wrote " + out);
    }

    /** RFC 1952 member: header (XFL 2 = maximum compression, OS 3 = Unix), raw deflate, CRC-32, size. */
    static byte[] gzipBest(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, data.length & 0xffffffffL);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
