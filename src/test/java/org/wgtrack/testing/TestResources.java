package org.wgtrack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one way tests reach the fixture files under {@code src/test/resources}, named by their path
 * there ({@code "wg/quick/minimal.conf"}): as UTF-8 text, or as a file for code that opens files
 * itself (the config loader, a Python script). A missing fixture fails with its name.
 */
public final class TestResources {

    private TestResources() {
    }

    public static String text(String path) {
        try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String path) {
        URL url = TestResources.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
