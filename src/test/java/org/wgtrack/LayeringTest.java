package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages stand in layers, each using only those below it, so a reader can take them in
 * order and a change in a lower one never has to know a higher one. The root package holds
 * only {@code Main}.
 */
class LayeringTest {

    /** Bottom first: text and log know nothing of wgtrack, Main sees everything. */
    static final List<String> LAYERS = List.of(
            "text", "log", "files", "ini", "wg", "config", "sources", "track", "system", "events", "output", "notify", "daemon", "status", "hooks", "service", "");

    private static final Path MAIN = Path.of("src/main/java/org/wgtrack");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.wgtrack\\.([a-z]+)\\.");

    @Test
    void noPackageUsesAPackageAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String own = packageOf(file);
            assertThat(LAYERS).as("layer of %s", file).contains(own);
            String text = Files.readString(file);
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                String used = matcher.group(1);
                if (!LAYERS.contains(used)) {
                    continue; // a class in the root package, e.g. org.wgtrack.Main: only Main itself is there
                }
                if (LAYERS.indexOf(used) > LAYERS.indexOf(own)) {
                    violations.add(MAIN.relativize(file) + " (" + layerName(own) + ") uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theRootPackageHoldsOnlyMain() throws IOException {
        try (Stream<Path> files = Files.list(MAIN)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("Main.java");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path relative = MAIN.relativize(file).getParent();
        return relative == null ? "" : relative.toString().replace('/', '.');
    }

    private static String layerName(String layer) {
        return layer.isEmpty() ? "root" : layer;
    }
}
