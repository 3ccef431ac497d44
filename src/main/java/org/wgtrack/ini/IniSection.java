package org.wgtrack.ini;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wgtrack.log.Shown;

/**
 * One section as configparser sees it: its own keys plus every {@code [DEFAULT]} key it does
 * not set itself. {@link #get} interpolates {@code %(name)s} on each read, as configparser does,
 * so a bad reference is reported when (and in the section where) the value is read.
 */
public final class IniSection {

    /** configparser's {@code default_section}. */
    public static final String DEFAULT = "DEFAULT";

    private final String source;
    private final String name;
    private final int line;
    private final Map<String, IniEntry> own;
    private final List<IniEntry> ownOrder;
    private final IniSection defaults;
    private final InterpolationBudget budget;

    IniSection(String source, String name, int line, Map<String, IniEntry> own, IniSection defaults,
            InterpolationBudget budget) {
        this.source = source;
        this.budget = budget;
        this.name = name;
        this.line = line;
        this.own = Map.copyOf(own);
        this.ownOrder = List.copyOf(own.values());
        this.defaults = defaults;
    }

    public String name() {
        return name;
    }

    /** The header's line; for {@code [DEFAULT]} the first header, 0 when the file has none. */
    public int line() {
        return line;
    }

    public boolean isDefault() {
        return defaults == null;
    }

    /** The keys written in this section, in file order. */
    public List<IniEntry> ownEntries() {
        return ownOrder;
    }

    /** True when the key is written in this section itself (not inherited from {@code [DEFAULT]}). */
    public boolean hasOwn(String key) {
        return own.containsKey(PyText.optionxform(key));
    }

    /** Every visible key: {@code [DEFAULT]}'s first, then this section's own (configparser's order). */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        if (defaults != null) {
            defaults.ownOrder.forEach(e -> keys.add(e.key()));
        }
        ownOrder.forEach(e -> keys.add(e.key()));
        return keys;
    }

    /** The raw entry of a visible key: this section's own, else {@code [DEFAULT]}'s. */
    public Optional<IniEntry> entry(String key) {
        return Optional.ofNullable(lookup(PyText.optionxform(key)));
    }

    /** The interpolated value of a visible key. */
    public Optional<String> get(String key) throws IniException {
        IniEntry entry = lookup(PyText.optionxform(key));
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(interpolate(entry));
    }

    /** The interpolated value of an entry, read in this section (references see this section and DEFAULT). */
    public String interpolate(IniEntry entry) throws IniException {
        Expansion expansion = new Expansion(entry);
        interpolate(expansion, entry.rawValue(), 1);
        return expansion.out.toString();
    }

    private IniEntry lookup(String key) {
        IniEntry entry = own.get(key);
        if (entry == null && defaults != null) {
            entry = defaults.own.get(key);
        }
        return entry;
    }

    /** configparser allows this many nested references (MAX_INTERPOLATION_DEPTH). */
    static final int MAX_DEPTH = 10;
    /**
     * The longest value after interpolation, and the most references followed for one value.
     * configparser has no such limits: ten levels of references that each name the level below
     * a few times expand exponentially (an "interpolation bomb"), so both are checked before each
     * step, never after building the text.
     */
    static final int MAX_VALUE_CHARS = 64 * 1024;
    static final int MAX_REFERENCES = 64 * 1024;

    /** One value being expanded: its text so far and what it has cost. */
    private final class Expansion {
        final IniEntry top;
        final StringBuilder out;
        int references;

        Expansion(IniEntry top) {
            this.top = top;
            this.out = new StringBuilder(Math.min(top.rawValue().length(), MAX_VALUE_CHARS));
        }

        void append(String text, int from, int to) throws IniException {
            if (out.length() + (to - from) > MAX_VALUE_CHARS) {
                throw problem(top, "value too long after interpolation (expected at most " + MAX_VALUE_CHARS
                        + " characters, got more)");
            }
            budget.spend(to - from, () -> problem(top, budgetMessage()));
            out.append(text, from, to);
        }

        void follow() throws IniException {
            if (++references > MAX_REFERENCES) {
                throw problem(top, "too many %(name)s references after interpolation (expected at most "
                        + MAX_REFERENCES + " for one value, got more)");
            }
            budget.spend(1, () -> problem(top, budgetMessage()));
        }
    }

    private static String budgetMessage() {
        return "interpolation of the whole file too large (expected at most " + InterpolationBudget.MAX_STEPS
                + " characters and references in all its values, got more)";
    }

    // BasicInterpolation._interpolate_some, step by step: "%%" → "%", "%(name)s" → the raw value of
    // name, itself interpolated when it contains a '%'; any other '%' is an error.
    private void interpolate(Expansion expansion, String rest, int depth) throws IniException {
        IniEntry top = expansion.top;
        if (depth > MAX_DEPTH) {
            throw problem(top, "interpolation nested deeper than " + MAX_DEPTH
                    + " levels (expected at most " + MAX_DEPTH + " nested %(name)s references, got a longer chain or a loop)");
        }
        int i = 0;
        while (i < rest.length()) {
            int p = rest.indexOf('%', i);
            if (p < 0) {
                expansion.append(rest, i, rest.length());
                return;
            }
            expansion.append(rest, i, p);
            if (p + 1 >= rest.length()) {
                throw problem(top, "bad interpolation (expected '%%' or '%(name)s', got '%' at the end of the value)");
            }
            char c = rest.charAt(p + 1);
            if (c == '%') {
                expansion.append("%", 0, 1);
                i = p + 2;
            } else if (c == '(') {
                int close = rest.indexOf(')', p + 2);
                if (close <= p + 2 || close + 1 >= rest.length() || rest.charAt(close + 1) != 's') {
                    throw problem(top, "bad interpolation (expected '%(name)s', got '%(' without a name and ')s')");
                }
                String var = PyText.optionxform(rest.substring(p + 2, close));
                i = close + 2;
                IniEntry ref = lookup(var);
                if (ref == null) {
                    throw problem(top, "interpolation refers to missing key " + PyText.quote(var)
                            + " (expected a key of [" + Shown.value(name) + "]" + (defaults == null ? "" : " or [DEFAULT]") + ")");
                }
                expansion.follow();
                if (ref.rawValue().indexOf('%') >= 0) {
                    interpolate(expansion, ref.rawValue(), depth + 1);
                } else {
                    expansion.append(ref.rawValue(), 0, ref.rawValue().length());
                }
            } else {
                throw problem(top, "bad interpolation (expected '%%' or '%(name)s', got " + PyText.quote("%" + c) + ")");
            }
        }
    }

    private IniException problem(IniEntry top, String message) {
        return new IniException(new ConfigProblem(source, top.line(), name, top.key(), message));
    }

    @Override
    public String toString() {
        return "[" + name + "]";
    }
}
