package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** packaging/wgtrack.conf becomes /etc/wgtrack.conf: it must load, and its commented defaults must be true. */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("packaging/wgtrack.conf");
    private static final Pattern COMMENTED_SETTING = Pattern.compile("(?m)^#([a-z_]+ =.*)$");

    @Test
    void loadsAsAllDefaults() throws ConfigException {
        WgtrackConfig config = ConfigLoader.load(EXAMPLE, true);
        assertThat(config.general()).isEqualTo(GeneralSettings.DEFAULTS);
        assertThat(config.trackingFor("wg0", ConfigLoaderTest.PEER)).isEqualTo(TrackingParams.DEFAULTS);
        assertThat(config.outputs()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void everyKeyIsDocumentedWithItsTrueDefault() throws IOException, ConfigException {
        String text = Files.readString(EXAMPLE);
        String generalPart = text.substring(0, text.indexOf("#[interface:wg0]"));
        String uncommented = COMMENTED_SETTING.matcher(generalPart).replaceAll("$1");
        WgtrackConfig config = ConfigLoader.parse("uncommented", uncommented);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.general()).isEqualTo(GeneralSettings.DEFAULTS);
        assertThat(config.trackingFor("wg0", ConfigLoaderTest.PEER)).isEqualTo(TrackingParams.DEFAULTS);
        List<String> documented = COMMENTED_SETTING.matcher(generalPart).results()
                .map(m -> m.group(1).substring(0, m.group(1).indexOf(' '))).toList();
        List<String> keys = Arrays.stream(Setting.values()).map(Setting::key).filter(k -> !k.equals("name") && !k.equals("endpoint"))
                .collect(Collectors.toList());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(text).contains("#name = ", "#endpoint = ");
    }

    @Test
    void commentedExamplesAreValidWhenUncommented() throws IOException, ConfigException {
        String text = Files.readString(EXAMPLE);
        String examples = text.substring(text.indexOf("#[interface:wg0]")).replaceAll("(?m)^#(?=[\\[a-z])", "");
        WgtrackConfig config = ConfigLoader.parse("examples", examples);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.trackingFor("wg0", ConfigLoaderTest.PEER).name()).contains("branch office");
        assertThat(config.endpointFor("wg0", ConfigLoaderTest.PEER)).map(Object::toString).contains("branch.example.org:51820");
        assertThat(config.outputs()).extracting(OutputSettings::type).containsExactly("influx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hub.conf", "site-to-site.conf", "home-router.conf"})
    void shippedExamplesLoadWithoutAWarning(String name) throws ConfigException {
        WgtrackConfig config = ConfigLoader.load(Path.of("packaging/examples").resolve(name), true);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.outputs()).isNotEmpty();
    }
}
