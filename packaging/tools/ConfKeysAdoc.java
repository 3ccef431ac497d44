import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wgtrack.config.ConfigReference;

/**
 * Writes the key reference of wgtrack.conf(5) (AsciiDoc, included by packaging/man/wgtrack.conf.adoc)
 * from the loader's own table, so the man page cannot disagree with the loader or the README.
 *
 * <p>{@code java -cp target/classes ConfKeysAdoc.java OUT}
 */
public final class ConfKeysAdoc {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, ConfigReference.asciidoc(), StandardCharsets.UTF_8);
        System.out.println("ConfKeysAdoc: wrote " + out);
    }
}
