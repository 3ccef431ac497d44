package org.wgtrack.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * A ProcessRunner that records every command and its time limit and answers from a script:
 * an answer set for the exact command line first ({@link #answering}), else the script's.
 * Safe to call from many threads.
 */
public final class FakeProcessRunner implements ProcessRunner {

    @FunctionalInterface
    public interface Script {
        ProcessResult answer(List<String> command) throws IOException, TimeoutException, InterruptedException;
    }

    private static final ProcessResult SUCCESS = new ProcessResult(0, "", "");

    private final Script script;
    private final Map<String, ProcessResult> answers = new ConcurrentHashMap<>();
    private final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> timeouts = Collections.synchronizedList(new ArrayList<>());

    public FakeProcessRunner(Script script) {
        this.script = script;
    }

    /** Every command exits 0 with no output unless {@link #answering} says otherwise. */
    public static FakeProcessRunner succeeding() {
        return new FakeProcessRunner(command -> SUCCESS);
    }

    /** Answers {@code commandLine} (the command's words joined by spaces) with {@code result}. */
    public FakeProcessRunner answering(String commandLine, ProcessResult result) {
        answers.put(commandLine, result);
        return this;
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        commands.add(List.copyOf(command));
        timeouts.add(timeout);
        ProcessResult answer = answers.get(String.join(" ", command));
        return answer != null ? answer : script.answer(command);
    }

    public List<List<String>> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** The commands run so far, each as one line of words joined by spaces. */
    public List<String> commandLines() {
        return commands().stream().map(command -> String.join(" ", command)).toList();
    }

    public List<Duration> timeouts() {
        synchronized (timeouts) {
            return List.copyOf(timeouts);
        }
    }

    /** Forgets the commands run so far, so a test can look at what a later step runs. */
    public void clear() {
        synchronized (commands) {
            commands.clear();
            timeouts.clear();
        }
    }
}
