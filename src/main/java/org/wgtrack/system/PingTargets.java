package org.wgtrack.system;

import java.net.InetAddress;
import java.time.Duration;
import org.wgtrack.text.PlainDecimal;

/** How both ping tools are told a target and a time: plain literals, never names to look up. */
final class PingTargets {

    private PingTargets() {
    }

    /** {@code 10.0.0.1}, {@code fd00:0:0:0:0:0:0:2}, {@code fe80:0:0:0:0:0:0:1%wg0}: a literal, so no tool resolves anything. */
    static String literal(InetAddress target) {
        return target.getHostAddress();
    }

    /** At least one millisecond: both tools reject or misread a zero timeout. */
    static long millis(Duration timeout) {
        return Math.max(1, timeout.toMillis());
    }

    /** {@code 1}, {@code 0.5}, {@code 2.25}: whole seconds without a fraction, which older pings need. */
    static String seconds(Duration timeout) {
        return PlainDecimal.toString(millis(timeout), 3);
    }
}
