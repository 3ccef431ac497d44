package org.wgtrack.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@code wgtrack_build_info} reports, as the Go exporters' build_info does:
 * {@code wgtrack_build_info{java_version="17.0.13",revision="0fc53d52f1cc",version="0.1.0"} 1}.
 * The version and commit are those Maven wrote into the jar (wgtrack-version.properties,
 * and wgtrack-commit.properties from packaging/tools/BuildCommit.java, which {@code wgtrack
 * --version} shows too); a build with uncommitted changes has the revision "…-dirty".
 */
public record BuildInfo(String version, String revision, String javaVersion) {

    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(javaVersion, "javaVersion");
    }

    private static final class Running {
        static final BuildInfo INSTANCE = read();
    }

    /** This process's build, read once. */
    public static BuildInfo running() {
        return Running.INSTANCE;
    }

    private static BuildInfo read() {
        Properties version = resource("/wgtrack-version.properties");
        Properties commit = resource("/wgtrack-commit.properties");
        String revision = commit.getProperty("commit", "unknown") + ("true".equals(commit.getProperty("dirty")) ? "-dirty" : "");
        return new BuildInfo(version.getProperty("version", "unknown"), revision, Runtime.version().toString());
    }

    private static Properties resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as "unknown"
        }
        return properties;
    }
}
