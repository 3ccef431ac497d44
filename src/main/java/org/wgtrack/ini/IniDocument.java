package org.wgtrack.ini;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed INI document: {@code [DEFAULT]} and the other sections in file order (names case-sensitive). */
public final class IniDocument {

    private final String source;
    private final IniSection defaults;
    private final Map<String, IniSection> sections;

    IniDocument(String source, IniSection defaults, List<IniSection> sections) {
        this.source = source;
        this.defaults = defaults;
        Map<String, IniSection> byName = new LinkedHashMap<>();
        sections.forEach(s -> byName.put(s.name(), s));
        this.sections = byName;
    }

    public String source() {
        return source;
    }

    /** {@code [DEFAULT]}; present (maybe empty) even when the file has no such header. */
    public IniSection defaults() {
        return defaults;
    }

    /** Every section except {@code [DEFAULT]}, in file order. */
    public List<IniSection> sections() {
        return List.copyOf(sections.values());
    }

    /** A section by its exact (case-sensitive) name; {@code DEFAULT} gives {@link #defaults()}. */
    public Optional<IniSection> section(String name) {
        if (IniSection.DEFAULT.equals(name)) {
            return Optional.of(defaults);
        }
        return Optional.ofNullable(sections.get(name));
    }
}
