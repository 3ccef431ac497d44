package org.wgtrack.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * Runs every command inside a network namespace: {@code nsenter --net=/run/netns/NS -- ping …}.
 * nsenter rather than {@code ip netns exec}, which also unshares the mount namespace and
 * remounts /sys for every child: a cost that would distort the timing of 1,000 pings.
 */
public final class NamespaceProcessRunner implements ProcessRunner {

    private final ProcessRunner delegate;
    private final String namespace;

    public NamespaceProcessRunner(ProcessRunner delegate, String namespace) {
        this.delegate = delegate;
        this.namespace = namespace;
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        List<String> wrapped = new ArrayList<>(command.size() + 3);
        wrapped.addAll(List.of("nsenter", "--net=/run/netns/" + namespace, "--"));
        wrapped.addAll(command);
        return delegate.run(wrapped, timeout);
    }
}
