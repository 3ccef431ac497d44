package org.wgtrack.text;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A fixed-point number ({@code unscaled × 10^-scale}, e.g. nanoseconds as milliseconds) in plain
 * notation without trailing zeros: exactly what
 * {@code BigDecimal.valueOf(unscaled, scale).stripTrailingZeros()} prints with {@code toPlainString()}
 * (after {@code setScale(0)} when the scale went negative), so {@code 1.25}, {@code 2}, {@code 10},
 * {@code 0.000001}. Computed with long arithmetic because it runs for every peer of every cycle and
 * the daemon runs under C1, where each BigDecimal costs several allocations. Every number of
 * seconds wgtrack prints, in outputs, messages and ping options, goes through here.
 */
public final class PlainDecimal {

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    };

    private PlainDecimal() {
    }

    public static void append(StringBuilder out, long unscaled, int scale) {
        if (unscaled < 0 || scale < 0 || scale >= POWERS_OF_TEN.length) {
            // never for durations that wgtrack measures; kept exact rather than fast
            out.append(viaBigDecimal(unscaled, scale));
            return;
        }
        long whole = unscaled / POWERS_OF_TEN[scale];
        long fraction = unscaled % POWERS_OF_TEN[scale];
        out.append(whole);
        if (fraction == 0) {
            return;
        }
        int digits = scale;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out.append('.');
        for (int i = digits - 1; i > 0 && fraction < POWERS_OF_TEN[i]; i--) {
            out.append('0'); // leading zeros of the fraction: 0.000001
        }
        out.append(fraction);
    }

    public static String toString(long unscaled, int scale) {
        StringBuilder out = new StringBuilder(24);
        append(out, unscaled, scale);
        return out.toString();
    }

    /** A duration in seconds to the millisecond, as every message and option wgtrack writes shows it: {@code 0.3}, {@code 30}. */
    public static String seconds(Duration duration) {
        return toString(duration.toMillis(), 3);
    }

    /** The reference definition (and the path for what the fast one does not handle). */
    static String viaBigDecimal(long unscaled, int scale) {
        BigDecimal plain = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
    }
}
