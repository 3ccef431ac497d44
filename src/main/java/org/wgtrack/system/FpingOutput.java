package org.wgtrack.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what one {@code fping -C 1 -q …} left behind. With {@code -q} the per-target results
 * go to stderr, the name padded to the longest one, the round trip in milliseconds or
 * {@code -} for no reply:
 * <pre>
 * 10.98.0.1          : 0.047
 * 10.98.0.2          : -
 * fd98:0:0:0:0:0:0:1 : 0.065
 * 10.98.0.3: error while sending ping: No buffer space available
 * </pre>
 * Exit status 1 only says that some target did not answer. A target without a result line
 * (fping refused its options, could not bind to the interface: exit status 3 or 4) failed
 * with the first line fping printed that is not a result, e.g.
 * {@code binding to specific interface (SO_BINTODEVICE): No such device}.
 */
final class FpingOutput {

    private static final String SEPARATOR = " : ";

    private FpingOutput() {
    }

    /** One result per target, in the order given. */
    static Map<String, PingResult> parse(ProcessResult result, List<String> targets) {
        Set<String> known = new HashSet<>(targets);
        Map<String, String> values = new HashMap<>();
        Map<String, String> targetErrors = new HashMap<>();
        List<String> otherLines = new ArrayList<>();
        for (String line : result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int separator = line.indexOf(SEPARATOR);
            if (separator > 0 && known.contains(line.substring(0, separator).strip())) {
                // -C 1 gives one value; the first is the one if a newer fping ever appends more.
                String value = line.substring(separator + SEPARATOR.length()).strip().split("\\s+")[0];
                values.putIfAbsent(line.substring(0, separator).strip(), value);
                continue;
            }
            Optional<String> target = targets.stream().filter(t -> line.startsWith(t + ": ")).findFirst();
            if (target.isPresent()) {
                targetErrors.putIfAbsent(target.get(), fpingSays(line.substring(target.get().length() + 2)));
            } else {
                otherLines.add(line);
            }
        }
        String missing = otherLines.isEmpty()
                ? "fping exited with status " + result.exitCode() + " without a result for this target"
                : fpingSays(otherLines.get(0));
        Map<String, PingResult> results = new LinkedHashMap<>();
        for (String target : targets) {
            String value = values.get(target);
            if (value == null) {
                results.put(target, PingResult.failed(targetErrors.getOrDefault(target, missing)));
            } else if (value.equals("-")) {
                results.put(target, Optional.ofNullable(targetErrors.get(target))
                        .map(PingResult::failed).orElseGet(PingResult::failed));
            } else {
                results.put(target, roundTrip(value, target));
            }
        }
        return results;
    }

    /** Some of fping's messages name it, some do not: {@code fping: invalid option -- 'x'}, {@code binding to … No such device}. */
    private static String fpingSays(String message) {
        return message.startsWith("fping: ") ? message : "fping: " + message;
    }

    private static PingResult roundTrip(String value, String target) {
        try {
            return PingResult.succeeded(IputilsPingOutput.milliseconds(value));
        } catch (NumberFormatException e) {
            return PingResult.failed("fping: unreadable result for " + target + " (expected milliseconds or -, got " + value + ")");
        }
    }
}
