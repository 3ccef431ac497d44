package org.wgtrack.log;

/**
 * How text from outside (files people edit, {@code wg}'s output, names) appears in a message or
 * a log line. wgtrack runs as root and its log is read on terminals and in the journal, so:
 *
 * <ul>
 * <li>characters that move the cursor, break, hide or reorder a line (C0 and C1 controls, DEL,
 *     U+2028/U+2029, bidi and other format characters, lone surrogates) are written as escapes:
 *     {@code \r}, {@code \n}, {@code \t}, {@code \x1b}, {@code \u2028};</li>
 * <li>a quoted input value ({@link #value}) also has every run of 16 or more base64 characters
 *     replaced by {@code [hidden]}: a private or preshared key can sit in any malformed line, and
 *     any 16 characters of one are too many to show; no real host name, address, number or
 *     interface name wgtrack quotes has such a run;</li>
 * <li>and is cut to {@value #MAX_CHARS} characters, then {@code …}.</li>
 * </ul>
 *
 * Public keys in fields known to hold one are not quoted through here: logs show them in their
 * short form ({@code k8YzRPdd…}).
 */
public final class Shown {

    /** The most characters of an input value a message shows. */
    public static final int MAX_CHARS = 40;

    /** The shortest run of base64 characters that is hidden: a fragment of a key. */
    public static final int KEY_LIKE_RUN = 16;

    static final String HIDDEN = "[hidden]";

    private Shown() {
    }

    /** An input value to quote in a message: escaped, key-like runs hidden, at most 40 characters. */
    public static String value(CharSequence input) {
        String visible = escaped(hideKeyLikeRuns(input));
        if (visible.codePointCount(0, visible.length()) <= MAX_CHARS) {
            return visible;
        }
        return visible.substring(0, visible.offsetByCodePoints(0, MAX_CHARS)) + "…";
    }

    /** Text with every character that could forge or hide a log line escaped; everything else as it is. */
    public static String escaped(CharSequence text) {
        int first = firstToEscape(text);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (needsEscape(codePoint)) {
                    out.append(String.format("\\U%08x", codePoint));
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (needsEscape(c)) {
                appendEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when every character of the text may go to a log line unescaped. */
    public static boolean isPlain(CharSequence text) {
        return firstToEscape(text) < 0;
    }

    private static int firstToEscape(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (needsEscape(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return i;
                }
                i++;
            } else if (needsEscape(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    private static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
    }

    private static CharSequence hideKeyLikeRuns(CharSequence input) {
        StringBuilder out = null;
        int runStart = 0;
        for (int i = 0; i <= input.length(); i++) {
            if (i < input.length() && isBase64(input.charAt(i))) {
                continue;
            }
            if (i - runStart >= KEY_LIKE_RUN) {
                if (out == null) {
                    out = new StringBuilder(input.length());
                    out.append(input, 0, runStart);
                }
                out.append(HIDDEN);
            } else if (out != null) {
                out.append(input, runStart, i);
            }
            if (out != null && i < input.length()) {
                out.append(input.charAt(i));
            }
            runStart = i + 1;
        }
        return out == null ? input : out;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    }
}
