package org.wgtrack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import org.wgtrack.daemon.Lookups;
import org.wgtrack.daemon.Signals;
import org.wgtrack.notify.HookFactory;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.status.LogLevelConverter;
import org.wgtrack.status.StatusCommand;
import org.wgtrack.system.ChildProcesses;
import org.wgtrack.system.DetectedPinger;
import org.wgtrack.system.JdkInterfaceAddresses;
import org.wgtrack.system.OsProcessRunner;
import org.wgtrack.system.RedetectingPinger;
import org.wgtrack.system.ServiceManager;
import org.wgtrack.system.SystemResolver;
import org.wgtrack.system.SystemdNotify;
import org.wgtrack.system.WgCommand;
import org.wgtrack.text.PlainDecimal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack [-c FILE] [-l LEVEL]}: runs the daemon in the foreground until SIGTERM.
 * Exit status 0 on a clean stop, 1 on a runtime failure, 2 on bad usage or a bad config.
 */
@Command(name = "wgtrack",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {
            "Tracks WireGuard links, exports their status and re-resolves endpoint hostnames of links that are down.",
            "Runs in the foreground; SIGHUP reloads the configuration, SIGTERM stops."},
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {
            "0:stopped cleanly (SIGTERM, SIGINT); --help, --version",
            "1:a failure at run time",
            "2:a bad option or value (usage on stderr), or a configuration that does not load"},
        subcommands = {StatusCommand.class, org.wgtrack.status.EventsCommand.class, org.wgtrack.hooks.HookGroupCommand.class,
            org.wgtrack.service.InstallCommand.class, org.wgtrack.service.UninstallCommand.class})
public final class Main implements Callable<Integer>, Daemon.ConfigSource {

    static final Path DEFAULT_CONFIG = Path.of("/etc/wgtrack.conf");
    static final String STOPPED_DURING_START_UP = "stop requested during start-up; stopped before the first cycle";

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config", "--conf"}, paramLabel = "FILE",
            description = "configuration file (default: " + "/etc/wgtrack.conf" + ")")
    Path config;

    @Option(names = {"-l", "--loglevel"}, paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "debug, info, warning or error; overrides loglevel of the configuration")
    LogLevel logLevel;

    public static void main(String[] args) {
        // First of all: a signal during start-up must not meet the JVM's defaults (Signals).
        Signals.install();
        CommandLine commandLine = commandLine();
        commandLine.setExecutionStrategy(parseResult -> {
            if (parseResult.subcommand() != null) {
                Signals.restoreDefaults();
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        System.exit(commandLine.execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() throws InterruptedException {
        SystemResolver.disableJvmCache();
        PrintWriter err = spec.commandLine().getErr();
        WgtrackConfig loaded;
        OutputPlan outputs;
        HookFactory.HookPlan hooks;
        Signals.configReading();
        try {
            loaded = loadConfig();
            outputs = OutputFactory.validate(loaded.outputs());
            hooks = HookFactory.validate(loaded.hooks());
        } catch (ConfigException e) {
            err.println("wgtrack: " + e.getMessage().replace("\n", "\nwgtrack: "));
            err.flush();
            return 2;
        }
        Log.get().setThreshold(Optional.ofNullable(logLevel).orElse(loaded.general().logLevel()));
        if (config == null && !java.nio.file.Files.exists(DEFAULT_CONFIG)) {
            Log.info("no " + DEFAULT_CONFIG + ": running on built-in defaults");
        }
        loaded.warnings().forEach(w -> Log.warning(w.toString()));
        outputs.warnings().forEach(w -> Log.warning(w.toString()));
        hooks.warnings().forEach(w -> Log.warning(w.toString()));
        if (Signals.stopPending()) {
            Log.info(STOPPED_DURING_START_UP);
            return 0;
        }

        OsProcessRunner runner = new OsProcessRunner();
        RedetectingPinger pinger = new RedetectingPinger(runner, Main::announcePinger);
        Log.info("wgtrack " + Version.get() + " (" + Version.commit() + ") starting: config " + loaded.source()
                + ", cycle_time " + PlainDecimal.seconds(loaded.general().cycleTime()) + " s, " + pinger.detected().description());
        pinger.unavailable().ifPresent(reason -> Log.error(noPingProgramMessage(reason)));
        // A malformed dump line usually stays malformed: say so once per 10 minutes, not every cycle.
        RateLimiter dumpWarnings = new RateLimiter(Duration.ofMinutes(10), System::nanoTime);
        Consumer<String> dumpWarning = message -> {
            int end = message.indexOf("; line skipped");
            if (dumpWarnings.allow(end < 0 ? message : message.substring(0, end))) {
                Log.warning(message);
            }
        };
        ServiceManager serviceManager = SystemdNotify.fromEnvironment(System.getenv(), ProcessHandle.current().pid());
        if (serviceManager != ServiceManager.NONE) {
            Log.info("telling systemd how it is doing (NOTIFY_SOCKET)" + serviceManager.watchdogPeriod()
                    .map(p -> ", watchdog keep-alive at least every " + PlainDecimal.seconds(p) + " s").orElse(""));
        }
        Daemon daemon = new Daemon(loaded, Optional.ofNullable(logLevel), outputs, this::loadConfig,
                general -> new WgCommand(general.wgCommand(), runner, dumpWarning),
                OutputFactory::validate, pinger, Lookups.on(new SystemResolver(), Lookups.TIMEOUT), new JdkInterfaceAddresses(),
                Clock.systemUTC(), Daemon.Ticker.SYSTEM, serviceManager);
        Signals.Handover handover = Signals.attach(daemon);
        if (handover.stopRequested()) {
            Log.info(STOPPED_DURING_START_UP);
        } else if (handover.reloadRequested()) {
            Log.info("reload requested during start-up: reloading before the first cycle");
        } else if (handover.earlyReloadIgnored()) {
            Log.info("reload requested before the configuration was read: nothing to reload");
        }
        daemon.run(0);
        // Hooks and pings end with their threads; whatever a child left behind must not outlive the service.
        ChildProcesses.killAll(running -> Log.info("killing what is still running: " + running));
        Log.info("wgtrack stopped");
        return 0;
    }

    /** Set once a config file has been read: from then on a missing file is a failed reload, not "all defaults". */
    private boolean configFileSeen;

    /** On reload: the error again while there is still no ping program, else what changed. */
    private static void announcePinger(DetectedPinger previous, DetectedPinger next) {
        Optional<String> unavailable = next.pinger().unavailable();
        if (unavailable.isPresent()) {
            Log.error(noPingProgramMessage(unavailable.get()));
        } else if (!next.description().equals(previous.description())) {
            Log.info("now " + next.description());
        }
    }

    static String noPingProgramMessage(String reason) {
        return reason + ": neither fping nor ping can be run (PATH " + Optional.ofNullable(System.getenv("PATH")).orElse("not set")
                + "); judging every peer by its handshake alone until one is installed and wgtrack reloaded (SIGHUP)";
    }

    /** wgtrack's configuration as the command line names it (also for {@code wgtrack status}). */
    @Override
    public WgtrackConfig load() throws ConfigException {
        return loadConfig();
    }

    /** {@code -l} before a subcommand ({@code wgtrack -l debug status}). */
    @Override
    public Optional<LogLevel> logLevel() {
        return Optional.ofNullable(logLevel);
    }

    WgtrackConfig loadConfig() throws ConfigException {
        return loadConfig(config == null ? DEFAULT_CONFIG : config, config != null);
    }

    /** At start and on every SIGHUP; {@code given}: named with {@code -c}. */
    WgtrackConfig loadConfig(Path path, boolean given) throws ConfigException {
        // A file deleted before a SIGHUP must not switch the daemon to built-in defaults (no outputs).
        WgtrackConfig loaded = ConfigLoader.load(path, given || configFileSeen);
        configFileSeen = configFileSeen || java.nio.file.Files.exists(path);
        return loaded;
    }

    /**
     * The version Maven wrote into the jar's resources and the commit it was built from
     * (packaging/tools/BuildCommit.java): "wgtrack 0.1.0 (commit 0fc53d52f1cc)".
     */
    static final class Version implements CommandLine.IVersionProvider {
        static String get() {
            return resource("/wgtrack-version.properties").getProperty("version", "unknown");
        }

        /** "commit 0fc53d52f1cc", "commit 0fc53d52f1cc with uncommitted changes" or "commit unknown". */
        static String commit() {
            Properties commit = resource("/wgtrack-commit.properties");
            String id = commit.getProperty("commit", "unknown");
            return "commit " + id + ("true".equals(commit.getProperty("dirty")) ? " with uncommitted changes" : "");
        }

        private static Properties resource(String name) {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream(name)) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // an unreadable resource: "unknown" below
            }
            return properties;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"wgtrack " + get() + " (" + commit() + ")"};
        }
    }
}
