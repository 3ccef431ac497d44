package org.wgtrack.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wgtrack.files.TextFileException;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.ini.IniDocument;
import org.wgtrack.ini.IniEntry;
import org.wgtrack.ini.IniException;
import org.wgtrack.ini.IniReader;
import org.wgtrack.ini.IniSection;
import org.wgtrack.log.Shown;
import org.wgtrack.wg.PublicKey;

/**
 * Reads wgtrack's own config (SPEC §1.1) into a {@link WgtrackConfig}, validating every value
 * written in the file at once, so that a bad value in a {@code [peer:…]} section fails at start
 * rather than at the first cycle. Every problem is collected; they are thrown together, by line:
 *
 * <pre>
 * /etc/wgtrack.conf:3: [general] cycle_time: invalid value 'fast' (expected a number of seconds from 0.001 to 86400)
 * </pre>
 *
 * Each value is read in the section it is written in: interpolation sees that section and
 * {@code [DEFAULT]}; a {@code [DEFAULT]} value is read in {@code [DEFAULT]}.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");
    private static final String SECTION_KINDS =
            "[general], [DEFAULT], [interface:<ifname>], [peer:<ifname>:<public-key>], [output:<name>] or [hook:<name>]";

    private final IniDocument doc;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    private ConfigLoader(IniDocument doc) {
        this.doc = doc;
    }

    /**
     * Reads the config file.
     *
     * @param required true for {@code --config}, and on reload for a file that existed before:
     *     then a missing file is an error; a missing file at the default path at start-up means
     *     "all defaults"
     */
    public static WgtrackConfig load(Path path, boolean required) throws ConfigException {
        return load(path, required, new TextFileReader(TextFileReader.SYSTEM));
    }

    static WgtrackConfig load(Path path, boolean required, TextFileReader files) throws ConfigException {
        String source = path.toString();
        String text;
        try {
            text = files.read(path);
        } catch (TextFileException e) {
            if (e.kind() == TextFileException.Kind.NO_SUCH_FILE && !required) {
                return WgtrackConfig.defaults(source);
            }
            throw fileProblem(source, e.reason());
        }
        // A byte order mark (Windows editors write one) would make the first header unreadable;
        // configparser would fail on it, wgtrack reads the file.
        return parse(source, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Reads config text; {@code source} names it in messages. */
    public static WgtrackConfig parse(String source, String text) throws ConfigException {
        IniDocument doc;
        try {
            doc = IniReader.parse(source, text);
        } catch (IniException e) {
            throw new ConfigException(e.problems().stream().map(ConfigLoader::vouched).toList());
        }
        return new ConfigLoader(doc).build();
    }

    private static ConfigException fileProblem(String source, String message) {
        return new ConfigException(new ConfigProblem(source, 0, null, null, message));
    }

    private WgtrackConfig build() throws ConfigException {
        SectionValues defaults = settings(doc.defaults(), SectionName.Kind.DEFAULT);
        SectionValues general = SectionValues.NONE;
        Map<String, SectionValues> interfaces = new LinkedHashMap<>();
        Map<String, Map<PublicKey, SectionValues>> peers = new LinkedHashMap<>();
        List<OutputSettings> outputs = new ArrayList<>();
        List<HookSettings> hooks = new ArrayList<>();
        for (IniSection section : doc.sections()) {
            SectionName name = SectionName.parse(section.name());
            if (name.problem() != null) {
                errors.add(new ConfigProblem(doc.source(), section.line(), null, null, name.problem()));
                continue;
            }
            switch (name.kind()) {
                case GENERAL -> general = settings(section, name.kind());
                case INTERFACE -> interfaces.put(name.interfaceName(), settings(section, name.kind()));
                case PEER -> peers.computeIfAbsent(name.interfaceName(), n -> new LinkedHashMap<>())
                        .put(name.peer(), settings(section, name.kind()));
                case OUTPUT -> outputs.add(output(section, name.outputName()));
                case HOOK -> hooks.add(new HookSettings(name.outputName(), doc.source(), section.line(), rawValues(section)));
                // DEFAULT never gets here: IniDocument keeps it apart from the other sections
                case UNKNOWN, DEFAULT -> warnings.add(new ConfigProblem(doc.source(), section.line(), section.name(), null,
                        unknownSection(section.name())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(byLine(errors));
        }
        GeneralSettings generalSettings = new GeneralSettings(
                daemon(Setting.CYCLE_TIME, GeneralSettings.DEFAULTS.cycleTime(), general, defaults),
                daemon(Setting.LOGLEVEL, GeneralSettings.DEFAULTS.logLevel(), general, defaults),
                daemon(Setting.WIREGUARD_CONFIG_DIR, GeneralSettings.DEFAULTS.wireguardConfigDir(), general, defaults),
                daemon(Setting.WG_COMMAND, GeneralSettings.DEFAULTS.wgCommand(), general, defaults),
                daemon(Setting.CONFIG_SOURCES, GeneralSettings.DEFAULTS.configSources(), general, defaults),
                daemon(Setting.NETWORKD_CONFIG_DIRS, GeneralSettings.DEFAULTS.networkdConfigDirs(), general, defaults),
                daemon(Setting.NETWORKMANAGER_CONFIG_DIRS, GeneralSettings.DEFAULTS.networkManagerConfigDirs(), general, defaults));
        return new WgtrackConfig(doc.source(), generalSettings,
                SectionTrackingResolver.build(defaults, general, interfaces, peers), outputs, hooks, byLine(warnings));
    }

    /** Section kinds are case-sensitive (as configparser's names): "[General]" gets a hint. */
    private static String unknownSection(String name) {
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        String rest = colon < 0 ? "" : name.substring(colon);
        String meant = null;
        if (kind.equalsIgnoreCase("default")) {
            meant = "DEFAULT";
        } else if (List.of("general", "interface", "peer", "output", "hook").contains(kind.toLowerCase(Locale.ROOT))) {
            meant = kind.toLowerCase(Locale.ROOT) + rest;
        }
        if (meant != null && !meant.equals(name)) {
            return "unknown section, ignored (did you mean [" + SectionName.shown(meant)
                    + "]? section names are case-sensitive)";
        }
        return "unknown section, ignored (expected " + SECTION_KINDS + ")";
    }

    private static <T> T daemon(Setting setting, T builtIn, SectionValues general, SectionValues defaults) {
        return general.getOr(setting, defaults.getOr(setting, builtIn));
    }

    /** Validates the settings written in one [general], [DEFAULT], [interface:…] or [peer:…] section. */
    private SectionValues settings(IniSection section, SectionName.Kind kind) {
        Set<String> referenced = referencedKeys(section);
        Map<Setting, Object> values = new HashMap<>();
        for (IniEntry entry : section.ownEntries()) {
            Setting setting = Setting.byKey(entry.key()).orElse(null);
            if (setting == null) {
                if (!referenced.contains(entry.key())) { // a helper for %(name)s is not a typo
                    warn(section, entry, KeySuggestion.unknownKey(entry.key(), kind));
                }
                continue;
            }
            String misplaced = misplaced(setting, kind);
            if (misplaced != null) {
                warn(section, entry, misplaced);
                continue;
            }
            Optional<String> interpolated = interpolate(section, entry);
            if (interpolated.isEmpty()) {
                continue;
            }
            String text = interpolated.get();
            setting.parse(text).ifPresentOrElse(value -> values.put(setting, value),
                    () -> errors.add(new ConfigProblem(doc.source(), entry.line(), section.name(), entry.key(),
                            "invalid value " + quote(text) + " (expected " + setting.expected() + ")")));
        }
        return SectionValues.of(values);
    }

    /** The entry's value with its {@code %(name)s} references filled in; empty, and the problem recorded, when that fails. */
    private Optional<String> interpolate(IniSection section, IniEntry entry) {
        try {
            return Optional.of(section.interpolate(entry));
        } catch (IniException e) {
            errors.addAll(e.problems());
            return Optional.empty();
        }
    }

    private static String misplaced(Setting setting, SectionName.Kind kind) {
        boolean perPeer = kind == SectionName.Kind.INTERFACE || kind == SectionName.Kind.PEER;
        if (setting.scope() == Setting.Scope.DAEMON && perPeer) {
            return "applies to the whole daemon; ignored here (expected in [general] or [DEFAULT])";
        }
        if (setting.scope() == Setting.Scope.NAMING && !perPeer) {
            return "names one peer or interface; ignored here (expected in [peer:…] or [interface:…])";
        }
        if (setting.scope() == Setting.Scope.PEER && kind != SectionName.Kind.PEER) {
            return "belongs to one peer; ignored here (expected in [peer:…])";
        }
        return null;
    }

    /** The keys written in a hook section, interpolated; the hooks validate them. */
    private Map<String, SettingValue> rawValues(IniSection section) {
        Map<String, SettingValue> values = new LinkedHashMap<>();
        for (IniEntry entry : section.ownEntries()) {
            interpolate(section, entry).ifPresent(text -> values.put(entry.key(), new SettingValue(text, doc.source(), entry.line())));
        }
        return values;
    }

    /** The keys written in an output section, interpolated; each output type validates its own. */
    private OutputSettings output(IniSection section, String name) {
        Map<String, SettingValue> values = new LinkedHashMap<>();
        String type = name;
        for (IniEntry entry : section.ownEntries()) {
            Optional<String> interpolated = interpolate(section, entry);
            if (interpolated.isEmpty()) {
                continue;
            }
            String text = interpolated.get();
            values.put(entry.key(), new SettingValue(text, doc.source(), entry.line()));
            if (entry.key().equals("type")) {
                if (text.isEmpty() || text.contains("\n")) {
                    errors.add(new ConfigProblem(doc.source(), entry.line(), section.name(), entry.key(),
                            "invalid value " + quote(text) + " (expected an output type such as influx, prometheus or json)"));
                }
                type = text;
            }
        }
        return new OutputSettings(name, type, doc.source(), section.line(), values);
    }

    /** Keys that a %(name)s in this section (for [DEFAULT]: in any section) refers to. */
    private Set<String> referencedKeys(IniSection section) {
        List<IniSection> readers = section.isDefault() ? allSections() : List.of(section);
        Set<String> names = new HashSet<>();
        for (IniSection reader : readers) {
            for (IniEntry entry : reader.ownEntries()) {
                Matcher m = REFERENCE.matcher(entry.rawValue());
                while (m.find()) {
                    names.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private List<IniSection> allSections() {
        List<IniSection> all = new ArrayList<>(doc.sections());
        all.add(doc.defaults());
        return all;
    }

    private void warn(IniSection section, IniEntry entry, String message) {
        warnings.add(new ConfigProblem(doc.source(), entry.line(), section.name(), entry.key(), message));
    }

    /** Problems in file order, each marked with what may be shown whole (a valid peer header, a key wgtrack knows). */
    private static List<ConfigProblem> byLine(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigLoader::vouched).sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
    }

    private static ConfigProblem vouched(ConfigProblem problem) {
        return problem.vouchedFor(problem.section() != null && SectionName.isPublic(problem.section()),
                problem.key() != null && Setting.byKey(problem.key()).isPresent());
    }

    /** A value for a message: quoted, escaped, key-like runs hidden, shortened ({@link Shown#value}). */
    static String quote(String text) {
        return "'" + Shown.value(text) + "'";
    }
}
