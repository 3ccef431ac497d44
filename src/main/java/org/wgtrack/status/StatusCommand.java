package org.wgtrack.status;


import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.wgtrack.output.JsonSpec;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSpec;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.PrometheusSpec;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.StatusDocument;
import org.wgtrack.system.SystemResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack status}: one line per tracked peer, from the running daemon (its {@code /status}
 * page, else its JSON file while fresh) or, when none answers or with {@code --once}, from one
 * cycle of its own that judges and pings but changes nothing. Exit 0 when every tracked peer
 * is up, 1 otherwise, so scripts and monitoring can use it as a health check.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows every tracked peer: state, handshake age, endpoint, transfer.",
            "Exit status 0 when every tracked peer is up, 1 otherwise, 2 for a bad configuration."},
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {
            "0:every tracked peer is up",
            "1:a tracked peer is down, or the live state cannot be read",
            "2:a bad option or value, or a configuration that does not load"})
public final class StatusCommand implements Callable<Integer> {

    /** The {@code wgtrack} command this runs under, which knows the configuration file. */
    @ParentCommand
    Daemon.ConfigSource parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print the JSON status document instead of a table")
    boolean json;

    @Option(names = "--once", description = "do not ask the running daemon; run one cycle here (changes nothing)")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        SystemResolver.disableJvmCache();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WgtrackConfig config;
        OutputPlan plan;
        try {
            config = parent.load();
            plan = OutputFactory.validate(config.outputs());
        } catch (ConfigException e) {
            err.println("wgtrack status: " + e.getMessage().replace("\n", "\nwgtrack status: "));
            err.flush();
            return 2;
        }
        Optional<Sourced> fromDaemon = once ? Optional.empty() : fromRunningDaemon(config, plan, err);
        Sourced status = fromDaemon.isPresent() ? fromDaemon.get() : new Sourced(runOnce(config), "one cycle of its own (--once)");
        if (json) {
            out.print(StatusDocument.format(status.snapshot()));
            out.println();
        } else {
            out.print(StatusTable.render(status.snapshot(), status.source(), Instant.now()));
        }
        out.flush();
        boolean allUp = status.snapshot().liveStateOk() && status.snapshot().peers().stream().allMatch(PeerSnapshot::isUp);
        return allUp ? 0 : 1;
    }

    private record Sourced(Snapshot snapshot, String source) {
    }

    /** The daemon's /status page, or its JSON file if it was written within three cycles. */
    private static Optional<Sourced> fromRunningDaemon(WgtrackConfig config, OutputPlan plan, PrintWriter err) {
        for (OutputSpec output : plan.specs()) {
            if (output instanceof PrometheusSpec prometheus) {
                URI uri = statusUri(prometheus);
                try {
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() == 200) {
                        return Optional.of(new Sourced(StatusDocument.parse(response.body()), "the running daemon at " + uri));
                    }
                } catch (IOException e) {
                    // no daemon listening there: try the next source
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        Duration fresh = config.general().cycleTime().multipliedBy(3).plusSeconds(10);
        for (OutputSpec output : plan.specs()) {
            if (output instanceof JsonSpec jsonSpec && Files.isReadable(jsonSpec.filename())) {
                try {
                    Snapshot snapshot = StatusDocument.parse(Files.readString(jsonSpec.filename(), StandardCharsets.UTF_8));
                    if (snapshot.takenAt().plus(fresh).isAfter(Instant.now())) {
                        return Optional.of(new Sourced(snapshot, jsonSpec.filename().toString()));
                    }
                } catch (IOException e) {
                    err.println("wgtrack status: ignoring " + jsonSpec.filename() + ": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static URI statusUri(PrometheusSpec spec) {
        String host = switch (spec.listen()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> spec.listen();
        };
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + spec.port() + "/status");
    }

    /** One cycle with the real system, judging and pinging but never re-resolving or setting anything. */
    private static Snapshot runOnce(WgtrackConfig config) throws InterruptedException {
        Log.get().setThreshold(LogLevel.WARNING);
        return Observer.observeOnce(config);
    }
}
