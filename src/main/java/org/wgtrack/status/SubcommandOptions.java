package org.wgtrack.status;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import picocli.CommandLine.Option;

/**
 * The options every subcommand that reads the configuration has: wgtrack's own {@code -c}
 * again, so that {@code wgtrack status -c FILE} works as well as {@code wgtrack -c FILE status}
 * (given here, it wins over the one before the subcommand), and {@code -h} ({@code -V} belongs
 * to wgtrack itself).
 */
public final class SubcommandOptions {

    @Option(names = {"-c", "--config", "--conf"}, paramLabel = "FILE",
            description = "configuration file (default: /etc/wgtrack.conf)")
    Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** The configuration of {@code -c}, else the one {@code wgtrack} itself was given. */
    public WgtrackConfig load(Daemon.ConfigSource parent) throws ConfigException {
        return config == null ? parent.load() : ConfigLoader.load(config, true);
    }

    /** Every problem of a configuration that does not load, one line each, as {@code COMMAND: …}. */
    public static int refuse(PrintWriter err, String command, ConfigException e) {
        err.println(command + ": " + e.getMessage().replace("\n", "\n" + command + ": "));
        err.flush();
        return 2;
    }
}
