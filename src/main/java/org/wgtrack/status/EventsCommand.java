package org.wgtrack.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventHistory;
import org.wgtrack.events.EventJson;
import org.wgtrack.events.EventText;
import org.wgtrack.output.EventsSpec;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack events}: the running daemon's last events ({@code /events}), oldest first and
 * newest last, one line each; with {@code --follow} it goes on printing them as they happen.
 * When no daemon answers, the {@code [output:events]} file has them, also across restarts.
 */
@Command(name = "events", sortOptions = false,
        description = {"Shows the last events of the running daemon (down, up, endpoint_changed, …), newest last.",
            "From its /events page; when no daemon answers, from the [output:events] file."},
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {
            "0:the events were shown (there may be none yet)",
            "1:no daemon answers and no [output:events] file is readable",
            "2:a bad option or value, a configuration that does not load, or something other than the daemon"
                + " where the daemon's listener or events file should be"})
public final class EventsCommand implements Callable<Integer> {

    private static final String COMMAND = "wgtrack events";

    @ParentCommand
    Daemon.ConfigSource parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SubcommandOptions options = new SubcommandOptions();

    @Option(names = "--json", description = "print each event as the JSON object hooks receive, one per line (JSON Lines)")
    boolean json;

    @Option(names = {"-f", "--follow"}, description = "keep printing new events as they happen, until interrupted")
    boolean follow;

    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WgtrackConfig loaded;
        OutputPlan plan;
        DaemonClient client;
        try {
            loaded = options.load(parent);
            plan = OutputFactory.validate(loaded.outputs());
            client = DaemonClient.of(COMMAND, daemon, DaemonTrust.system());
        } catch (ConfigException e) {
            return SubcommandOptions.refuse(err, COMMAND, e);
        } catch (IOException | GeneralSecurityException e) {
            err.println(COMMAND + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            return follow ? follow(client, plan, poll(loaded), out, err) : once(client, plan, out, err);
        } catch (DaemonClient.NotTheDaemonException e) {
            err.println(COMMAND + ": " + TerminalSafe.text(e.getMessage()));
            err.flush();
            return 2;
        }
    }

    private int once(DaemonClient client, OutputPlan plan, PrintWriter out, PrintWriter err) throws DaemonClient.NotTheDaemonException {
        Optional<List<Event>> fromDaemon = fromDaemon(client, plan, err);
        if (fromDaemon.isPresent()) {
            print(fromDaemon.get(), out);
            return 0;
        }
        Optional<EventsSpec> file = client.hasUrl() ? Optional.empty() : eventsFile(plan);
        if (file.isEmpty()) {
            err.println(COMMAND + ": no running daemon answers" + (client.hasUrl() ? " at the --url"
                    : plan.specs().stream().anyMatch(s -> s instanceof org.wgtrack.output.PrometheusSpec) ? ""
                    : " (it serves /events on the [output:prometheus] listener, and none is configured)")
                    + ", and no [output:events] file keeps them");
            err.flush();
            return 1;
        }
        Path filename = file.get().filename();
        try {
            client.believeFile(filename);
            List<Event> events = lastLines(filename);
            err.println(COMMAND + ": no running daemon answers; the last " + events.size() + " events of " + filename + ":");
            err.flush();
            print(events, out);
            return 0;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(COMMAND + ": no running daemon answers, and there is no " + filename + " (yet)");
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println(COMMAND + ": no running daemon answers, and " + filename + " cannot be read: "
                    + TerminalSafe.text(String.valueOf(e.getMessage())));
            err.flush();
            return 1;
        }
    }

    /** Prints what the daemon has, then every poll what is new; a daemon that goes away is waited for. */
    private int follow(DaemonClient client, OutputPlan plan, Duration poll, PrintWriter out, PrintWriter err)
            throws DaemonClient.NotTheDaemonException, InterruptedException {
        EventCursor cursor = new EventCursor();
        boolean answering = true;
        while (true) {
            Optional<List<Event>> events = fromDaemon(client, plan, err);
            if (events.isPresent()) {
                if (!answering) {
                    err.println(COMMAND + ": the daemon answers again");
                    err.flush();
                }
                answering = true;
                print(cursor.newOnes(events.get()), out);
            } else if (answering) {
                answering = false;
                err.println(COMMAND + ": no running daemon answers; waiting for it");
                err.flush();
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static Optional<List<Event>> fromDaemon(DaemonClient client, OutputPlan plan, PrintWriter err)
            throws DaemonClient.NotTheDaemonException {
        Optional<DaemonClient.Answer> answer = client.get("/events", plan, err);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.parseArray(answer.get().body()));
        } catch (IOException e) {
            err.println(COMMAND + ": " + answer.get().uri() + ": " + TerminalSafe.text(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private void print(List<Event> events, PrintWriter out) {
        for (Event event : events) {
            out.println(json ? TerminalSafe.json(EventJson.of(event)) : event.time().truncatedTo(ChronoUnit.SECONDS) + "  " + TerminalSafe.text(EventText.of(event)));
        }
        out.flush();
    }

    private static Optional<EventsSpec> eventsFile(OutputPlan plan) {
        for (OutputSpec output : plan.specs()) {
            if (output instanceof EventsSpec events) {
                return Optional.of(events);
            }
        }
        return Optional.empty();
    }

    /** The file's last {@value EventHistory#SIZE} events; a line that does not parse is skipped. */
    private static List<Event> lastLines(Path file) throws IOException {
        Deque<String> last = new ArrayDeque<>(EventHistory.SIZE);
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                if (last.size() == EventHistory.SIZE) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<Event> events = new ArrayList<>(last.size());
        for (String line : last) {
            try {
                events.add(EventJson.parse(line));
            } catch (IOException e) {
                // a line cut by a crash mid-write: the others still tell what happened
            }
        }
        return events;
    }

    /** Events come at the end of a cycle: asking once a cycle is enough, at least every 2 s, at most 5 times a second. */
    private static Duration poll(WgtrackConfig config) {
        Duration cycle = config.general().cycleTime();
        return cycle.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
                : cycle.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : cycle;
    }
}
