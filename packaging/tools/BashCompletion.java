import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the bash completion of every wgtrack command and option, installed by the .deb as
 * /usr/share/bash-completion/completions/wgtrack: picocli's AutoComplete script for the real
 * command tree, without its "#!" line and installation notes (bash-completion sources the
 * file; it is not run).
 *
 * <p>{@code java -cp target/classes:RUNTIME_CLASSPATH BashCompletion.java OUT}
 */
public final class BashCompletion {

    public static void main(String[] args) throws Exception {
        String script = AutoComplete.bash("wgtrack", new CommandLine(new org.wgtrack.Main()));
        int body = script.indexOf("\n# Documentation\n");
        if (!script.startsWith("#!") || body < 0) {
            throw new IllegalStateException("picocli's completion script no longer starts as expected");
        }
        String text = "# bash completion for wgtrack(8): every command and option.\n"
                + "# Generated at build time by picocli's AutoComplete from wgtrack's command classes.\n#"
                + script.substring(body);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("BashCompletion: wrote " + out);
    }
}
