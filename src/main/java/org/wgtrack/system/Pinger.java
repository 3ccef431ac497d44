package org.wgtrack.system;

import java.net.InetAddress;
import java.time.Duration;

/** Sends one echo request through a given interface and waits at most {@code timeout}. */
public interface Pinger {

    PingResult ping(String interfaceName, InetAddress target, Duration timeout) throws InterruptedException;
}
