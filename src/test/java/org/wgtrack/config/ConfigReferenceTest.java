package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's configuration reference, wgtrack.conf(5) (rendered by the build from
 * {@link ConfigReference}) and the loader all come from {@link Setting}: a key added to one and
 * not the others, or a default documented but not applied, fails here.
 */
class ConfigReferenceTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern KEY_CELL = Pattern.compile("^\\| `([a-z_]+)` \\|");

    /** The README's table under the heading that starts with "### " + title, header row included. */
    private static String readmeTable(ConfigReference.Table table) throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("### " + table.title())) {
                assertThat(heading).as("one README heading '### %s'", table.title()).isEqualTo(-1);
                heading = i;
            }
        }
        assertThat(heading).as("README heading '### %s'", table.title()).isNotNegative();
        int i = heading + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            assertThat(lines.get(i)).as("README: text between '### %s' and its table", table.title()).doesNotStartWith("#");
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            sb.append(lines.get(i)).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(ConfigReference.Table.class)
    void readmeTableIsTheLoadersTable(ConfigReference.Table table) throws IOException {
        assertThat(readmeTable(table))
                .as("README table '### %s' (paste the expected text to update it)", table.title())
                .isEqualTo(ConfigReference.markdown(table));
    }

    @Test
    void everyKeyTheReadmeTablesNameIsALoaderKeyAndEveryLoaderKeyIsInThem() throws IOException {
        List<String> documented = new ArrayList<>();
        for (ConfigReference.Table table : ConfigReference.Table.values()) {
            for (String row : readmeTable(table).split("\n")) {
                Matcher m = KEY_CELL.matcher(row);
                if (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ConfigReference.keys());
    }

    @Test
    void manPageSourceHasEveryKeyWithItsDefault() {
        String adoc = ConfigReference.asciidoc();
        for (Setting s : Setting.values()) {
            assertThat(adoc).contains("*" + s.key() + "* (default: "
                    + (s.defaultText().isEmpty() ? "empty" : "`" + s.defaultText() + "`") + ")::\n");
        }
    }

    /** What the loader applies when a key is absent, read from the records the loader fills. */
    private static final Map<Setting, Function<WgtrackConfig, Object>> APPLIED = Map.ofEntries(
            Map.entry(Setting.CYCLE_TIME, c -> c.general().cycleTime()),
            Map.entry(Setting.LOGLEVEL, c -> c.general().logLevel()),
            Map.entry(Setting.WIREGUARD_CONFIG_DIR, c -> c.general().wireguardConfigDir()),
            Map.entry(Setting.WG_COMMAND, c -> c.general().wgCommand()),
            Map.entry(Setting.CONFIG_SOURCES, c -> c.general().configSources()),
            Map.entry(Setting.NETWORKD_CONFIG_DIRS, c -> c.general().networkdConfigDirs()),
            Map.entry(Setting.NETWORKMANAGER_CONFIG_DIRS, c -> c.general().networkManagerConfigDirs()),
            Map.entry(Setting.ENDPOINT, c -> c.endpointFor("wg0", ConfigLoaderTest.PEER)),
            Map.entry(Setting.PING_INTERVAL, c -> c.trackingFor("wg0").pingInterval()),
            Map.entry(Setting.PING_FAILAFTERNUM, c -> c.trackingFor("wg0").pingFailAfterNum()),
            Map.entry(Setting.PING_TIMEOUT, c -> c.trackingFor("wg0").pingTimeout()),
            Map.entry(Setting.PING_ADDRESS, c -> c.trackingFor("wg0").pingAddress()),
            Map.entry(Setting.CYCLES_WAIT, c -> c.trackingFor("wg0").cyclesWait()),
            Map.entry(Setting.CYCLES_CHECKING, c -> c.trackingFor("wg0").cyclesChecking()),
            Map.entry(Setting.CYCLES_CHECKPERIOD, c -> c.trackingFor("wg0").cyclesCheckPeriod()),
            Map.entry(Setting.CYCLES_SLOWCHECKINGPERIOD, c -> c.trackingFor("wg0").cyclesSlowCheckingPeriod()),
            Map.entry(Setting.ADDRESS_FAMILY, c -> c.trackingFor("wg0").addressFamily()),
            Map.entry(Setting.TRACK, c -> c.trackingFor("wg0").track()),
            Map.entry(Setting.HANDSHAKE_TIMEOUT, c -> c.trackingFor("wg0").handshakeTimeout()),
            Map.entry(Setting.NAME, c -> c.trackingFor("wg0").name()));

    @ParameterizedTest
    @EnumSource(Setting.class)
    void documentedDefaultIsTheAppliedDefault(Setting setting) throws Exception {
        assertThat(APPLIED).as("the applied default of every key is checked here").containsKey(setting);
        WgtrackConfig empty = ConfigLoader.parse("empty.conf", "");
        Optional<Object> documented = setting.parse(setting.defaultText());

        assertThat(documented).as("%s's documented default '%s' is a valid value", setting.key(), setting.defaultText())
                .isPresent();
        assertThat(documented.get()).isEqualTo(APPLIED.get(setting).apply(empty));
    }
}
