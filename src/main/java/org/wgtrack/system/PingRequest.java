package org.wgtrack.system;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/** One echo request: to {@code target}, out through {@code interfaceName}, waiting at most {@code timeout}. */
public record PingRequest(String interfaceName, InetAddress target, Duration timeout) {

    public PingRequest {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }
}
