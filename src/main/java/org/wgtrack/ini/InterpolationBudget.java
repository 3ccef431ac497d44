package org.wgtrack.ini;

import java.util.function.Supplier;

/**
 * What all reads of one document may spend on interpolation, in characters produced plus
 * references followed. Each value is bounded on its own ({@link IniSection#MAX_VALUE_CHARS}), but
 * a 1 MiB file holds some 100,000 keys, each of which could expand to that bound; this caps the
 * whole document at a few tenths of a second of work. A real config spends a few kilobytes.
 */
final class InterpolationBudget {

    static final long MAX_STEPS = 16L * 1024 * 1024;

    private long spent;

    <E extends Exception> void spend(long steps, Supplier<E> exhausted) throws E {
        spent += steps;
        if (spent > MAX_STEPS) {
            throw exhausted.get();
        }
    }
}
