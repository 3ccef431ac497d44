package org.wgtrack.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/** A ProcessRunner that records every command and its time limit and answers from a script; safe to call from many threads. */
public final class FakeProcessRunner implements ProcessRunner {

    @FunctionalInterface
    public interface Script {
        ProcessResult answer(List<String> command) throws IOException, TimeoutException, InterruptedException;
    }

    private final Script script;
    private final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> timeouts = Collections.synchronizedList(new ArrayList<>());

    public FakeProcessRunner(Script script) {
        this.script = script;
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        commands.add(List.copyOf(command));
        timeouts.add(timeout);
        return script.answer(command);
    }

    public List<List<String>> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    public List<Duration> timeouts() {
        synchronized (timeouts) {
            return List.copyOf(timeouts);
        }
    }
}
