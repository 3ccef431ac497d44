package org.wgtrack.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/** Records every command; each succeeds unless a result was set for it. */
final class FakeProcessRunner implements ProcessRunner {

    final List<String> commands = new ArrayList<>();
    private final Map<String, ProcessResult> results = new HashMap<>();

    FakeProcessRunner failing(String command, ProcessResult result) {
        results.put(command, result);
        return this;
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) {
        String line = String.join(" ", command);
        commands.add(line);
        return results.getOrDefault(line, new ProcessResult(0, "", ""));
    }
}
