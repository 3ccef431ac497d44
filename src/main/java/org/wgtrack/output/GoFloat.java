package org.wgtrack.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A sample value as the Go Prometheus client writes it (expfmt's {@code writeFloat}: 0 and 1 as
 * such, else {@code strconv.FormatFloat(v, 'g', -1, 64)}): the shortest digits that read back as
 * the same double, in exponent form from 10⁶ on. The Go exporter's counters are whole numbers
 * turned into doubles, so only those are written here:
 *
 * <pre>
 * 76728  →  76728        1588274629  →  1.588274629e+09        5000000000  →  5e+09
 * </pre>
 */
final class GoFloat {

    /** Up to 2⁵³ every whole number is a double of its own, so its digits are already the shortest. */
    private static final long EXACT_LIMIT = 1L << 53;

    private GoFloat() {
    }

    /** {@code float64(value)} as the client writes it; value ≥ 0. */
    static String of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value (expected >= 0, got " + value + ")");
        }
        String digits = value <= EXACT_LIMIT ? Long.toString(value) : shortestDigits((double) value);
        int exponent = digits.length() - 1; // of the leading digit: the value is a whole number
        digits = stripTrailingZeros(digits);
        if (exponent < 6) {
            return Long.toString(value);
        }
        StringBuilder text = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append("e+").append(exponent < 10 ? "0" : "").append(exponent).toString();
    }

    /** The shortest correctly rounded digits (with trailing zeros up to the units) that read back as the double. */
    private static String shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.toBigInteger().toString();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).toBigInteger().toString();
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
