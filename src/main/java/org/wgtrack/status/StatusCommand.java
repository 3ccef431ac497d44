package org.wgtrack.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import org.wgtrack.daemon.Observer;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.log.Shown;
import org.wgtrack.output.JsonSpec;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSpec;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.StatusDocument;
import org.wgtrack.system.SystemResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack status}: one line per tracked peer, from the running daemon (its {@code /status}
 * page, else its JSON file while fresh) or, when none answers or with {@code --once}, from one
 * cycle of its own that judges and pings but changes nothing. A listener or file is believed
 * only if it is the daemon's ({@link DaemonTrust}), and what a document says is printed escaped.
 * Exit 0 when every tracked peer is up, 1 otherwise, so scripts and monitoring can use it as a
 * health check.
 */
@Command(name = "status", sortOptions = false,
        description = {"Shows every tracked peer: state, handshake age, endpoint, transfer.",
            "INTERFACE narrows it to one interface, PEER to the peers of that interface with that"
                + " friendly name or public key (or the start of one), as in `wg show wg0`."},
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {
            "0:every peer shown is up",
            "1:a peer shown is down, none matches INTERFACE/PEER, or the live state cannot be read",
            "2:a bad option or value, a configuration that does not load, or something other than the daemon"
                + " where the daemon's listener or JSON file should be"})
public final class StatusCommand implements Callable<Integer> {

    /** The {@code wgtrack} command this runs under, which knows the configuration file. */
    @ParentCommand
    Daemon.ConfigSource parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SubcommandOptions options = new SubcommandOptions();

    // The same as wgtrack's own -l; given here, it wins over the one before the subcommand.
    @Option(names = {"-l", "--loglevel"}, paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "debug, info, warning or error, for the cycle of --once (default: warning)")
    LogLevel logLevel;

    @Option(names = "--json", description = "print the JSON status document instead of a table")
    boolean json;

    @Option(names = "--once", description = "do not ask the running daemon; run one cycle here (changes nothing)")
    boolean once;

    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "INTERFACE", description = "show only this interface's peers")
    String interfaceName;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PEER",
            description = "show only this peer of INTERFACE: its friendly name, public key or the start of its key")
    String peer;

    @Override
    public Integer call() throws InterruptedException {
        SystemResolver.disableJvmCache();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WgtrackConfig config;
        OutputPlan plan;
        PeerFilter filter = PeerFilter.of(interfaceName, peer);
        try {
            config = options.load(parent);
            plan = OutputFactory.validate(config.outputs());
        } catch (ConfigException e) {
            return SubcommandOptions.refuse(err, "wgtrack status", e);
        }
        DaemonClient client;
        Optional<Sourced> fromDaemon;
        try {
            client = DaemonClient.of("wgtrack status", daemon, DaemonTrust.system());
            fromDaemon = once ? Optional.empty() : fromRunningDaemon(client, config, plan, err);
        } catch (IOException | GeneralSecurityException | DaemonClient.NotTheDaemonException e) {
            // A bad document's message may quote it.
            err.println("wgtrack status: " + TerminalSafe.text(String.valueOf(e.getMessage())));
            err.flush();
            return 2;
        }
        LogLevel onceLevel = Optional.ofNullable(logLevel).or(parent::logLevel).orElse(LogLevel.WARNING);
        Sourced status = fromDaemon.isPresent() ? fromDaemon.get()
                : new Sourced(runOnce(config, onceLevel), "one cycle of its own (--once)");
        Snapshot shown = filter.apply(status.snapshot());
        if (json) {
            out.print(TerminalSafe.json(StatusDocument.format(shown)));
            out.println();
        } else {
            out.print(StatusTable.render(shown, status.source(), Instant.now()));
        }
        out.flush();
        if (filter.narrows() && shown.liveStateOk() && shown.peers().isEmpty()) {
            err.println("wgtrack status: no tracked peer matches " + Shown.value(filter.describe()));
            err.flush();
            return 1;
        }
        boolean allUp = shown.liveStateOk() && shown.peers().stream().allMatch(PeerSnapshot::isUp);
        return allUp ? 0 : 1;
    }

    private record Sourced(Snapshot snapshot, String source) {
    }

    /** The daemon's /status page (only --url's when given), or its JSON file if it was written within three cycles. */
    private static Optional<Sourced> fromRunningDaemon(DaemonClient client, WgtrackConfig config, OutputPlan plan, PrintWriter err)
            throws IOException, DaemonClient.NotTheDaemonException {
        Optional<DaemonClient.Answer> answer = client.get("/status", plan, err);
        if (answer.isPresent()) {
            try {
                return Optional.of(new Sourced(StatusDocument.parse(answer.get().body()), "the running daemon at " + answer.get().uri()));
            } catch (IOException e) {
                throw new IOException(answer.get().uri() + ": " + e.getMessage(), e);
            }
        }
        if (client.hasUrl()) {
            return Optional.empty();
        }
        Duration fresh = config.general().cycleTime().multipliedBy(3).plusSeconds(10);
        for (OutputSpec output : plan.specs()) {
            if (output instanceof JsonSpec jsonSpec && Files.isReadable(jsonSpec.filename())) {
                try {
                    client.believeFile(jsonSpec.filename());
                    Snapshot snapshot = StatusDocument.parse(Files.readString(jsonSpec.filename(), StandardCharsets.UTF_8));
                    if (snapshot.takenAt().plus(fresh).isAfter(Instant.now())) {
                        return Optional.of(new Sourced(snapshot, jsonSpec.filename().toString()));
                    }
                } catch (IOException e) {
                    err.println("wgtrack status: ignoring " + jsonSpec.filename() + ": " + TerminalSafe.text(String.valueOf(e.getMessage())));
                }
            }
        }
        return Optional.empty();
    }

    /** One cycle with the real system, judging and pinging but never re-resolving or setting anything. */
    private static Snapshot runOnce(WgtrackConfig config, LogLevel level) throws InterruptedException {
        Log.get().setThreshold(level);
        return Observer.observeOnce(config);
    }
}
