import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses files for the .deb as {@code gzip -9n} does (Debian policy 12.3 and 12.7, lintian):
 * maximum compression, flagged so in the header, no file name, mtime 0, so the same input gives
 * the same bytes. Writes FILE.gz beside each FILE.
 *
 * <p>{@code java DebGzip.java FILE...}
 */
public final class DebGzip {

    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path in = Path.of(name);
            Path out = in.resolveSibling(in.getFileName() + ".gz");
            Files.write(out, gzipBest(Files.readAllBytes(in)));
            System.out.println("DebGzip: wrote " + out);
        }
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
