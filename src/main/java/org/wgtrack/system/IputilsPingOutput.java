package org.wgtrack.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what one {@code ping -n -c 1 …} (iputils) left behind. Exit status 0 means a reply
 * came back, 1 that none did, anything else that ping could not run (bad interface, no
 * route). A reply line looks like
 * <pre>
 * 64 bytes from 10.98.0.1: icmp_seq=1 ttl=64 time=0.188 ms
 * </pre>
 * iputils prints {@code time=123 ms}, {@code time=12.3 ms} or {@code time=0.188 ms} depending
 * on the size; very old versions and some other pings print {@code time<1 ms} or
 * {@code time=0.188ms}, and a build with a localised number format a decimal comma.
 */
final class IputilsPingOutput {

    private static final Pattern REPLY_TIME = Pattern.compile("\\btime[=<]([0-9]+(?:[.,][0-9]+)?) ?ms");
    /** The summary line, for a ping that prints no per-reply line: {@code rtt min/avg/max/mdev = 0.188/0.188/0.188/0.000 ms}. */
    private static final Pattern SUMMARY = Pattern.compile("min/avg/max(?:/mdev)? = [0-9.,]+/([0-9]+(?:[.,][0-9]+)?)/");

    private IputilsPingOutput() {
    }

    static PingResult parse(ProcessResult result) {
        return switch (result.exitCode()) {
            case 0 -> new PingResult(true, roundTrip(result.stdout()), Optional.empty());
            case 1 -> problem(result.stderr()).map(PingResult::failed).orElseGet(PingResult::failed);
            default -> PingResult.failed(problem(result.stderr())
                    .orElse("ping exited with status " + result.exitCode()));
        };
    }

    static Optional<Duration> roundTrip(String stdout) {
        Matcher reply = REPLY_TIME.matcher(stdout);
        if (reply.find()) {
            return Optional.of(milliseconds(reply.group(1)));
        }
        Matcher summary = SUMMARY.matcher(stdout);
        if (summary.find()) {
            return Optional.of(milliseconds(summary.group(1)));
        }
        return Optional.empty();
    }

    /** The first line of stderr that is not one of ping's warnings (which it prints even on success). */
    static Optional<String> problem(String stderr) {
        return stderr.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.contains("Warning:"))
                .findFirst();
    }

    static Duration milliseconds(String decimal) {
        BigDecimal millis = new BigDecimal(decimal.replace(',', '.'));
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }
}
