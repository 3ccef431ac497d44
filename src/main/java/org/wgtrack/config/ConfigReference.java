package org.wgtrack.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The reference of wgtrack's own keys, rendered from {@link Setting}, the table the loader
 * validates against: as Markdown tables for the README (ConfigReferenceTest compares them with
 * the README's) and as AsciiDoc for wgtrack.conf(5) (written at build time). A key added to the
 * loader is thereby documented, with its default, what is allowed and what it means.
 *
 * <pre>
 * | `cycle_time` | `30` | a number of seconds from 0.001 to 86400 | time between the starts of two cycles |
 * </pre>
 */
public final class ConfigReference {

    /** The README's and the man page's tables, by where the keys may be written. */
    public enum Table {
        DAEMON(Setting.Scope.DAEMON, "Daemon-wide keys", "[general] or [DEFAULT]"),
        TRACKING(Setting.Scope.TRACKING, "Tracking parameters", "any of [general], [DEFAULT], [interface:…], [peer:…]"),
        NAMING(Setting.Scope.NAMING, "Names", "[interface:…] and [peer:…] only"),
        PEER(Setting.Scope.PEER, "Peer endpoints", "[peer:…] only");

        private final Setting.Scope scope;
        private final String title;
        private final String where;

        Table(Setting.Scope scope, String title, String where) {
            this.scope = scope;
            this.title = title;
            this.where = where;
        }

        public String title() {
            return title;
        }

        public String where() {
            return where;
        }
    }

    private static final String EMPTY = "(empty)";

    private ConfigReference() {
    }

    /** The Markdown table, header included, one row per key in the loader's order. */
    public static String markdown(Table table) {
        StringBuilder sb = new StringBuilder("| key | default | allowed | meaning |\n|---|---|---|---|\n");
        for (Setting s : settings(table)) {
            sb.append("| `").append(s.key()).append("` | ").append(defaultShown(s, "`"))
                    .append(" | ").append(s.expected()).append(" | ").append(s.meaning()).append(" |\n");
        }
        return sb.toString();
    }

    /** Every table as AsciiDoc sections (level 3) of definition lists, for wgtrack.conf(5). */
    public static String asciidoc() {
        StringBuilder sb = new StringBuilder();
        for (Table table : Table.values()) {
            sb.append("=== ").append(table.title()).append(" (").append(table.where().replace("[", "{startsb}")
                    .replace("]", "{endsb}")).append(")\n\n");
            for (Setting s : settings(table)) {
                String shown = s.defaultText().isEmpty() ? "empty" : "`" + s.defaultText() + "`";
                sb.append('*').append(s.key()).append("* (default: ").append(shown).append(")::\n")
                        .append("  ").append(s.meaning()).append(". +\n  Allowed: ").append(s.expected()).append(".\n\n");
            }
        }
        return sb.toString();
    }

    /** Keys in the loader's table, for tests and tools: "cycle_time", … */
    public static java.util.List<String> keys() {
        return Arrays.stream(Setting.values()).map(Setting::key).toList();
    }

    private static java.util.List<Setting> settings(Table table) {
        return Arrays.stream(Setting.values()).filter(s -> s.scope() == table.scope).collect(Collectors.toList());
    }

    private static String defaultShown(Setting s, String quote) {
        return s.defaultText().isEmpty() ? EMPTY : quote + s.defaultText() + quote;
    }
}
