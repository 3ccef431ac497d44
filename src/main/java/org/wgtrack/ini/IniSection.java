package org.wgtrack.ini;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    IniSection(String source, String name, int line, Map<String, IniEntry> own, IniSection defaults) {
        this.source = source;
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
        StringBuilder out = new StringBuilder(entry.rawValue().length());
        interpolate(entry, entry.rawValue(), out, 1);
        return out.toString();
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

    // BasicInterpolation._interpolate_some, step by step: "%%" → "%", "%(name)s" → the raw value of
    // name, itself interpolated when it contains a '%'; any other '%' is an error.
    private void interpolate(IniEntry top, String rest, StringBuilder out, int depth) throws IniException {
        if (depth > MAX_DEPTH) {
            throw problem(top, "interpolation nested deeper than " + MAX_DEPTH
                    + " levels (expected at most " + MAX_DEPTH + " nested %(name)s references, got a longer chain or a loop)");
        }
        int i = 0;
        while (i < rest.length()) {
            int p = rest.indexOf('%', i);
            if (p < 0) {
                out.append(rest, i, rest.length());
                return;
            }
            out.append(rest, i, p);
            if (p + 1 >= rest.length()) {
                throw problem(top, "bad interpolation (expected '%%' or '%(name)s', got '%' at the end of the value)");
            }
            char c = rest.charAt(p + 1);
            if (c == '%') {
                out.append('%');
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
                            + " (expected a key of [" + name + "]" + (defaults == null ? "" : " or [DEFAULT]") + ")");
                }
                if (ref.rawValue().indexOf('%') >= 0) {
                    interpolate(top, ref.rawValue(), out, depth + 1);
                } else {
                    out.append(ref.rawValue());
                }
            } else {
                throw problem(top, "bad interpolation (expected '%%' or '%(name)s', got " + PyText.quote("%" + c) + ")");
            }
        }
    }

    private IniException problem(IniEntry top, String message) {
        return new IniException(new IniProblem(source, top.line(), name, top.key(), message));
    }

    @Override
    public String toString() {
        return "[" + name + "]";
    }
}
