package org.wgtrack.system;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The processes this one started, children and theirs, when the daemon stops: a {@code wg} that
 * hangs, a ping, a hook's program. A stopped service must leave nothing of its own running.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Kills every process below this one, the whole tree listed before any is killed (a child's
     * children are found while it still holds them), and waits up to a second for each. What
     * was still running ({@code wg (pid 123), sleep (pid 124)}) goes to {@code report} first,
     * so it is told even if the process ends meanwhile.
     */
    public static void killAll(Consumer<String> report) {
        List<ProcessHandle> running = ProcessHandle.current().descendants().toList();
        if (running.isEmpty()) {
            return;
        }
        report.accept(running.stream().map(ChildProcesses::describe).collect(Collectors.joining(", ")));
        running.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : running) {
            try {
                process.onExit().get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone, or not ours to wait for (a grandchild): it was sent SIGKILL, that is all we can do
            }
        }
    }

    private static String describe(ProcessHandle process) {
        String program = process.info().command().map(c -> c.substring(c.lastIndexOf('/') + 1)).orElse("a process");
        return program + " (pid " + process.pid() + ")";
    }
}
