package org.wgtrack.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The shapes of values wgtrack.conf shares between its sections: seconds and comma-separated lists. */
public final class ValueSyntax {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final BigDecimal MILLISECOND = new BigDecimal("0.001");

    private ValueSyntax() {
    }

    /**
     * Seconds from 0.001 to {@code max}, as a plain decimal ("30", "0.5", ".5"): Python's float()
     * would also take "1e3", "inf" and "nan", which make no sense as a time. Millisecond
     * resolution keeps Duration exact enough. Empty when the text is not allowed.
     */
    public static Optional<Duration> seconds(String text, int max) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal seconds = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        if (seconds.compareTo(MILLISECOND) < 0 || seconds.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
    }

    /** Comma-separated, spaces around items ignored, empty items skipped. */
    public static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
