import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes the commit the build is made from, for {@code wgtrack --version}:
 *
 * <pre>
 * commit=0fc53d5a1b2c
 * dirty=false
 * </pre>
 *
 * asking git itself (in a git worktree too, where build plugins that read .git by themselves
 * find the main checkout's HEAD instead). Outside a git checkout, or without git, it writes
 * {@code commit=unknown} and the build goes on: a source tarball still builds.
 *
 * <p>{@code java BuildCommit.java SOURCE_DIR OUT}
 */
public final class BuildCommit {

    public static void main(String[] args) throws IOException, InterruptedException {
        String dir = args[0];
        Optional<String> commit = git(dir, "rev-parse", "--short=12", "HEAD");
        Optional<String> changes = commit.isPresent()
                ? git(dir, "status", "--porcelain", "--untracked-files=no") : Optional.empty();
        String text = "commit=" + commit.orElse("unknown") + "\n"
                + "dirty=" + changes.map(c -> String.valueOf(!c.isEmpty())).orElse("unknown") + "\n";
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("BuildCommit: " + text.strip().replace('\n', ' '));
    }

    private static Optional<String> git(String dir, String... arguments) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        }
    }
}
