package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The output keys the README's table under "## Outputs" and wgtrack.conf(5)'s source
 * (packaging/man/wgtrack.conf.adoc) document are the keys OutputFactory accepts, with the
 * defaults the specs apply: a key added to one and not the others fails here.
 */
class OutputKeysDocumentedTest {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("influx filename", InfluxSpec.DEFAULT_FILENAME.toString()),
            Map.entry("influx counter_type", CounterType.INTEGER.name().toLowerCase(java.util.Locale.ROOT)),
            Map.entry("influx schema", "wgtrack"),
            Map.entry("json filename", JsonSpec.DEFAULT_FILENAME.toString()),
            Map.entry("prometheus listen", PrometheusSpec.DEFAULT_LISTEN),
            Map.entry("prometheus port", Integer.toString(PrometheusSpec.DEFAULT_PORT)),
            Map.entry("prometheus web_config_file", "none"),
            Map.entry("prometheus compatible_with", "(empty)"),
            Map.entry("events filename", EventsSpec.DEFAULT_FILENAME.toString()),
            Map.entry("events max_size", "10M"),
            Map.entry("events keep", Integer.toString(EventsSpec.DEFAULT_KEEP)));

    private static Set<String> loaderKeys() {
        Set<String> keys = new TreeSet<>();
        OutputFactory.KEYS_BY_TYPE.forEach((type, names) -> names.forEach(n -> keys.add(type + " " + n)));
        return keys;
    }

    /** "influx filename" → "/var/cache/wg-track_influx.out", from the rows "| influx | filename | … |". */
    private static Map<String, String> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int i = lines.indexOf("## Outputs");
        assertThat(i).as("README heading '## Outputs'").isNotNegative();
        while (!lines.get(i).startsWith("| type | key | default | meaning |")) {
            i++;
        }
        Map<String, String> rows = new HashMap<>();
        for (i += 2; lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            rows.put(cells[1].strip() + " " + cells[2].strip(), cells[3].strip());
        }
        return rows;
    }

    @Test
    void readmeTableHasEveryOutputKeyWithItsDefault() throws IOException {
        Map<String, String> rows = readmeRows();

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(loaderKeys());
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(DEFAULTS);
    }

    @Test
    void manPageHasEveryOutputKeyWithItsDefault() throws IOException {
        String page = Files.readString(Path.of("packaging/man/wgtrack.conf.adoc"), StandardCharsets.UTF_8);
        String outputs = page.substring(page.indexOf("== Outputs"), page.indexOf("== Example"));
        for (String typeAndKey : loaderKeys()) {
            String type = typeAndKey.substring(0, typeAndKey.indexOf(' '));
            String key = typeAndKey.substring(type.length() + 1);
            int block = outputs.indexOf("*type = " + type + "*::");
            assertThat(block).as("wgtrack.conf(5): a block for type %s", type).isNotNegative();
            int end = outputs.indexOf("*type = ", block + 1);
            String text = outputs.substring(block, end < 0 ? outputs.length() : end);
            assertThat(text).as("wgtrack.conf(5), type %s", type).contains("*" + key + "* (default ");
            assertThat(text.replaceAll("\\s+", " ")).as("wgtrack.conf(5), %s's default", typeAndKey)
                    .containsPattern("\\*" + key + "\\* \\(default [_*]?" + java.util.regex.Pattern.quote(DEFAULTS.get(typeAndKey)) + "[_*]?\\)");
        }
    }
}
