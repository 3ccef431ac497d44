package org.wgtrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: whole outputs kept under {@code src/test/resources} and compared byte for byte.
 * {@code mvn test -Dgolden.update=true} is the one way to regenerate them: every golden test
 * then writes what the code prints now before comparing, and {@code git diff} shows the change
 * for review. Read from the source tree, not the class path, so that a rewritten file is the one
 * compared in the same run (Maven runs tests in the project directory).
 */
public final class Golden {

    /** The system property that rewrites golden files from the actual output. */
    public static final String UPDATE_PROPERTY = "golden.update";

    private static final Path ROOT = Path.of("src/test/resources");

    private Golden() {
    }

    /** The golden text at {@code path} (below src/test/resources), rewritten from {@code actual} first when updating. */
    public static String expected(String path, String actual) {
        Path file = ROOT.resolve(path);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
