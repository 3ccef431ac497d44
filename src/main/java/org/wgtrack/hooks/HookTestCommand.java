package org.wgtrack.hooks;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventType;
import org.wgtrack.notify.HookCommand;
import org.wgtrack.notify.HookFactory;
import org.wgtrack.notify.HookSpec;
import org.wgtrack.notify.Hooks;
import org.wgtrack.notify.ProcessHookCommand;
import org.wgtrack.log.Shown;
import org.wgtrack.status.SubcommandOptions;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wgtrack hook test NAME}: sends a made-up event through one configured hook, now, and
 * says what happened, so an operator can check a hook without breaking a tunnel. The event is
 * marked as a test in its name and reason; nothing of the running daemon is touched.
 */
@Command(name = "test", sortOptions = false,
        description = "Sends a test event through the hook NAME of the configuration and prints what happened.",
        exitCodeListHeading = "Exit status%n",
        exitCodeList = {"0:the hook took the event", "1:the hook failed or timed out", "2:no such hook, or a configuration that does not load"})
public final class HookTestCommand implements Callable<Integer> {

    /** All zero bytes: a valid key shape that no real peer has. */
    static final PublicKey SAMPLE_PEER = new PublicKey("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    @ParentCommand
    HookGroupCommand group;

    @Spec
    CommandSpec spec;

    @Mixin
    SubcommandOptions options = new SubcommandOptions();

    @Option(names = "--event", paramLabel = "EVENT", description = "the event to send: down (default), up, endpoint_changed, …")
    String event = "down";

    @Parameters(index = "0", paramLabel = "NAME", description = "the hook, as in [hook:NAME]")
    String name;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<EventType> type = EventType.byLabel(event);
        if (type.isEmpty()) {
            err.println("wgtrack hook test: unknown event " + Shown.value(event));
            err.flush();
            return 2;
        }
        HookFactory.HookPlan plan;
        try {
            WgtrackConfig loaded = options.load(group.parent);
            plan = HookFactory.validate(loaded.hooks());
        } catch (ConfigException e) {
            return SubcommandOptions.refuse(err, "wgtrack hook test", e);
        }
        Optional<HookSpec> hook = plan.hooks().stream().filter(h -> h.name().equals(name)).findFirst();
        if (hook.isEmpty()) {
            err.println("wgtrack hook test: no [hook:" + Shown.value(name) + "] (configured: "
                    + (plan.hooks().isEmpty() ? "none" : String.join(", ", plan.hooks().stream().map(HookSpec::name).toList())) + ")");
            err.flush();
            return 2;
        }
        Event sample = sample(type.get());
        HookCommand.Result result;
        try {
            result = Hooks.runOnce(new ProcessHookCommand(), hook.get(), sample);
        } catch (IOException e) {
            out.println("hook " + name + ": cannot run " + hook.get().command().get(0) + ": " + e.getMessage());
            out.flush();
            return 1;
        }
        out.println("hook " + name + ": " + Hooks.describe(sample) + ": " + (result.succeeded() ? "delivered"
                : result.timedOut() ? "no end within " + hook.get().timeout().toMillis() + " ms, killed"
                : hook.get().command().get(0) + " exited with status " + result.exitCode()));
        if (!result.output().isBlank()) {
            out.println(Shown.escaped(result.output().strip()));
        }
        out.flush();
        return result.succeeded() ? 0 : 1;
    }

    static Event sample(EventType type) {
        boolean up = type == EventType.UP;
        return new Event(Instant.now(), type, Optional.of(new PeerId("wg0", SAMPLE_PEER)), Optional.of("wgtrack hook test"),
                Optional.of(up ? PeerState.DOWN_CHECKING : PeerState.UP_OK), Optional.of(up ? PeerState.UP_OK : PeerState.DOWN_WAITING),
                "a test event from wgtrack hook test", Optional.of(Endpoint.parse("vpn.example.org:51820")), Optional.empty(),
                up ? OptionalLong.of(60) : OptionalLong.empty(), false);
    }
}
