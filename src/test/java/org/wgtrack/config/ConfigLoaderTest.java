package org.wgtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.TestResources;
import org.wgtrack.wg.ConfigFormat;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

class ConfigLoaderTest {

    static final PublicKey PEER = new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=");

    static Path fixture(String name) {
        return TestResources.file("config/" + name);
    }

    static WgtrackConfig load(String fixture) throws ConfigException {
        return ConfigLoader.load(fixture(fixture), true);
    }

    /** The problems of a fixture, with its path shortened to its name. */
    static String problems(String fixture) {
        assertThatThrownBy(() -> load(fixture)).isInstanceOf(ConfigException.class);
        try {
            load(fixture);
        } catch (ConfigException e) {
            return e.getMessage().replace(fixture(fixture).toString(), fixture);
        }
        throw new AssertionError();
    }

    static String problems(String source, String text) {
        try {
            ConfigLoader.parse(source, text);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException");
    }

    static List<String> warnings(WgtrackConfig config) {
        return config.warnings().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void missingFileAtDefaultPathMeansAllDefaults(@TempDir Path dir) throws ConfigException {
        Path path = dir.resolve("wgtrack.conf");
        WgtrackConfig config = ConfigLoader.load(path, false);
        assertThat(config.source()).isEqualTo(path.toString());
        assertThat(config.general()).isEqualTo(GeneralSettings.DEFAULTS);
        assertThat(config.trackingFor("wg0", PEER)).isEqualTo(TrackingParams.DEFAULTS);
        assertThat(config.outputs()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void missingFileGivenWithConfigOptionIsAnError(@TempDir Path dir) {
        Path path = dir.resolve("nope.conf");
        assertThatThrownBy(() -> ConfigLoader.load(path, true))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ": no such file");
    }

    @Test
    void directoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir + ": not a regular file (a directory)");
    }

    @Test
    void bytesThatAreNotUtf8AreAnError(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("latin1.conf");
        Files.write(path, new byte[] {'[', 'g', 'e', 'n', 'e', 'r', 'a', 'l', ']', '\n', '#', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(path, true))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ": not UTF-8 at line 2");
    }

    @Test
    void fifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("wgtrack.conf");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(fifo, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage(fifo + ": not a regular file (a FIFO)");
    }

    @Test
    void fileOverOneMebibyteIsAnError(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("wgtrack.conf"), "[general]\n" + "#".repeat(1 << 20));
        assertThatThrownBy(() -> ConfigLoader.load(path, true))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ": larger than 1 MiB");
    }

    /** Root reads any file whatever its mode, so the refusal comes from a fake file access. */
    @Test
    void unreadableFileIsAnErrorEvenAtTheDefaultPath() {
        TextFileReader denied = new TextFileReader(new TextFileReader.FileAccess() {
            @Override
            public TextFileReader.FileType type(Path path) {
                return TextFileReader.FileType.REGULAR;
            }

            @Override
            public InputStream open(Path path) throws IOException {
                throw new AccessDeniedException(path.toString());
            }
        });
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("/etc/wgtrack.conf"), false, denied))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/wgtrack.conf: permission denied");
    }

    @Test
    void missingFileIsAnErrorWhenRequired(@TempDir Path dir) {
        Path path = dir.resolve("wgtrack.conf");
        assertThatThrownBy(() -> ConfigLoader.load(path, true))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ": no such file");
    }

    @Test
    void byteOrderMarkIsSkipped(@TempDir Path dir) throws IOException, ConfigException {
        Path path = dir.resolve("bom.conf");
        Files.writeString(path, "\uFEFF[general]\ncycle_time = 5\n");
        assertThat(ConfigLoader.load(path, true).general().cycleTime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void specExampleNamesFileLineKeyAndValue() {
        Path path = fixture("cycle-time-fast.conf");
        assertThatThrownBy(() -> ConfigLoader.load(path, true))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ":3: [general] cycle_time: invalid value 'fast' (expected a number of seconds from 0.001 to 86400)")
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(new ConfigProblem(path.toString(), 3, "general", "cycle_time",
                                "invalid value 'fast' (expected a number of seconds from 0.001 to 86400)").vouchedFor(false, true)));
    }

    @Test
    void reportsEveryInvalidValueByLine() {
        assertThat(problems("every-value-invalid.conf")).isEqualTo("""
                every-value-invalid.conf:2: [general] cycle_time: invalid value '0' (expected a number of seconds from 0.001 to 86400)
                every-value-invalid.conf:3: [general] loglevel: invalid value 'verbose' (expected debug, info, warning or error)
                every-value-invalid.conf:4: [general] wireguard_config_dir: invalid value '' (expected a directory path)
                every-value-invalid.conf:5: [general] wg_command: invalid value '' (expected a command name or path)
                every-value-invalid.conf:6: [general] ping_interval: invalid value '-1' (expected a whole number from 0 to 1000000)
                every-value-invalid.conf:7: [general] ping_failafternum: invalid value '0' (expected a whole number from 1 to 1000000)
                every-value-invalid.conf:8: [general] ping_timeout: invalid value '1s' (expected a number of seconds from 0.001 to 3600)
                every-value-invalid.conf:9: [general] ping_address: invalid value 'router.lan' (expected an IPv4 or IPv6 address, or empty for the first allowed-ip; hostnames are not resolved)
                every-value-invalid.conf:10: [general] cycles_wait: invalid value '2.5' (expected a whole number from 0 to 1000000)
                every-value-invalid.conf:11: [general] cycles_checking: invalid value '0' (expected a whole number from 1 to 1000000)
                every-value-invalid.conf:12: [general] cycles_checkperiod: invalid value '0' (expected a whole number from 1 to 1000000)
                every-value-invalid.conf:13: [general] cycles_slowcheckingperiod: invalid value '1000001' (expected a whole number from 1 to 1000000)
                every-value-invalid.conf:14: [general] address_family: invalid value 'inet6' (expected any, ipv4 or ipv6)
                every-value-invalid.conf:15: [general] track: invalid value 'maybe' (expected yes, no, true, false, on, off, 1 or 0)
                every-value-invalid.conf:16: [general] handshake_timeout: invalid value '0' (expected a whole number of seconds from 1 to 1000000)
                every-value-invalid.conf:19: [peer:wg0:xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=] name: invalid value 'two\\nlines' (expected a single line of text)""");
    }

    @Test
    void problemsFromAllSectionsComeTogetherOrderedByLine() {
        String text = """
                [peer:wg0:xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=]
                ping_timeout = never
                [DEFAULT]
                track = perhaps
                [interface:wg0]
                cycles_wait = -2
                [general]
                cycle_time = 0.0001
                """;
        assertThat(problems("wgtrack.conf", text)).isEqualTo("""
                wgtrack.conf:2: [peer:wg0:xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=] ping_timeout: invalid value 'never' (expected a number of seconds from 0.001 to 3600)
                wgtrack.conf:4: [DEFAULT] track: invalid value 'perhaps' (expected yes, no, true, false, on, off, 1 or 0)
                wgtrack.conf:6: [interface:wg0] cycles_wait: invalid value '-2' (expected a whole number from 0 to 1000000)
                wgtrack.conf:8: [general] cycle_time: invalid value '0.0001' (expected a number of seconds from 0.001 to 86400)""");
    }

    @Test
    void badSectionNamesAreErrorsThatNeverEchoAPeerKey() {
        assertThat(problems("bad-section-names.conf")).isEqualTo("""
                bad-section-names.conf:1: invalid interface section (expected [interface:<ifname>] with an interface name, got none)
                bad-section-names.conf:2: invalid interface section (expected [interface:<ifname>] with an interface name of 1 to 15 characters without '/', ':' or spaces, got 'a-name-that-is-far-too-long')
                bad-section-names.conf:3: invalid interface section (expected [interface:<ifname>] with an interface name of 1 to 15 characters without '/', ':' or spaces, got 'wg 0')
                bad-section-names.conf:4: invalid peer section (expected [peer:<ifname>:<public-key>], got no ':' after the interface name)
                bad-section-names.conf:5: invalid peer section (expected [peer:<ifname>:<public-key>] with the peer's public key as wg shows it, 44 base64 characters, got 40 characters that are not a key)
                bad-section-names.conf:6: invalid peer section (expected [peer:<ifname>:<public-key>] with an interface name, got none)
                bad-section-names.conf:7: invalid output section (expected [output:<name>], got no name)
                bad-section-names.conf:9: [output:x] type: invalid value '' (expected an output type such as influx, prometheus or json)""");
    }

    @Test
    void peerKeyMayContainSlashPlusAndEquals() throws ConfigException {
        PublicKey key = new PublicKey("HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=");
        PublicKey slashes = new PublicKey("/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+8=");
        WgtrackConfig config = ConfigLoader.parse("t.conf",
                "[peer:wg0:" + key + "]\nping_interval = 7\n[peer:wg0:" + slashes + "]\nping_interval = 9\n");
        assertThat(config.trackingFor("wg0", key).pingInterval()).isEqualTo(7);
        assertThat(config.trackingFor("wg0", slashes).pingInterval()).isEqualTo(9);
    }

    @Test
    void syntaxErrorsComeFromTheIniReader() {
        assertThat(problems("syntax-errors.conf")).isEqualTo("""
                syntax-errors.conf:3: [general] cycle_time: duplicate key (expected each key once per section, first at line 2)
                syntax-errors.conf:4: not a section, key or comment (expected '[section]', 'key = value' or 'key: value', got 'this line is neither')
                syntax-errors.conf:5: [general] duplicate section (expected each section once, first at line 1)""");
    }

    @Test
    void interpolationErrorsNameTheKeysLineAndTheSectionThatReadsIt() {
        assertThat(problems("interpolation-errors.conf")).isEqualTo("""
                interpolation-errors.conf:5: [general] ping_interval: interpolation refers to missing key 'nowhere' (expected a key of [general] or [DEFAULT])
                interpolation-errors.conf:6: [general] cycles_wait: bad interpolation (expected '%%' or '%(name)s', got '%' at the end of the value)
                interpolation-errors.conf:8: [output:influx] filename: interpolation refers to missing key 'name' (expected a key of [output:influx] or [DEFAULT])""");
    }

    @Test
    void warnsAboutUnknownKeysAndSectionsButNotAboutInterpolationHelpers() throws ConfigException {
        WgtrackConfig config = load("unknown-keys-and-sections.conf");
        String file = fixture("unknown-keys-and-sections.conf").toString();
        String generalKeys = "cycle_time, ping_interval, ping_failafternum, ping_timeout, ping_address, cycles_wait, cycles_checking, "
                + "cycles_checkperiod, cycles_slowcheckingperiod, address_family, track, handshake_timeout, loglevel, "
                + "wireguard_config_dir, wg_command, config_sources, networkd_config_dirs, networkmanager_config_dirs";
        assertThat(warnings(config)).containsExactly(
                file + ":2: [DEFAULT] ping_timout: unknown key, ignored (did you mean ping_timeout?)",
                file + ":4: [DEFAULT] colour: unknown key, ignored (expected one of " + generalKeys + ")",
                file + ":8: [general] verbose: unknown key, ignored (expected one of " + generalKeys + ")",
                file + ":11: [interface:wg0] cycle_time: applies to the whole daemon; ignored here (expected in [general] or [DEFAULT])",
                file + ":12: [interface:wg0] loglevel: applies to the whole daemon; ignored here (expected in [general] or [DEFAULT])",
                file + ":19: [Interface:wg1] unknown section, ignored (did you mean [interface:wg1]? section names are case-sensitive)",
                file + ":22: [general-settings] unknown section, ignored (expected [general], [DEFAULT], [interface:<ifname>], "
                        + "[peer:<ifname>:<public-key>], [output:<name>] or [hook:<name>])");
        assertThat(config.general().cycleTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.trackingFor("wg0").pingAddress()).map(a -> a.getHostAddress()).contains("10.8.0.1");
        assertThat(config.trackingFor("wg0", PEER).pingAddress()).map(a -> a.getHostAddress()).contains("10.8.0.7");
        assertThat(config.trackingFor("wg1").track()).isTrue();
    }

    /** The per-interface view the cycle uses says what the per-peer lookups say, section or none. */
    @Test
    void anInterfacesPeerTrackingAgreesWithThePerPeerLookups() throws ConfigException {
        PublicKey other = new PublicKey("HiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=");
        WgtrackConfig config = ConfigLoader.parse("t.conf", "[general]\nping_interval = 3\n[interface:wg0]\nping_interval = 5\n"
                + "[peer:wg0:" + PEER + "]\nping_interval = 7\nname = seven\nendpoint = vpn.example.org:51820\n");
        for (String iface : List.of("wg0", "wg1")) {
            for (PublicKey key : List.of(PEER, other)) {
                assertThat(config.peersOf(iface).params(key)).as(iface + " " + key.shortForm()).isEqualTo(config.trackingFor(iface, key));
                assertThat(config.peersOf(iface).endpoint(key)).isEqualTo(config.endpointFor(iface, key));
            }
        }
        assertThat(config.peersOf("wg0").params(PEER).pingInterval()).isEqualTo(7);
        assertThat(config.peersOf("wg0").params(other).pingInterval()).isEqualTo(5);
        assertThat(config.peersOf("wg1").params(PEER).pingInterval()).isEqualTo(3);
        assertThat(config.peersOf("wg0").endpoint(PEER)).contains(org.wgtrack.wg.Endpoint.parse("vpn.example.org:51820"));
        assertThat(config.peersOf("wg0").endpoint(other)).isEmpty();
    }

    @Test
    void unknownKeyInAPeerSectionListsThePeerKeys() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t.conf", "[peer:wg0:" + PEER + "]\nhost = vpn.example.org\n");
        assertThat(warnings(config)).containsExactly("t.conf:2: [peer:wg0:" + PEER + "] host: unknown key, ignored (expected one of "
                + "ping_interval, ping_failafternum, ping_timeout, ping_address, cycles_wait, cycles_checking, cycles_checkperiod, "
                + "cycles_slowcheckingperiod, address_family, track, handshake_timeout, name, endpoint)");
    }

    @Test
    void nameOutsidePeerAndInterfaceSectionsIsIgnoredWithAWarning() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t.conf", "[DEFAULT]\nname = everyone\n[general]\nname = all\n[interface:wg0]\n");
        assertThat(warnings(config)).containsExactly(
                "t.conf:2: [DEFAULT] name: names one peer or interface; ignored here (expected in [peer:…] or [interface:…])",
                "t.conf:4: [general] name: names one peer or interface; ignored here (expected in [peer:…] or [interface:…])");
        assertThat(config.trackingFor("wg0", PEER).name()).isEmpty();
        assertThat(config.trackingFor("wg0").name()).isEmpty();
    }

    @Test
    void defaultKeysInheritedIntoOtherSectionsAreNotWarnedAbout() throws ConfigException {
        WgtrackConfig config = load("helper-keys-only-in-defaults.conf");
        assertThat(config.warnings()).isEmpty();
        assertThat(config.outputs()).singleElement().satisfies(o -> assertThat(o.values()).containsOnlyKeys("filename"));
        assertThat(config.trackingFor("wg0", PEER).pingInterval()).isEqualTo(3);
    }

    @Test
    void outputSectionsKeepTheirOwnInterpolatedKeysWithLines() throws ConfigException {
        WgtrackConfig config = load("outputs.conf");
        String file = fixture("outputs.conf").toString();
        assertThat(config.outputs()).containsExactly(
                new OutputSettings("influx", "influx", file, 5,
                        Map.of("filename", new SettingValue("/var/cache/wg-track_influx.out", file, 6))),
                new OutputSettings("second", "influx", file, 8,
                        Map.of("type", new SettingValue("influx", file, 9), "filename", new SettingValue("/tmp/second.out", file, 10))),
                new OutputSettings("prometheus", "prometheus", file, 12, Map.of()));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void cycleTimeComesFromGeneralThenDefaultAndMayBeADecimal() throws ConfigException {
        assertThat(ConfigLoader.parse("t", "[DEFAULT]\ncycle_time = 0.5\n").general().cycleTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigLoader.parse("t", "[DEFAULT]\ncycle_time = 7\n[general]\ncycle_time = 2.25\n").general().cycleTime())
                .isEqualTo(Duration.ofMillis(2250));
        assertThat(ConfigLoader.parse("t", "[interface:wg0]\ncycle_time = 1\n").general().cycleTime()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void daemonKeysAreReadFromGeneralThenDefault() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t", """
                [DEFAULT]
                loglevel = WARNING
                wg_command = /usr/local/bin/wg
                [general]
                loglevel = debug
                wireguard_config_dir = /srv/wireguard
                """);
        assertThat(config.general()).isEqualTo(new GeneralSettings(Duration.ofSeconds(30), LogLevel.DEBUG,
                Path.of("/srv/wireguard"), "/usr/local/bin/wg"));
    }

    @Test
    void valuesInUnknownSectionsAreNotValidated() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t", "[old]\ncycle_time = fast\nx = %(nowhere)s\n");
        assertThat(warnings(config)).containsExactly("t:1: [old] unknown section, ignored (expected [general], [DEFAULT], "
                + "[interface:<ifname>], [peer:<ifname>:<public-key>], [output:<name>] or [hook:<name>])");
    }

    @Test
    void emptyFileMeansDefaults() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t", "");
        assertThat(config.general()).isEqualTo(GeneralSettings.DEFAULTS);
        assertThat(config.trackingFor("wg0", PEER)).isEqualTo(TrackingParams.DEFAULTS);
    }

    @Test
    void readsConfigSourcesTheirDirectoriesAndPeerEndpoints() throws ConfigException {
        WgtrackConfig config = ConfigLoader.parse("t.conf", """
                [general]
                config_sources = NetworkManager, wg-quick
                networkd_config_dirs = /srv/network
                networkmanager_config_dirs = /srv/nm, /run/nm

                [peer:wg0:%s]
                endpoint = branch.example.org:51820

                [interface:wg0]
                endpoint = hub.example.org:51820
                """.formatted(PEER));
        assertThat(config.general().configSources()).containsExactly(ConfigFormat.NETWORKMANAGER, ConfigFormat.WG_QUICK);
        assertThat(config.general().networkdConfigDirs()).containsExactly(Path.of("/srv/network"));
        assertThat(config.general().networkManagerConfigDirs()).containsExactly(Path.of("/srv/nm"), Path.of("/run/nm"));
        assertThat(config.endpointFor("wg0", PEER)).contains(Endpoint.parse("branch.example.org:51820"));
        assertThat(config.endpointFor("wg1", PEER)).isEmpty();
        assertThat(warnings(config)).containsExactly(
                "t.conf:10: [interface:wg0] endpoint: belongs to one peer; ignored here (expected in [peer:…])");
        assertThat(ConfigLoader.parse("t.conf", "[general]\nconfig_sources =\n").general().configSources()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "config_sources|wg-quick, systemd|a comma-separated list of wg-quick, networkd and networkmanager, each at most once, or empty for none",
        "config_sources|wg-quick, wg-quick|a comma-separated list of wg-quick, networkd and networkmanager, each at most once, or empty for none",
        "networkd_config_dirs|,|a comma-separated list of directory paths",
    })
    void refusesBadSourceSettings(String key, String value, String expected) {
        assertThatThrownBy(() -> ConfigLoader.parse("t.conf", "[general]\n" + key + " = " + value + "\n"))
                .hasMessage("t.conf:2: [general] " + key + ": invalid value '" + value + "' (expected " + expected + ")");
    }

    @Test
    void refusesAnEndpointThatIsNoHostAndPort() {
        assertThatThrownBy(() -> ConfigLoader.parse("t.conf", "[peer:wg0:" + PEER + "]\nendpoint = branch.example.org\n"))
                .hasMessage("t.conf:2: [peer:wg0:" + PEER + "] endpoint: invalid value 'branch.example.org' (expected host:port or "
                        + "[address]:port, or empty for the peer's WireGuard configuration)");
    }
}
