package org.wgtrack.service;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Which launcher script started this JVM, so that {@code wgtrack install} makes the service
 * run the same installation. Both launchers say it themselves with
 * {@code -Dwgtrack.launcher=...} (the .deb's /usr/bin/wgtrack, or the absolute path of a
 * checkout's bin/wgtrack). Started some other way ({@code java -jar}), the jar's place tells:
 * /usr/share/wgtrack/wgtrack.jar belongs to /usr/bin/wgtrack, {@code <repo>/target/wgtrack.jar}
 * to {@code <repo>/bin/wgtrack}.
 */
public final class LauncherLocation {

    public static final String PROPERTY = "wgtrack.launcher";
    static final Path PACKAGED_JAR = Path.of("/usr/share/wgtrack/wgtrack.jar");
    static final Path PACKAGED_LAUNCHER = Path.of("/usr/bin/wgtrack");

    private LauncherLocation() {
    }

    static Optional<Path> ofThisProcess(ServiceFiles files) {
        return locate(System.getProperty(PROPERTY), jarOfThisClass(), files);
    }

    /** Pure rule, for tests: the property wins, then the jar's place. */
    static Optional<Path> locate(String property, Optional<Path> jar, ServiceFiles files) {
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Path jarPath = jar.get().toAbsolutePath().normalize();
        if (jarPath.equals(PACKAGED_JAR)) {
            return Optional.of(PACKAGED_LAUNCHER);
        }
        Path dir = jarPath.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("target")
                && dir.getParent() != null) {
            Path launcher = dir.getParent().resolve("bin").resolve("wgtrack");
            if (files.isExecutableFile(launcher)) {
                return Optional.of(launcher);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> jarOfThisClass() {
        CodeSource source = LauncherLocation.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
