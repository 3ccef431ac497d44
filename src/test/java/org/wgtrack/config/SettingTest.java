package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each key accepts and rejects, at its edges. */
class SettingTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "cycle_time | 30 | PT30S",
        "cycle_time | 0.5 | PT0.5S",
        "cycle_time | .25 | PT0.25S",
        "cycle_time | 5. | PT5S",
        "cycle_time | 0.001 | PT0.001S",
        "cycle_time | 86400 | PT24H",
        "ping_timeout | 1.5 | PT1.5S",
        "ping_timeout | 3600 | PT1H",
        "handshake_timeout | 1 | PT1S",
        "handshake_timeout | 135 | PT2M15S",
        "ping_interval | 0 | 0",
        "ping_interval | 007 | 7",
        "ping_failafternum | 1 | 1",
        "cycles_wait | 0 | 0",
        "cycles_checking | 1 | 1",
        "cycles_checkperiod | 1000000 | 1000000",
        "cycles_slowcheckingperiod | 1 | 1",
        "address_family | any | ANY",
        "address_family | IPv4 | IPV4",
        "address_family | IPV6 | IPV6",
        "track | yes | true", "track | True | true", "track | on | true", "track | 1 | true",
        "track | NO | false", "track | false | false", "track | off | false", "track | 0 | false",
        "ping_address | 192.0.2.1 | Optional[/192.0.2.1]",
        "ping_address | fd00::2 | Optional[/fd00:0:0:0:0:0:0:2]",
        "ping_address | '' | Optional.empty",
        "name | 'Branch office: Köln #2' | Optional[Branch office: Köln #2]",
        "name | '' | Optional.empty",
        "loglevel | Debug | DEBUG",
        "loglevel | error | ERROR",
        "wireguard_config_dir | /etc/wireguard | /etc/wireguard",
        "wg_command | /usr/bin/wg | /usr/bin/wg",
    })
    void accepts(String key, String text, String parsed) {
        Setting setting = Setting.byKey(key).orElseThrow();
        assertThat(setting.parse(text)).map(String::valueOf).contains(parsed);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "cycle_time | 0", "cycle_time | 0.0009", "cycle_time | -1", "cycle_time | 86400.001", "cycle_time | 1e3",
        "cycle_time | inf", "cycle_time | nan", "cycle_time | 30s", "cycle_time | ''", "cycle_time | 1,5", "cycle_time | .",
        "ping_timeout | 0", "ping_timeout | 3601",
        "handshake_timeout | 0", "handshake_timeout | 1.5", "handshake_timeout | 1000001",
        "ping_interval | -1", "ping_interval | +1", "ping_interval | 1_000", "ping_interval | ''", "ping_interval | 9999999999",
        "ping_failafternum | 0", "cycles_checking | 0", "cycles_checkperiod | 0", "cycles_slowcheckingperiod | 0",
        "cycles_wait | 1000001", "cycles_wait | ٣",
        "address_family | inet", "address_family | ''", "address_family | ipv4 ipv6",
        "track | y", "track | enabled", "track | ''",
        "ping_address | router.lan", "ping_address | 10.0.0", "ping_address | [fd00::1]", "ping_address | 10.0.0.1/32",
        "ping_address | 256.1.1.1",
        "loglevel | verbose", "loglevel | ''",
        "wireguard_config_dir | ''", "wg_command | ''",
    })
    void rejects(String key, String text) {
        assertThat(Setting.byKey(key).orElseThrow().parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"name", "wg_command", "wireguard_config_dir"})
    void rejectsTextOverSeveralLines(String key) {
        assertThat(Setting.byKey(key).orElseThrow().parse("one\ntwo")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cycle_time", "ping_timeout", "ping_address", "loglevel"})
    void invalidValueMessageNamesWhatIsAllowed(String key) {
        Setting setting = Setting.byKey(key).orElseThrow();
        assertThatThrownBy(() -> ConfigLoader.parse("t.conf", "[general]\n" + key + " = %%bad%%\n"))
                .hasMessage("t.conf:2: [general] " + key + ": invalid value '%bad%' (expected " + setting.expected() + ")");
    }

    @org.junit.jupiter.api.Test
    void typesMatchTheRecords() throws Exception {
        assertThat(Setting.CYCLE_TIME.parse("2")).contains(Duration.ofSeconds(2));
        assertThat(Setting.PING_ADDRESS.parse("10.0.0.1")).contains(Optional.of(InetAddress.getByName("10.0.0.1")));
        assertThat(Setting.WIREGUARD_CONFIG_DIR.parse("/x")).contains(Path.of("/x"));
        assertThat(Setting.byKey("Cycle_Time")).as("keys arrive lower-cased from the INI reader").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void everyKeyIsShownWholeInTheLoadersMessages(Setting setting) {
        // Problems show keys as any input unless the loader vouches for them: a duplicate reaches every key.
        String twice = setting.key() + " = 1\n" + setting.key() + " = 1\n";
        assertThatThrownBy(() -> ConfigLoader.parse("t.conf", "[general]\n" + twice))
                .hasMessageStartingWith("t.conf:3: [general] " + setting.key() + ": ");
    }
}
