package org.wgtrack.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The warning for an unknown key: the nearest valid key when it looks like a typo, else the list. */
final class KeySuggestion {

    private static final int MAX_TYPO_DISTANCE = 2;

    private KeySuggestion() {
    }

    static String unknownKey(String key, SectionName.Kind kind) {
        List<String> valid = validKeys(kind);
        String nearest = valid.stream()
                .min(Comparator.comparingInt(candidate -> distance(key, candidate)))
                .filter(candidate -> distance(key, candidate) <= MAX_TYPO_DISTANCE)
                .orElse(null);
        if (nearest != null) {
            return "unknown key, ignored (did you mean " + nearest + "?)";
        }
        return "unknown key, ignored (expected one of " + String.join(", ", valid) + ")";
    }

    /** The keys that mean something in a section of this kind, in the order of the reference. */
    static List<String> validKeys(SectionName.Kind kind) {
        boolean perPeer = kind == SectionName.Kind.INTERFACE || kind == SectionName.Kind.PEER;
        return Arrays.stream(Setting.values())
                .filter(s -> switch (s.scope()) {
                    case DAEMON -> !perPeer;
                    case TRACKING -> true;
                    case NAMING -> perPeer;
                    case PEER -> kind == SectionName.Kind.PEER;
                })
                .map(Setting::key)
                .collect(Collectors.toList());
    }

    /** Levenshtein distance; keys are short, so the plain table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
